"""Figure 4b: the peak memory of a rebuild grows little with the log (rows go out in batches).

Each rebuild runs in a process of its own (`python -m bench.rebuild_memory URL`), which
prints its peak resident set size (VmHWM: `getrusage` would count the parent's size at the
fork, which Linux carries across `exec`); the full data set's over a tenth of it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.figures import Figure, at_most
from peerlearning.bootstrap import bootstrap
from store.settings import store_settings

ROOT = Path(__file__).resolve().parents[1]


def peak_megabytes(url: str) -> float:
    """Rebuilds the store's views in a new process; returns that process's peak RSS."""
    run = subprocess.run(
        [sys.executable, "-m", "bench.rebuild_memory", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    return float(run.stdout.strip().splitlines()[-1])


def measure(full_url: str, tenth_url: str, store: str) -> Figure:
    return Figure(
        "4b rebuild peak memory, full vs tenth",
        store,
        peak_megabytes(full_url),
        "MB",
        peak_megabytes(tenth_url),
        at_most(1.3),
    )


def rebuild_and_report(url: str) -> None:
    services = bootstrap(store_settings(url))
    try:
        services.projector.rebuild()
    finally:
        services.close()
    print(high_water_megabytes())


def high_water_megabytes() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    rebuild_and_report(sys.argv[1])
