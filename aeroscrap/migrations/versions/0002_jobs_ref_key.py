"""jobs.ref_key for agency-reference blocking

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Agency adverts carry their own reference (Ref: GR12345); a shared reference decides a duplicate
even when the title was reworded, so candidates are also looked up by this indexed key.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTERs, not batch mode: recreating `jobs` on SQLite would drop its FTS5 triggers.
    op.add_column("jobs", sa.Column("ref_key", sa.String(length=200), nullable=True))
    op.create_index("ix_jobs_ref_key", "jobs", ["ref_key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_jobs_ref_key", table_name="jobs")
    op.drop_column("jobs", "ref_key")
