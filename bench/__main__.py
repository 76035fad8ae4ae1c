"""`python -m bench`: every figure on SQLite, and on PostgreSQL when it is reachable."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.figures import Figure, table, write_json
from bench.machine import describe_machine, one_line
from bench.runner import STEPS, Failures, run_store, say
from bench.scale import FULL, QUICK
from bench.stores import POSTGRES_URL, postgres_version, store_kinds


def parser() -> argparse.ArgumentParser:
    args = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    args.add_argument("--quick", action="store_true", help="a small data set, about a minute")
    args.add_argument("--json", type=Path, metavar="PATH", help="also write the table as JSON")
    args.add_argument("--store", choices=("sqlite", "postgresql"), help="only this store")
    args.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args.add_argument(
        "--only",
        action="append",
        default=[],
        choices=[step.replace(" ", "-").casefold() for step in STEPS],
        help="only this step's figures (repeat for several)",
    )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    scale = QUICK if args.quick else FULL
    machine = describe_machine(postgres_version())
    kinds = store_kinds(args.store)
    if "postgresql" not in [k.name for k in kinds] and args.store != "sqlite":
        say(f"PostgreSQL is not reachable (set {POSTGRES_URL}); measuring SQLite only.")
    figures: list[Figure] = []
    failures = Failures()
    for kind in kinds:
        only = [step.replace("-", " ") for step in args.only]
        figures.extend(run_store(kind, scale, sys.stderr.isatty(), failures, only))
    print(f"Machine: {one_line(machine)}")
    print(f"Scale: {scale.name}")
    print(table(figures, markdown=args.markdown))
    for figure in figures:
        if figure.note:
            print(f"note ({figure.name}, {figure.store}): {figure.note}")
    for failure in failures:
        print(f"NOT MEASURED: {failure}")
    if args.json:
        write_json(args.json, {**machine, "scale": scale.name}, figures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
