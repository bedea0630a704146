"""The cmdlets of the command layer, one module per family.

Nothing here registers them: the built-in plugin
(:mod:`pwshlike.plugins.builtins`) lists every shipped cmdlet by import
path, so none is imported until used, and declares the engine's modules
through the same hooks as any plugin.
"""
