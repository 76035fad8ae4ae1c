"""`peerlearning`: the one command-line entry point; each package adds its commands."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from api import cli as api_cli
from api import token_cli
from audit import cli as audit_cli
from peerlearning import backup, demo_cli
from peerlearning.log_format import configure_logging
from peerlearning.settings import SettingError
from projections import cli as projections_cli
from scheduler import cli as scheduler_cli
from web import report_cli

PACKAGES = (
    api_cli,
    token_cli,
    scheduler_cli,
    projections_cli,
    audit_cli,
    demo_cli,
    report_cli,
    backup,
)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="peerlearning", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    for package in PACKAGES:
        package.register(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        configure_logging(logging.INFO)
        return int(args.run(args) or 0)
    except SettingError as error:
        print(f"peerlearning: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
