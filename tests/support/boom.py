"""A deliberately buggy pipeline for the crawl-record tests: it raises on the second item."""

from __future__ import annotations

from typing import Any


class BoomPipeline:
    """Raises on the second item, as a pipeline bug would (RELIABILITY D4)."""

    def __init__(self) -> None:
        self.seen = 0

    def process_item(self, item: Any) -> Any:
        self.seen += 1
        if self.seen == 2:
            raise RuntimeError("BOOM: a pipeline bug")
        return item
