"""Second pipeline step: normalise a scraped item and precompute its dedup features."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from aeroscrap.ingest import Prepared, prepare


class NormalizePipeline:
    """Turns a JobItem into a Prepared record (normalised fields, URL hash, dedup block key)."""

    def process_item(self, item: Any) -> Prepared:
        # ValidatePipeline already dropped what cannot be a job.
        return prepare(ItemAdapter(item).asdict(), validate=False)
