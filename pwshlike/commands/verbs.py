"""PowerShell's approved verbs (what ``Get-Verb`` lists in pwsh 7.4), by group.

Import-Module warns when a module's commands use other verbs, because
users find commands by verb; Test-PwshlikePlugin does the same for a
plugin's commands.
"""

from __future__ import annotations

APPROVED_VERBS: dict[str, tuple[str, ...]] = {
    "Common": ("Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock",
               "Move", "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize",
               "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch"),
    "Communications": ("Connect", "Disconnect", "Read", "Receive", "Send", "Write"),
    "Data": ("Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount",
             "Edit", "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out",
             "Publish", "Restore", "Save", "Sync", "Unpublish", "Update"),
    "Diagnostic": ("Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace"),
    "Lifecycle": ("Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable",
                  "Install", "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit",
                  "Suspend", "Uninstall", "Unregister", "Wait"),
    "Other": ("Use",),
    "Security": ("Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect"),
}

_LOWER = frozenset(verb.lower() for verbs in APPROVED_VERBS.values() for verb in verbs)


def is_approved_verb(verb: str) -> bool:
    """Whether ``verb`` is approved (case-insensitively, as pwsh compares)."""
    return verb.lower() in _LOWER
