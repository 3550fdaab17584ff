"""Command line: `aeroscrap resume parse FILE [--json]` calls cli_main(["FILE", "--json"])."""

from __future__ import annotations

import argparse
import json
import sys

from resume_parser.api import parse_resume
from resume_parser.models import ParsedResume


def cli_main(argv: list[str]) -> int:
    """Parse one resume; print JSON or a summary. Exit 0 when parsed, 2 for a bad file."""
    parser = argparse.ArgumentParser(prog="aeroscrap resume parse", description=cli_main.__doc__)
    parser.add_argument("file", help="PDF, DOCX or TXT resume")
    parser.add_argument("--json", action="store_true", help="print the parsed fields as JSON")
    parser.add_argument(
        "--no-sandbox", action="store_true", help="parse in this process (debugging only)"
    )
    args = parser.parse_args(argv)
    result = parse_resume(args.file, sandbox=not args.no_sandbox)
    if result.resume is None:
        print(f"error: {result.status}: {result.message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.resume.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_summary(result.resume, result.kind or "?"))
    return 0


def _summary(resume: ParsedResume, kind: str) -> str:
    loc = resume.location
    rows = [
        f"kind:        {kind}",
        f"name:        {resume.name or '-'}",
        f"email:       {resume.email or '-'}",
        f"phone:       {resume.phone or '-'}",
        f"location:    {(loc.city or '-') + ', ' + (loc.country or '-') if loc else '-'}",
        f"licences:    {', '.join(resume.licences) or '-'}",
        f"types:       {', '.join(resume.type_ratings) or '-'}",
        f"hours:       total {resume.total_hours or '-'}, PIC {resume.pic_hours or '-'}",
        f"medical:     {resume.medical_class or '-'}",
        f"certs:       {', '.join(resume.certifications) or '-'}",
        f"skills:      {len(resume.skills)}",
        f"confidence:  {resume.confidence:.2f}",
        "experience:",
        *[
            f"  {j.start or '?'} – {j.end or '?'}  {j.title} @ {j.employer}"
            for j in resume.experience
        ],
        "education:",
        *[f"  {e.year or '?'}  {e.degree} @ {e.institution}" for e in resume.education],
    ]
    return "\n".join(rows)
