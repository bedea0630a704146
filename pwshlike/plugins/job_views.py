"""The jobs' default table (pwsh's PowerShellCore format data for
System.Management.Automation.Job):

    Id     Name            PSJobTypeName   State         HasMoreData     Location             Command
    --     ----            -------------   -----         -----------     --------             -------
    1      Job1            BackgroundJob   Completed     True            localhost             1
"""

from __future__ import annotations

from pwshlike.plugins.registries import FormatView, ViewColumn


def job_views() -> list[FormatView]:
    return [FormatView("Job", ["System.Management.Automation.Job"], "table", [
        ViewColumn("Id", "Id", width=6), ViewColumn("Name", "Name", width=15),
        ViewColumn("PSJobTypeName", "PSJobTypeName", width=15), ViewColumn("State", "State", width=13),
        ViewColumn("HasMoreData", "HasMoreData", width=15), ViewColumn("Location", "Location", width=20),
        ViewColumn("Command", "Command", width=25)])]
