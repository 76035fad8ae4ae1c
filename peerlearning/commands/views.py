"""`peerlearning rebuild`: rebuild every view from the event log, then compare it."""

from __future__ import annotations

import argparse

from peerlearning.bootstrap import bootstrap
from projections.rebuild import rebuild

DESCRIPTION = (
    "Rebuilds every view (the read models the API, the public page and the reminders read) "
    "from the event log into shadow tables and swaps them in at the end, in one transaction; "
    "the views keep answering while the service keeps running and writing meanwhile. "
    "It records no event: the event log is only read, and the audit chain is not rebuilt. "
    "Then compares the rebuilt views with the views as they were when it started and lists "
    "up to 50 differences."
)
EXIT_STATUS = (
    "Exit status 0 when the rebuilt views equal the earlier ones, or when events arrived "
    "during the rebuild so that they could not be compared (it says so; run it again in a "
    "quiet moment); 1 when they differ; 2 when the store cannot be used."
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "rebuild",
        help="rebuild every view from the event log and compare it with the live one",
        description=DESCRIPTION,
        epilog=EXIT_STATUS,
    )
    parser.add_argument(
        "--quiet", action="store_true", help="run without a progress bar (for logs and cron)"
    )
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
