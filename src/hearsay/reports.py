"""How an eval or bench command prints its report: the JSON itself for programs (``--json``),
else the human table. One place, so every command's ``--json`` reads the same way."""

from __future__ import annotations

import json
import sys
from typing import Callable


def emit_report(report: dict, render: Callable[[dict], str], as_json: bool) -> None:
    """Write ``report`` to stdout as indented JSON, or as ``render(report)``; the table is only
    rendered when it is wanted."""
    if as_json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(report))
