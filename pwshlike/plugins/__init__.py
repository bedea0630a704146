"""The plugin system: discovery, the pluggy plugin manager, the hook
specifications and what plugins register.

Plugin authors use :mod:`pwshlike.plugin`; the hooks are documented in
:mod:`pwshlike.plugins.hookspecs`.
"""
