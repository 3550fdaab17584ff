"""index only the jobs that carry an agency reference

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

Most adverts have no agency reference, yet each insert still added a NULL entry to
ix_jobs_ref_key. The lookups are `ref_key IN (...)`, which a partial index on the non-null keys
answers alike.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_PRESENT = sa.text("ref_key IS NOT NULL")


def upgrade() -> None:
    # Plain index operations, not batch mode: recreating `jobs` on SQLite drops its FTS5 triggers.
    op.drop_index("ix_jobs_ref_key", table_name="jobs")
    op.create_index(
        "ix_jobs_ref_key",
        "jobs",
        ["ref_key"],
        unique=False,
        postgresql_where=_PRESENT,
        sqlite_where=_PRESENT,
    )


def downgrade() -> None:
    op.drop_index("ix_jobs_ref_key", table_name="jobs")
    op.create_index("ix_jobs_ref_key", "jobs", ["ref_key"], unique=False)
