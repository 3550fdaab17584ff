"""AeroScrap's exceptions: each says when it is raised."""

from __future__ import annotations


class AeroScrapError(Exception):
    """Base class of every error AeroScrap raises on purpose."""


class ConfigError(AeroScrapError):
    """Raised at start-up when AEROSCRAP_* settings are invalid."""


class DatabaseUnavailable(AeroScrapError):
    """Raised when the database cannot be reached (the message names host:port, never a password)."""
