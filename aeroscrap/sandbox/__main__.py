"""`python -m aeroscrap.sandbox serve --site goose --jobs 500`: the sandbox without the CLI."""

from __future__ import annotations

from aeroscrap.sandbox.server import main

raise SystemExit(main())
