"""`peerlearning rebuild`: drop and rebuild every view, then verify it."""

from __future__ import annotations

import argparse

from peerlearning.bootstrap import bootstrap
from projections.rebuild import rebuild


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "rebuild", help="drop and rebuild every read model from the event log"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run_rebuild)


def run_rebuild(args: argparse.Namespace) -> int:
    services = bootstrap()
    try:
        report = rebuild(services.projector, show_progress=not args.quiet)
    finally:
        services.close()
    print(f"Rebuilt the views from {report.events} events (position {report.position_after}).")
    if not report.compared:
        print(
            "New events arrived during the rebuild; the comparison with the live views "
            "was skipped. Run it again in a quiet moment to verify."
        )
        return 0
    for line in report.differences[:50]:
        print(f"  differs: {line}")
    if report.differences:
        print(f"{len(report.differences)} differences between the live and the rebuilt views.")
        return 1
    print("The rebuilt views equal the live ones.")
    return 0
