"""pwshlike: a PowerShell 7 compatible cmdlet shell written in Python."""

__version__ = "0.1.0"
