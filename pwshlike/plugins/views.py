"""The default views of Get-PwshlikePlugin's and Test-PwshlikePlugin's objects:

    Name           Version Source     Modules
    ----           ------- ------     -------
    partnercenter  0.1.0   EntryPoint {PartnerCenter}
"""

from __future__ import annotations

from .registries import FormatView, ViewColumn


def plugin_views() -> list[FormatView]:
    return [
        FormatView("PluginInfo", ["Pwshlike.PluginInfo"], "table", [
            ViewColumn("Name", "Name", width=20),
            ViewColumn("Version", "Version", width=10),
            ViewColumn("Source", "Source", width=13),
            ViewColumn("Modules", "Modules"),
        ]),
        FormatView("PluginTestResult", ["Pwshlike.PluginTestResult"], "table", [
            ViewColumn("Name", "Name", width=20),
            ViewColumn("Commands", "Commands", width=8, alignment="Right"),
            ViewColumn("Types", "Types", width=5, alignment="Right"),
            ViewColumn("Views", "Views", width=5, alignment="Right"),
            ViewColumn("Problems", "Problems", width=8, alignment="Right"),
            ViewColumn("Passed", "Passed", width=6),
        ]),
    ]
