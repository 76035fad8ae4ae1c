"""`peerlearning serve`: the HTTP API with the reminder scheduler in one process."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `serve` to `peerlearning`."""
    parser = commands.add_parser(
        "serve",
        help="serve the HTTP API (and the reminder scheduler) on the configured store",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="load the demo catalogue into an empty store and make demo tokens "
        "when PEERLEARNING_TOKENS is not set",
    )
    parser.add_argument(
        "--no-scheduler",
        dest="reminders",
        action="store_false",
        help="do not send reminders here (when `peerlearning scheduler` runs on its own)",
    )
    parser.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from peerlearning.server import serve

    return serve(args.host, args.port, demo=args.demo, reminders=args.reminders)
