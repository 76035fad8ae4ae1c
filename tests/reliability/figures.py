"""The figures a run measured (requests, faults, writes verified, 5xx), kept for the docs."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FIGURES = "PEERLEARNING_RELIABILITY_FIGURES"


def record(test: str, **figures: Any) -> None:
    """Appends one line per run to the file named by the setting; prints it either way."""
    line = json.dumps({"test": test, **figures}, sort_keys=True)
    print(f"figures: {line}")
    if target := os.environ.get(FIGURES):
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(line + "\n")
