"""Identity: tokens from Azure AD (and the embedded emulator) for every plugin.

Layering: this package sits above the language engine and below everything
that uses it (the emulator, the commands and plugins, the host).  It imports
nothing else from pwshlike, and msal, msal-extensions, httpx, cryptography
and PyJWT only inside the functions that need them, so a script that signs
in to nothing never pays for them (importing this package, or
``environments``, ``errors``, ``paths`` and ``tokens``, costs only the
standard library).  Plugins reach it through ``pwshlike.plugin``.

Modules, one job each:

- ``paths``: where state lives (XDG directories).
- ``environments``: ``CloudEnvironment``, endpoints kept apart from resource identifiers.
- ``errors``: ``IdentityError`` and how Azure AD's answers map to codes and categories.
- ``tokens``: JWT claims without verification, and ``TokenResult``.
- ``http``: msal's HTTP client on httpx (TLS trust per environment, retries, redacted debug text).
- ``cache``: the shared, persisted token cache.
- ``certstore``: certificates by thumbprint.
- ``browser``: the loopback listener and opening the browser.
- ``devicecode``: the device code flow.
- ``service``: ``IdentityService``, which puts them together into sign-in flows.
"""
