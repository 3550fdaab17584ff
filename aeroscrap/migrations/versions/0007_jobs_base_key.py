"""jobs.base_key: dedup candidates of a block fetched by base city

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

A popular advertiser's block holds thousands of jobs, yet a record with a base city can only
duplicate the jobs of that base or of none (aeroscrap.dedup.base_key). The base is stored and
indexed with the block key, so a batch fetches those rows instead of the whole block; the
composite index's prefix still serves lookups by block key alone. Stored jobs get their base
from their dedup features: the title's city, else the location's, cut to the column's length.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_LENGTH = 100
# `title_city or city or None` as dedup.base_key reads it: empty strings give way too.
_BACKFILL = {
    "postgresql": (
        "UPDATE jobs SET base_key = LEFT(COALESCE(NULLIF(dedup_features->>'title_city', ''), "
        f"NULLIF(dedup_features->>'city', '')), {_LENGTH}) WHERE dedup_features IS NOT NULL"
    ),
    "sqlite": (
        "UPDATE jobs SET base_key = SUBSTR(COALESCE("
        "NULLIF(json_extract(dedup_features, '$.title_city'), ''), "
        f"NULLIF(json_extract(dedup_features, '$.city'), '')), 1, {_LENGTH}) "
        "WHERE dedup_features IS NOT NULL"
    ),
}


def upgrade() -> None:
    # Plain ALTERs, not batch mode: recreating `jobs` on SQLite would drop its FTS5 triggers.
    op.add_column("jobs", sa.Column("base_key", sa.String(length=_LENGTH), nullable=True))
    op.execute(_BACKFILL[op.get_bind().dialect.name])
    op.drop_index("ix_jobs_block_key", table_name="jobs")
    op.create_index("ix_jobs_block_key_base_key", "jobs", ["block_key", "base_key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_jobs_block_key_base_key", table_name="jobs")
    op.create_index("ix_jobs_block_key", "jobs", ["block_key"], unique=False)
    op.drop_column("jobs", "base_key")
