"""Resume storage service (no HTTP): store, de-duplicate, parse, list, delete and count resumes.

Resumes are personal data. Files live under server-generated names (`<uuid>.<kind>`, mode 0600,
in a 0700 directory); the client's filename is only a sanitised display name. Logs carry resume
ids only, never names, contact details or text. A JSON-lines backup of the parsed data is kept
beside the files (`parsed.jsonl`), as the original system did; deleting a resume removes it
there too.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, case, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from aeroscrap.config import get_settings
from aeroscrap.db.models import Resume, table_of
from aeroscrap.exceptions import AeroScrapError
from resume_parser import parse_bytes
from resume_parser.api import MAX_FILE_BYTES
from resume_parser.models import ParseFailure
from resume_parser.sniff import sniff

log = logging.getLogger(__name__)
BACKUP_NAME = "parsed.jsonl"
MAX_DISPLAY_BYTES = 255
UNSUPPORTED = "unsupported file type (expected PDF, DOCX or TXT)"
_CODE = re.compile(r"^[A-Z0-9()\-]{1,20}$")
# Display-name characters dropped: controls, format (bidi overrides, zero-width), surrogates,
# private use, line/paragraph separators.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
HOUR_BUCKETS = ((0, 500), (500, 1500), (1500, 3000), (3000, 5000), (5000, 10000), (10000, None))
# Candidate info a recruiter may give with the upload; it overrides what the parser read.
_INFO_COLUMNS = {"name": ("candidate_name", 200), "email": ("email", 320), "phone": ("phone", 32),
                 "country_code": ("country_code", 2), "city": ("city", 120)}  # fmt: skip
_table = table_of(Resume)


class ResumeError(AeroScrapError):
    """Base of the errors a resume upload can be refused with (the message is safe to show)."""


class ResumeTooLarge(ResumeError):
    """Raised when the upload exceeds MAX_FILE_BYTES (5 MiB)."""


class UnsupportedFileType(ResumeError):
    """Raised when the content (magic bytes) is not PDF, DOCX or text."""


@dataclass(frozen=True, slots=True)
class StoredResume:
    """One stored resume; `duplicate` is true when the upload matched an existing file."""

    id: int
    public_id: str
    filename: str
    stored_name: str
    kind: str | None
    size: int
    status: str
    candidate_name: str | None
    email: str | None
    phone: str | None
    country_code: str | None
    city: str | None
    total_hours: int | None
    pic_hours: int | None
    medical_class: int | None
    licences: list[str]
    type_ratings: list[str]
    confidence: float | None
    created_at: datetime | None
    parsed: dict[str, Any] | None = field(default=None, repr=False)
    info: dict[str, Any] | None = field(default=None, repr=False)
    duplicate: bool = False


def resume_dir() -> Path:
    """The configured resume directory (AEROSCRAP_RESUME_DIR)."""
    return Path(get_settings().resume_dir)


def sanitize_filename(name: str | None) -> str:
    """Basename only, without separators, controls or bidi characters, at most 255 UTF-8 bytes."""
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROP_CATEGORIES)
    text = text.strip(" .")
    if not text:
        return "resume"
    stem, dot, ext = text.rpartition(".")
    if not dot or len(ext.encode()) > 16:
        stem, ext = text, ""
    suffix = f".{ext}" if ext else ""
    budget = MAX_DISPLAY_BYTES - len(suffix.encode())
    stem = stem.encode()[:budget].decode("utf-8", "ignore")
    return stem + suffix


def store_resume(
    engine: Engine,
    data: bytes,
    filename: str | None,
    info: dict[str, Any] | None,
    *,
    directory: Path | None = None,
) -> StoredResume:
    """Store and parse one upload; the same bytes again return the existing record.

    Raises ResumeTooLarge over 5 MiB and UnsupportedFileType when the magic bytes are not PDF,
    DOCX or text; in both cases nothing is written.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ResumeTooLarge(f"file is {len(data)} bytes (limit {MAX_FILE_BYTES})")
    try:
        kind = sniff(data)
    except ParseFailure:
        raise UnsupportedFileType(UNSUPPORTED) from None
    digest = hashlib.sha256(data).hexdigest()
    existing = _by_sha(engine, digest)
    if existing is not None:
        log.info("resume %s uploaded again (duplicate)", existing.public_id)
        return existing
    result = parse_bytes(data, sandbox=True)
    parsed = result.resume.to_dict() if result.resume is not None else None
    folder = directory or resume_dir()
    public_id = str(uuid.uuid4())
    stored_name = f"{public_id}.{kind}"
    _write_private(folder, stored_name, data)
    row = {
        "public_id": public_id,
        "sha256": digest,
        "filename": sanitize_filename(filename),
        "stored_name": stored_name,
        "kind": kind,
        "size": len(data),
        "status": result.status,
        **_fields(parsed, info),
        "parsed": parsed,
        "info": info or None,
        "created_at": datetime.now(UTC),
    }
    try:
        with engine.begin() as conn:
            row["id"] = conn.execute(insert(_table).values(row).returning(_table.c.id)).scalar_one()
    except IntegrityError:
        # The same file arrived concurrently and the other upload won: keep its record.
        (folder / stored_name).unlink(missing_ok=True)
        winner = _by_sha(engine, digest)
        if winner is None:
            raise
        return winner
    _append_backup(folder, row)
    log.info("resume %s stored (kind=%s status=%s)", public_id, kind, result.status)
    return _from_row(row)


def get_resume(engine: Engine, public_id: str) -> StoredResume | None:
    """The resume with this public id, or None."""
    with engine.connect() as conn:
        row = conn.execute(select(_table).where(_table.c.public_id == public_id)).mappings().first()
    return _from_row(row) if row is not None else None


def resume_path(stored: StoredResume, *, directory: Path | None = None) -> Path:
    """Where the original file of a stored resume lives."""
    return (directory or resume_dir()) / stored.stored_name


def delete_resume(engine: Engine, public_id: str, *, directory: Path | None = None) -> bool:
    """Delete the row, the file and the backup entry; False when no such resume exists."""
    folder = directory or resume_dir()
    with engine.begin() as conn:
        stored_name = conn.execute(
            delete(_table).where(_table.c.public_id == public_id).returning(_table.c.stored_name)
        ).scalar_one_or_none()
    if stored_name is None:
        return False
    (folder / stored_name).unlink(missing_ok=True)
    _drop_backup(folder, public_id)
    log.info("resume %s deleted", public_id)
    return True


def list_resumes(
    engine: Engine,
    *,
    licence: str | None = None,
    type_rating: str | None = None,
    min_total_hours: int | None = None,
    min_pic_hours: int | None = None,
    status: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[StoredResume]:
    """Resumes newest first, filtered by a held licence / type rating and minimum hours.

    Raises ValueError for a code that is not a canonical code ("ATPL(A)", "B737").
    """
    stmt = select(_table)
    for column, code in ((_table.c.licences, licence), (_table.c.type_ratings, type_rating)):
        if code is not None:
            stmt = stmt.where(column.contains(f",{_canonical(code)},", autoescape=True))
    if min_total_hours is not None:
        stmt = stmt.where(_table.c.total_hours >= min_total_hours)
    if min_pic_hours is not None:
        stmt = stmt.where(_table.c.pic_hours >= min_pic_hours)
    if status is not None:
        stmt = stmt.where(_table.c.status == status)
    stmt = stmt.order_by(_table.c.created_at.desc(), _table.c.id.desc()).limit(limit).offset(offset)
    with engine.connect() as conn:
        return [_from_row(r) for r in conn.execute(stmt).mappings()]


def resume_stats(engine: Engine) -> dict[str, Any]:
    """Counts: total, by status, by licence and by total-hours bucket ("unknown" when none)."""
    bucket = case(
        *[
            (
                (_table.c.total_hours >= low)
                & ((_table.c.total_hours < high) if high else _table.c.total_hours.isnot(None)),
                _bucket_label(low, high),
            )
            for low, high in HOUR_BUCKETS
        ],
        else_="unknown",
    )
    with engine.connect() as conn:
        by_status: dict[str, int] = dict(
            conn.execute(select(_table.c.status, func.count()).group_by(_table.c.status)).all()
        )
        combos = conn.execute(
            select(_table.c.licences, func.count()).group_by(_table.c.licences)
        ).all()
        hours: dict[str, int] = dict(
            conn.execute(select(bucket, func.count()).group_by(bucket)).all()
        )
    by_licence: dict[str, int] = {}
    for codes, count in combos:
        for code in _split(codes):
            by_licence[code] = by_licence.get(code, 0) + count
    labels = [_bucket_label(low, high) for low, high in HOUR_BUCKETS] + ["unknown"]
    return {
        "total": sum(by_status.values()),
        "by_status": dict(sorted(by_status.items())),
        "by_licence": dict(sorted(by_licence.items(), key=lambda kv: (-kv[1], kv[0]))),
        "hours": {label: int(hours.get(label, 0)) for label in labels},
    }


def _bucket_label(low: int, high: int | None) -> str:
    return f"{low}+" if high is None else f"{low}-{high - 1}"


def _canonical(code: str) -> str:
    value = code.strip().upper().replace(" ", "")
    if not _CODE.match(value):
        raise ValueError(f"not a licence or type code: {code[:30]!r}")
    return value


def _split(codes: str | None) -> list[str]:
    return [c for c in (codes or "").split(",") if c]


def _join(codes: list[str]) -> str:
    return "," + "".join(f"{c}," for c in codes)


def _fields(parsed: dict[str, Any] | None, info: dict[str, Any] | None) -> dict[str, Any]:
    p = parsed or {}
    location = p.get("location") or {}
    values: dict[str, Any] = {
        "candidate_name": p.get("name"),
        "email": p.get("email"),
        "phone": p.get("phone"),
        "country_code": location.get("country"),
        "city": location.get("city"),
        "total_hours": p.get("total_hours"),
        "pic_hours": p.get("pic_hours"),
        "medical_class": p.get("medical_class"),
        "licences": _join(list(p.get("licences") or [])),
        "type_ratings": _join(list(p.get("type_ratings") or [])),
        "confidence": p.get("confidence"),
    }
    for key, (column, size) in _INFO_COLUMNS.items():
        given = (info or {}).get(key)
        if isinstance(given, str) and given.strip():
            values[column] = given.strip()[:size]
    for column, size in _INFO_COLUMNS.values():
        if isinstance(values[column], str):
            values[column] = values[column][:size]
    if values["country_code"]:
        values["country_code"] = values["country_code"].upper()
    return values


def _by_sha(engine: Engine, digest: str) -> StoredResume | None:
    with engine.connect() as conn:
        row = conn.execute(select(_table).where(_table.c.sha256 == digest)).mappings().first()
    return _from_row(row, duplicate=True) if row is not None else None


def _from_row(row: Any, *, duplicate: bool = False) -> StoredResume:
    return StoredResume(
        id=row["id"],
        public_id=row["public_id"],
        filename=row["filename"],
        stored_name=row["stored_name"],
        kind=row["kind"],
        size=row["size"],
        status=row["status"],
        candidate_name=row["candidate_name"],
        email=row["email"],
        phone=row["phone"],
        country_code=row["country_code"],
        city=row["city"],
        total_hours=row["total_hours"],
        pic_hours=row["pic_hours"],
        medical_class=row["medical_class"],
        licences=_split(row["licences"]),
        type_ratings=_split(row["type_ratings"]),
        confidence=row["confidence"],
        created_at=_utc(row.get("created_at")),
        parsed=row["parsed"],
        info=row["info"],
        duplicate=duplicate,
    )


def _utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; they were written as UTC.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _private_dir(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask, and the dir may pre-exist


def _write_private(folder: Path, name: str, data: bytes) -> None:
    _private_dir(folder)
    # O_EXCL|O_NOFOLLOW: never follow a planted symlink or overwrite a file.
    fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        (folder / name).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _backup_lock(folder: Path) -> Iterator[None]:
    # A separate lock file: the backup itself is replaced on delete, so locking it would not
    # stop an append from landing in the replaced copy.
    fd = os.open(folder / f".{BACKUP_NAME}.lock", os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _append_backup(folder: Path, row: dict[str, Any]) -> None:
    record = {
        k: row[k] for k in ("public_id", "sha256", "filename", "stored_name", "kind", "status")
    }
    record.update(created_at=row["created_at"].isoformat(), parsed=row["parsed"], info=row["info"])
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    with _backup_lock(folder):
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW
        with os.fdopen(os.open(folder / BACKUP_NAME, flags, 0o600), "a", encoding="utf-8") as out:
            out.write(line)


def _drop_backup(folder: Path, public_id: str) -> None:
    path = folder / BACKUP_NAME
    marker = json.dumps({"public_id": public_id})[1:-1]
    tmp = folder / f".{BACKUP_NAME}.{uuid.uuid4().hex}"
    with _backup_lock(folder):
        if not path.exists():
            return
        with path.open(encoding="utf-8") as handle:
            kept = [line for line in handle if marker not in line]
        try:
            with os.fdopen(
                os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8"
            ) as out:
                out.writelines(kept)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
