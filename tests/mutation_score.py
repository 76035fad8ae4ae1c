"""`make mutation`'s verdict: the share of the domain's mutants the unit tests kill.

Reads `mutmut results --all true`. Mutants listed in `EQUIVALENT` (one per line in
`tests/mutation_equivalent.txt`, each with the reason after `#`) change no behaviour and are
left out of the count. Exits 1 below `TARGET`.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

TARGET = 0.95
EQUIVALENT = Path(__file__).with_name("mutation_equivalent.txt")


def results() -> dict[str, str]:
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.strip().rsplit(": ", 1) for line in listed.splitlines() if ": " in line)


def equivalent() -> set[str]:
    if not EQUIVALENT.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in EQUIVALENT.read_text().splitlines())
    return {line for line in lines if line}


def main() -> int:
    found = {name: status for name, status in results().items() if name not in equivalent()}
    counts = Counter(found.values())
    score = counts["killed"] / max(len(found), 1)
    print(f"{counts['killed']} of {len(found)} mutants killed ({score:.1%}); {dict(counts)}")
    for name, status in sorted(found.items()):
        if status != "killed":
            print(f"  {status}: {name}")
    return 0 if score >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
