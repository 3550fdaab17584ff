"""Sandbox copies of the source sites, one module per site (facts: shared/SITES.md)."""
