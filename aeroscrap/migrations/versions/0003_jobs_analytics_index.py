"""covering index for the analytics breakdowns

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Analytics group the jobs of one status by country, operation type or source, count senior jobs
and bucket posting dates. Without an index covering those columns each aggregate read the whole
table (80-100 ms on 100k jobs); an index-only scan of this one takes 18-29 ms.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = ["status", "country_code", "operation_type", "source", "senior_flag", "posted_date"]


def upgrade() -> None:
    # Plain CREATE INDEX, not batch mode: recreating `jobs` on SQLite would drop its FTS5 triggers.
    op.create_index("ix_jobs_analytics", "jobs", _COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_jobs_analytics", table_name="jobs")
