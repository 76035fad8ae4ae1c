"""The benchmark harness runs end to end at its quick size and reports every figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIGURES = ("1 ", "2 ", "3a ", "3b ", "3c ", "4 ", "4b ", "5a ", "5b ", "6 ", "7 ", "8 ")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.heavy
@pytest.mark.timeout(600)
def test_quick_run_prints_every_figure_with_its_ratio(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=580,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    document = json.loads(report.read_text())
    figures = document["figures"]
    stores = {f["store"] for f in figures}
    assert "sqlite" in stores
    for store in stores:
        names = [f["name"] for f in figures if f["store"] == store]
        for prefix in FIGURES:
            assert any(n.startswith(prefix) for n in names), (store, prefix, names)
    for figure in figures:
        assert figure["value"] > 0, figure
        if figure["target"] is not None:
            assert figure["ratio"] is not None and figure["met"] in (True, False), figure
        assert figure["name"] in run.stdout
    assert document["machine"]["cpus"] >= 1
