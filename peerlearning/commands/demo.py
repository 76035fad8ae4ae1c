"""`peerlearning demo load`: writes the demo catalogue into an empty store."""

from __future__ import annotations

import argparse
import sys

from demo.catalogue import StoreNotEmpty, load_demo
from peerlearning.bootstrap import bootstrap
from store.settings import describe


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = commands.add_parser("demo", help="the demo catalogue of the public page")
    actions = demo.add_subparsers(dest="demo_command", required=True)
    load = actions.add_parser("load", help="load the eleven demo series into an empty store")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.set_defaults(run=run_load)


def run_load(args: argparse.Namespace) -> int:
    services = bootstrap()
    try:
        count = load_demo(services, progress=not args.quiet)
    except StoreNotEmpty as error:
        print(f"peerlearning demo load: {error}", file=sys.stderr)
        return 1
    finally:
        services.close()
    print(f"Loaded {count} demo series into {describe(services.settings)}.")
    return 0
