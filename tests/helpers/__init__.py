"""Shared test helpers (importable because pyproject puts tests/ on the path)."""
