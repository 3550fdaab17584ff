"""From extracted lines to a ParsedResume: routes each section to the field parsers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from resume_parser.aviation import (
    find_certifications,
    find_hours,
    find_licences,
    find_medical,
    find_type_ratings,
)
from resume_parser.contacts import EMAIL_RE, find_email, find_location, find_name, find_phone
from resume_parser.dates import find_range
from resume_parser.education import parse_education
from resume_parser.experience import parse_experience
from resume_parser.models import Line, ParsedResume
from resume_parser.sections import Document, split_sections

_ITEM_SPLIT = re.compile(r"\t|\s[|•·▪]\s|[•▪;]")


def build_resume(lines: list[Line]) -> ParsedResume:
    """Parse all fields of a resume from its lines."""
    lines = [replace(ln, text=unicodedata.normalize("NFC", ln.text)) for ln in lines]
    doc = split_sections(lines)
    block = _unique(doc.preamble + _near_email(lines))
    contact = _unique(block + doc.lines_of("other"))
    not_jobs = doc.preamble + [
        ln for s in doc.sections if s.kind not in {"experience", "education"} for ln in s.lines
    ]
    location = find_location(contact) or find_location(not_jobs)
    region = location.country if location else None
    resume = ParsedResume(
        name=find_name(doc.preamble, lines),
        email=find_email(contact) or find_email(lines),
        phone=find_phone(block, region, strict=False)
        or find_phone(contact, region)
        or find_phone(not_jobs, region),
        location=location,
        summary=_summary(doc),
        skills=_skills(doc.lines_of("skills")),
        experience=parse_experience(doc.lines_of("experience")),
        education=parse_education(doc.lines_of("education")),
    )
    held = doc.preamble + doc.lines_of("licences", "certifications", "other") + _qualified(doc)
    resume.licences = find_licences(held)
    resume.type_ratings = find_type_ratings(doc.lines_of("licences"), all_lines=True)
    for code in find_type_ratings(held + doc.lines_of("hours"), all_lines=False):
        if code not in resume.type_ratings:
            resume.type_ratings.append(code)
    resume.certifications = find_certifications(
        doc.lines_of("licences", "certifications", "languages", "other") + _qualified(doc)
    )
    hours_lines = doc.lines_of("hours") + not_jobs
    resume.total_hours, resume.pic_hours = find_hours(hours_lines)
    resume.medical_class = find_medical(
        [
            # Under a "Medical" heading a line says only "Class 1, valid to 2026".
            Line(f"{s.title}: {ln.text}") if _MEDICAL.search(s.title) else ln
            for s in doc.sections
            if s.kind not in {"experience", "summary"}
            for ln in s.lines
        ]
        + doc.preamble
    )
    resume.confidence = _confidence(resume, doc)
    return resume


# "Qualifications" alone heads degrees in some resumes and licences and ratings in others.
_QUALIFICATIONS = re.compile(r"\bqualifications?\b", re.IGNORECASE)
_ACADEMIC = re.compile(r"\b(academic|education|educational|degrees?)\b", re.IGNORECASE)
_MEDICAL = re.compile(r"\bmedical\b", re.IGNORECASE)


def _qualified(doc: Document) -> list[Line]:
    """The lines of "Qualifications" sections, which split_sections files under education, to
    read licences, ratings and certificates from too (courses and exams are never held ones)."""
    return [
        line
        for section in doc.of("education")
        if _QUALIFICATIONS.search(section.title) and not _ACADEMIC.search(section.title)
        for line in section.lines
    ]


def _near_email(lines: list[Line]) -> list[Line]:
    """The contact block around the first e-mail address, wherever the layout put it.

    A sidebar is often read after the main column, so its contact lines land inside whatever
    section came last; the lines next to the e-mail are the phone and the address.
    """
    for i, line in enumerate(lines):
        if EMAIL_RE.search(line.text):
            block = []
            for near in lines[max(0, i - 3) : i + 4]:
                if near.bullet or near.heading or len(near.text) > 80 or find_range(near.text):
                    continue
                block.append(near)
            return block
    return []


def _unique(lines: list[Line]) -> list[Line]:
    seen: set[int] = set()
    out = []
    for line in lines:
        if id(line) not in seen:
            seen.add(id(line))
            out.append(line)
    return out


def _summary(doc: Document) -> str | None:
    sections = doc.of("summary")
    if not sections:
        return None
    text = " ".join(ln.text.replace("\t", " ") for ln in sections[0].lines)
    return re.sub(r"\s+", " ", text).strip() or None


def _skills(lines: list[Line]) -> list[str]:
    items: list[str] = []
    for text in _unwrap(lines):
        for chunk in _ITEM_SPLIT.split(text):
            for item in _split_commas(chunk):
                item = item.strip(" .;:-–—*|")
                if item and item not in items and len(item) <= 80:
                    items.append(item)
    return items


def _unwrap(lines: list[Line]) -> list[str]:
    """Line texts with soft-wrapped paragraph lines joined: in a comma-separated paragraph a
    line that ends mid-item ("…, Fastener") and a next line that starts in lower case
    ("installation with rivets, …") hold one item between them."""
    texts: list[str] = []
    for line in lines:
        prev = texts[-1].rstrip() if texts else ""
        if "," in prev and not line.bullet and line.text[:1].islower() and prev[-1:].isalnum():
            texts[-1] = f"{prev} {line.text.strip()}"
        else:
            texts.append(line.text)
    return texts


def _split_commas(text: str) -> list[str]:
    """Split on commas outside brackets: "Auditing (Part-145, Part-CAMO)" stays one item."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}" and depth > 0
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _confidence(resume: ParsedResume, doc: Document) -> float:
    """A rough 0..1 score of how much of a usual resume was found."""
    checks = [
        resume.name is not None,
        resume.email is not None or resume.phone is not None,
        bool(resume.experience),
        bool(resume.education),
        bool(resume.skills) or resume.summary is not None,
        len(doc.sections) >= 3,
    ]
    return round(sum(checks) / len(checks), 2)
