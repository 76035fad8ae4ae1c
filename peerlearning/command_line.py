"""What every `peerlearning` subcommand shares: errors a person can act on, in one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from domain.errors import DomainError
from store.errors import StoreUnavailable

Run = Callable[[argparse.Namespace], int]


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
