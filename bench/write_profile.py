"""`python -m bench.write_profile`: where one command's CPU goes, on a fresh store.

Runs the write-path figure's command mix (`schedule_meeting` and `join` alternately) under
cProfile and prints the functions with the most time of their own, and the share of the
command's time spent in each of its stages.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Sequence

from bench.runner import opened
from bench.stores import store_kinds
from bench.write_path import CommandMix

STAGES = {  # (file ending, function): what the stage is called in docs/performance.md
    ("store/recorders.py", "insert_events"): "transaction, all of it",
    ("store/inline.py", "write"): "inline parts",
    ("projections/projector.py", "write"): "views",
    ("audit/chain_store.py", "write"): "chain",
    ("application/store_application.py", "load"): "loading the aggregate",
    ("eventsourcing/application.py", "save"): "saving, all of it",
}


def parser() -> argparse.ArgumentParser:
    args = argparse.ArgumentParser(prog="python -m bench.write_profile", description=__doc__)
    args.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    args.add_argument("--commands", type=int, default=400)
    args.add_argument("--top", type=int, default=25)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    (kind,) = store_kinds(args.store)
    with opened(kind, "profile") as services:
        mix = CommandMix(services, first_number=1)
        for i in range(20):  # warm: caches filled, statements prepared
            mix.run(i)
        profile = cProfile.Profile(time.process_time)  # CPU, not waits for the disk
        profile.enable()
        for i in range(20, 20 + args.commands):
            mix.run(i)
        profile.disable()
    stats = pstats.Stats(profile, stream=sys.stdout)
    report(stats, args.commands)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


def report(stats: pstats.Stats, commands: int) -> None:
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(tottime for _, _, tottime, _, _ in entries.values())
    print(f"{commands} commands, {1000 * total / commands:.2f} ms of CPU each (profiled)")
    for (path, _, function), (_, _, _, cumulative, _) in entries.items():
        for (ending, name), stage in STAGES.items():
            if path.endswith(ending) and function == name:
                print(f"  {stage:<24} {100 * cumulative / total:5.1f} %")
    print()


if __name__ == "__main__":
    sys.exit(main())
