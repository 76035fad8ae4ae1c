"""`peerlearning report --from --to --output report.html`: the participation report to send."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from domain.clock import today
from domain.errors import InvalidValue
from domain.values import require_day
from peerlearning.bootstrap import bootstrap
from web.participation_report import participation_html


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "report", help="write the participation report as one HTML file (German, with charts)"
    )
    parser.add_argument("--from", dest="start", required=True, type=programme_day)
    parser.add_argument("--to", dest="end", required=True, type=programme_day)
    parser.add_argument("--output", required=True, type=Path, help="the HTML file to write")
    parser.set_defaults(run=run_report)


def programme_day(text: str) -> date:
    try:
        return require_day(date.fromisoformat(text), "The day")
    except (ValueError, InvalidValue) as error:  # argparse shows the message and exits 2
        raise argparse.ArgumentTypeError(f"{text!r}: a day YYYY-MM-DD, {error}") from None


def run_report(args: argparse.Namespace) -> int:
    if args.end < args.start:
        print("peerlearning report: --to must not lie before --from")
        return 2
    services = bootstrap()
    try:
        services.catch_up()
        report = services.views.participation_report(args.start, args.end)
        html = participation_html(report, args.start, args.end, today(services.app.clock))
    finally:
        services.close()
    args.output.write_text(html, encoding="utf-8")
    print(f"Wrote the participation report ({len(report['rows'])} rows) to {args.output}.")
    return 0
