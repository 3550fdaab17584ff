"""Local copies of the job sites (shared/SITES.md) with fault knobs, for tests and the demo."""
