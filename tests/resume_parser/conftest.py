"""Shared pytest fixtures of the resume parser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.resume_parser.builders import FIXTURES


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
