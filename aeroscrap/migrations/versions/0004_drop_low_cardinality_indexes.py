"""drop the single-column indexes of status, source and senior_flag

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Each of these columns holds a handful of values, so the planner prefers the posted-date or
analytics index for their filters, while every insert still paid for three more B-trees
(bench/storage.py). ix_jobs_analytics leads with status and holds source and senior_flag.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_DROPPED = {
    "ix_jobs_status": "status",
    "ix_jobs_source": "source",
    "ix_jobs_senior_flag": "senior_flag",
}


def upgrade() -> None:
    # Plain DROP INDEX, not batch mode: recreating `jobs` on SQLite would drop its FTS5 triggers.
    for name in _DROPPED:
        op.drop_index(name, table_name="jobs")


def downgrade() -> None:
    for name, column in _DROPPED.items():
        op.create_index(name, "jobs", [column], unique=False)
