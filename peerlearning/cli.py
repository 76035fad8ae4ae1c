"""`peerlearning`: the one command-line entry point; each module of `commands/` adds its own."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from peerlearning.commands import (
    audit,
    backup,
    demo,
    report,
    scheduler,
    serve,
    tokens,
    views,
)
from runtime.errors import SettingError
from runtime.log_format import configure_logging

COMMANDS = (serve, tokens, scheduler, views, audit, demo, report, backup)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="peerlearning", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(commands)
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
