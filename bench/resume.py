"""Resume parsing throughput: parse_resume (sandbox child included) vs bare pdfplumber.

Usage: python bench/resume.py [--quick] [DIR]
Ends with one line: RESULT pdf_per_s=.. pdfplumber_per_s=.. ratio=.. docx_per_s=.. txt_per_s=..
ratio = (time per PDF through parse_resume) / (time per PDF with pdfplumber extract_text).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "tests" / "resume_parser" / "fixtures"


def _rate(files: list[Path], rounds: int, run) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    count = 0
    for _ in range(rounds):
        for path in files:
            run(path)
            count += 1
    return count / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table and the RESULT line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--quick", action="store_true", help="fewer rounds (under a minute)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import pdfplumber

    from resume_parser import parse_resume

    rounds = 3 if args.quick else 15
    files = {ext: sorted(args.dir.glob(f"*.{ext}")) for ext in ("pdf", "docx", "txt")}

    def parse(path: Path) -> None:
        result = parse_resume(path)
        if result.status != "parsed":
            raise SystemExit(f"{path.name}: {result.status}")

    def plumb(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()

    for ext_files in files.values():
        for path in ext_files[:1]:
            parse(path)  # start the worker pool before timing
    plumb(files["pdf"][0])
    rates = {
        "pdf": _rate(files["pdf"], rounds, parse),
        "pdfplumber": _rate(files["pdf"], rounds, plumb),
        "docx": _rate(files["docx"], rounds, parse),
        "txt": _rate(files["txt"], rounds, parse),
    }
    ratio = rates["pdfplumber"] / rates["pdf"]
    print(f"{'path':<30} {'files':>5} {'per s':>8} {'ms each':>8}")
    labels = {"pdf": "parse_resume PDF", "pdfplumber": "pdfplumber extract_text PDF",
              "docx": "parse_resume DOCX", "txt": "parse_resume TXT"}  # fmt: skip
    for key, label in labels.items():
        n = len(files["pdf" if key == "pdfplumber" else key])
        print(f"{label:<30} {n:>5} {rates[key]:8.1f} {1000 / rates[key]:8.1f}")
    print(f"time ratio parse_resume/pdfplumber per PDF: {ratio:.2f} (target <= 1.5)")
    print(
        f"RESULT pdf_per_s={rates['pdf']:.1f} pdfplumber_per_s={rates['pdfplumber']:.1f} "
        f"ratio={ratio:.2f} docx_per_s={rates['docx']:.1f} txt_per_s={rates['txt']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
