"""The object model PowerShell borrows from .NET: values, types and
conversions, operators, members and static members, exceptions and
error records, regular expressions, wildcards and format strings.

It never imports the runtime (pwshlike.runtime): what it needs from
script blocks arrives through registrations the runtime makes
(``types.register_class``, ``statics.register_static_table``).
"""
