"""Resume storage: parse and store, de-duplicate, safe names and files, filters, delete, stats."""

from __future__ import annotations

import io
import json
import logging
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from aeroscrap import resumes
from aeroscrap.db.models import Resume
from aeroscrap.resumes import (
    BACKUP_NAME,
    UNSUPPORTED,
    ResumeTooLarge,
    UnsupportedFileType,
    delete_resume,
    get_resume,
    list_resumes,
    resume_path,
    resume_stats,
    sanitize_filename,
    store_resume,
)
from resume_parser import worker


def cv(
    name: str,
    *,
    email: str,
    licence: str = "EASA ATPL(A)",
    types: str = "B737",
    total: str | None = "6,000",
    pic: str | None = "3,500",
    title: str = "Captain B737",
    city: str = "Dublin, Ireland",
) -> bytes:
    """A plain-text pilot or engineer resume with the given aviation facts."""
    hours = []
    if total:
        hours.append(f"Total time: {total} hours")
    if pic:
        hours.append(f"PIC: {pic} hours")
    return "\n".join(
        [
            name.upper(),
            f"Based in {city} | {email}",
            "",
            "LICENCES AND RATINGS",
            licence,
            f"Type ratings: {types}" if types else "",
            "Class 1 Medical",
            "; ".join(hours),
            "",
            "EXPERIENCE",
            f"{title} — Example Air, Dublin",
            "Jan 2018 – Present",
            "",
        ]
    ).encode()


@pytest.fixture(scope="module", autouse=True)
def _stop_parser_workers() -> Iterator[None]:
    """The sandboxed parser keeps idle child processes; stop them when this module is done."""
    yield
    worker.shutdown()


CAPTAIN = cv("Marta Kerrigan", email="marker.kerrigan@example.com")
FIRST_OFFICER = cv(
    "Fiona Walsh",
    email="fiona@example.com",
    licence="CPL(A) with frozen ATPL",
    types="A320",
    total="1,500",
    pic=None,
    title="First Officer A320",
)
ENGINEER = cv(
    "Ben Okafor",
    email="ben@example.com",
    licence="EASA Part-66 B1.1 licence",
    types="",
    total=None,
    pic=None,
    title="B1 Licensed Engineer",
    city="London, UK",
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The resume dir (tmp_path itself also holds the SQLite test database)."""
    return tmp_path / "resumes"


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Resume)).scalar_one())


def test_store_parses_fills_the_row_and_keeps_the_file_private(
    engine: Engine, folder: Path
) -> None:
    stored = store_resume(engine, CAPTAIN, "cv.txt", None, directory=folder)
    assert stored.status == "parsed" and stored.kind == "txt" and not stored.duplicate
    assert stored.candidate_name == "Marta Kerrigan"
    assert stored.email == "marker.kerrigan@example.com"
    assert (stored.country_code, stored.city) == ("IE", "Dublin")
    assert stored.licences == ["ATPL(A)"] and stored.type_ratings == ["B737"]
    assert (stored.total_hours, stored.pic_hours, stored.medical_class) == (6000, 3500, 1)
    assert re.fullmatch(r"[0-9a-f-]{36}\.txt", stored.stored_name)
    path = resume_path(stored, directory=folder)
    assert path.read_bytes() == CAPTAIN
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    backup = [json.loads(line) for line in (folder / BACKUP_NAME).read_text().splitlines()]
    assert [b["public_id"] for b in backup] == [stored.public_id]
    assert backup[0]["parsed"]["total_hours"] == 6000
    assert get_resume(engine, stored.public_id) == stored


def test_same_file_twice_is_recognised(engine: Engine, folder: Path) -> None:
    first = store_resume(engine, CAPTAIN, "a.txt", None, directory=folder)
    again = store_resume(engine, CAPTAIN, "b.txt", {"name": "Other"}, directory=folder)
    assert again.duplicate is True
    assert again.public_id == first.public_id and again.filename == "a.txt"
    assert _count(engine) == 1
    assert len(list(folder.glob("*.txt"))) == 1
    assert len((folder / BACKUP_NAME).read_text().splitlines()) == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("/etc/cron.d/x", "x"),
        ("..\\..\\win.ini", "win.ini"),
        ("cv\x00.pdf", "cv.pdf"),
        ("cv\u202efdp.txt", "cvfdp.txt"),
        ("\u2066evil\u2069\r\n.docx", "evil.docx"),
        ("..", "resume"),
        ("", "resume"),
        (None, "resume"),
        ("Zoë Müller CV.pdf", "Zoë Müller CV.pdf"),
    ],
)
def test_display_name_is_a_sanitised_basename(given: str | None, expected: str) -> None:
    assert sanitize_filename(given) == expected


def test_long_display_name_is_cut_to_255_bytes_keeping_the_extension() -> None:
    name = sanitize_filename("é" * 300 + ".pdf")
    assert len(name.encode()) <= 255 and name.endswith(".pdf")
    name.encode().decode("utf-8")  # never a split character


@pytest.mark.parametrize(
    "hostile", ["../../etc/passwd", "/etc/cron.d/x", "..\\..\\win.ini", "a\x00b", "\u202etxt.exe"]
)
def test_hostile_filename_never_leaves_the_resume_dir(
    engine: Engine, tmp_path: Path, hostile: str
) -> None:
    folder = tmp_path / "a" / "b" / "resumes"
    stored = store_resume(engine, CAPTAIN, hostile, None, directory=folder)
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted([stored.stored_name, BACKUP_NAME, f".{BACKUP_NAME}.lock"])
    # Nothing beside the database appeared anywhere else under the test directory.
    outside = {p.name for p in tmp_path.rglob("*") if p.is_file() and folder not in p.parents}
    assert {n for n in outside if not n.startswith("aeroscrap.db")} == set()
    assert "/" not in stored.filename and "\\" not in stored.filename
    assert not any(ord(ch) < 32 or ch == "\u202e" for ch in stored.filename)


def _docx_like_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("cv.docx", _docx_like_zip()),
        ("cv.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),
        ("cv.txt", b"<!DOCTYPE html><html><body>CV</body></html>"),
        ("cv.txt", b"Captain\x00B737"),
    ],
)
def test_non_resume_is_refused_and_nothing_is_stored(
    engine: Engine, folder: Path, name: str, data: bytes
) -> None:
    with pytest.raises(UnsupportedFileType, match=re.escape(UNSUPPORTED)):
        store_resume(engine, data, name, None, directory=folder)
    assert _count(engine) == 0
    assert not folder.exists() or not any(folder.iterdir())


def test_oversize_upload_is_refused_before_anything_is_written(
    engine: Engine, folder: Path
) -> None:
    with pytest.raises(ResumeTooLarge, match="limit 5242880"):
        store_resume(engine, b"%PDF-" + b"0" * (5 * 1024 * 1024), "big.pdf", None, directory=folder)
    assert _count(engine) == 0 and not folder.exists()


def test_candidate_info_given_with_the_upload_wins(engine: Engine, folder: Path) -> None:
    info = {"name": "Captain Given", "email": "given@example.com", "source": "agency"}
    stored = store_resume(engine, CAPTAIN, "cv.txt", info, directory=folder)
    assert stored.candidate_name == "Captain Given" and stored.email == "given@example.com"
    assert stored.info == info
    assert stored.parsed is not None and stored.parsed["name"] == "Marta Kerrigan"


def test_delete_removes_file_row_and_backup_entry(engine: Engine, folder: Path) -> None:
    keep = store_resume(engine, ENGINEER, "eng.txt", None, directory=folder)
    gone = store_resume(engine, CAPTAIN, "cv.txt", None, directory=folder)
    assert delete_resume(engine, gone.public_id, directory=folder) is True
    assert get_resume(engine, gone.public_id) is None
    assert not resume_path(gone, directory=folder).exists()
    assert resume_path(keep, directory=folder).exists()
    backup = (folder / BACKUP_NAME).read_text()
    assert gone.public_id not in backup and "marker.kerrigan" not in backup
    assert keep.public_id in backup
    assert delete_resume(engine, gone.public_id, directory=folder) is False


def test_list_filters(engine: Engine, folder: Path) -> None:
    ids = {
        key: store_resume(engine, data, f"{key}.txt", None, directory=folder).public_id
        for key, data in (("captain", CAPTAIN), ("fo", FIRST_OFFICER), ("eng", ENGINEER))
    }

    def keys(**filters: object) -> set[str]:
        found = {r.public_id for r in list_resumes(engine, **filters)}  # type: ignore[arg-type]
        return {k for k, v in ids.items() if v in found}

    assert keys() == {"captain", "fo", "eng"}
    assert keys(licence="ATPL(A)") == {"captain"}
    assert keys(licence="cpl(a)") == {"fo"}
    assert keys(licence="PART66-B1") == {"eng"}
    assert keys(type_rating="A320") == {"fo"}
    assert keys(min_total_hours=1500) == {"captain", "fo"}
    assert keys(min_total_hours=2000) == {"captain"}
    assert keys(min_pic_hours=1) == {"captain"}
    assert keys(licence="ATPL(A)", type_rating="A320") == set()
    assert len(list_resumes(engine, limit=2)) == 2
    assert len(list_resumes(engine, limit=2, offset=2)) == 1


@pytest.mark.parametrize("code", ["%", "ATPL%", "A_20", "' OR 1=1 --"])
def test_filter_codes_are_never_patterns(engine: Engine, code: str) -> None:
    with pytest.raises(ValueError, match="not a licence or type code"):
        list_resumes(engine, licence=code)


def test_stats(engine: Engine, folder: Path) -> None:
    for key, data in (("c", CAPTAIN), ("f", FIRST_OFFICER), ("e", ENGINEER)):
        store_resume(engine, data, f"{key}.txt", None, directory=folder)
    store_resume(engine, b"   \n", "empty.txt", None, directory=folder)
    stats = resume_stats(engine)
    assert stats["total"] == 4
    assert stats["by_status"] == {"no_text": 1, "parsed": 3}
    assert stats["by_licence"] == {"ATPL(A)": 1, "CPL(A)": 1, "PART66-B1": 1}
    assert stats["hours"]["5000-9999"] == 1
    assert stats["hours"]["1500-2999"] == 1
    assert stats["hours"]["unknown"] == 2
    assert sum(stats["hours"].values()) == 4


def test_no_personal_data_in_logs(
    engine: Engine, folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        stored = store_resume(engine, CAPTAIN, "Marta Kerrigan.txt", None, directory=folder)
        store_resume(engine, CAPTAIN, "again.txt", None, directory=folder)
        delete_resume(engine, stored.public_id, directory=folder)
    assert stored.public_id in caplog.text
    for secret in ("marker", "Marta", "Kerrigan", "example.com", "6,000", "Dublin"):
        assert secret not in caplog.text


def test_a_concurrent_upload_of_the_same_file_keeps_one_record(
    engine: Engine, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store_resume(engine, CAPTAIN, "a.txt", None, directory=folder)
    real = resumes._by_sha
    calls: list[str] = []

    def racing(engine: Engine, digest: str) -> object:
        # The first look-up misses, as when the other upload commits just after it.
        calls.append(digest)
        return None if len(calls) == 1 else real(engine, digest)

    monkeypatch.setattr(resumes, "_by_sha", racing)
    again = store_resume(engine, CAPTAIN, "b.txt", None, directory=folder)
    assert again.duplicate and again.public_id == first.public_id
    assert _count(engine) == 1
    assert [p.name for p in folder.glob("*.txt")] == [first.stored_name]
