"""`python -m resume_parser FILE [--json]`."""

from __future__ import annotations

import sys

from resume_parser.cli import cli_main

if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:]))
