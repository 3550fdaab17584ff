"""Write the holdout resumes and their .truth.json files into this folder.

Usage: python tests/resume_parser/holdout/make_holdout.py
The resumes and truths are written by hand in resumes_a.py / resumes_b.py; this only renders
them. The files are committed, so the test never needs reportlab.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render import render  # noqa: E402
from resumes_a import RESUMES_A  # noqa: E402
from resumes_b import RESUMES_B  # noqa: E402
from resumes_c import RESUMES_C  # noqa: E402


def main() -> int:
    """Render every resume and write its truth beside it."""
    for resume in [*RESUMES_A, *RESUMES_B, *RESUMES_C]:
        path = render(resume, HERE)
        meta = {"file": path.name, "format": resume.fmt, "layout": resume.layout,
                "set": "holdout", "generator": "make_holdout.py"}  # fmt: skip
        truth = {**resume.truth, "_meta": meta}
        text = json.dumps(truth, ensure_ascii=False, indent=2) + "\n"
        (HERE / f"{resume.stem}.truth.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
