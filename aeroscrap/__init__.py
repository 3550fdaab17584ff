"""AeroScrap: aviation job intelligence — crawl, clean, de-duplicate and serve jobs."""

__version__ = "0.1.0"
