"""Command-line entry points of this package (filled in by its issue)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds this package's subcommands to `peerlearning`."""
