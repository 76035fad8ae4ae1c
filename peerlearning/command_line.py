"""What every `peerlearning` subcommand shares: errors a person can act on, in one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from domain.checks import require_line
from domain.errors import DomainError, InvalidValue
from store.errors import StoreUnavailable

Run = Callable[[argparse.Namespace], int]
# An actor is a name in the log, as long as the longest name a token may have.
ACTOR_LENGTH = 63


def actor_name(value: str) -> str:
    """An `--actor` the audit log can hold: one line of text, as the API demands of its
    actors; argparse refuses any other with this message and exit status 2."""
    try:
        return require_line(value, "The actor", ACTOR_LENGTH)
    except InvalidValue as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def explained(program: str, run: Run) -> Run:
    """Broken rules, unknown ids and an unavailable store become one line on standard error."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except DomainError as error:
            print(f"{program}: {error}", file=sys.stderr)
            return 2
        except StoreUnavailable as error:
            print(f"{program}: {error}", file=sys.stderr)
            return 3

    return guarded
