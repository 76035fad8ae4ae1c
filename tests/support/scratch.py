"""A scratch folder for this test run, outside the working tree."""

from __future__ import annotations

import tempfile
from pathlib import Path

SCRATCH = Path(tempfile.mkdtemp(prefix="peerlearning-tests-"))
