"""`peerlearning audit ...`: history, as-of, replay, export, verify, erase."""

from __future__ import annotations

import argparse
from typing import Any
from uuid import UUID

from peerlearning.command_line import Run, actor_name, explained
from peerlearning.commands import audit_runs as commands


def register(commands_: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `audit` and its subcommands to `peerlearning`."""
    audit = commands_.add_parser("audit", help="history, time travel, replay, export, verify")
    sub = audit.add_subparsers(dest="audit_command", required=True)
    history = _add(sub, "history", "every event of one series or enrolment", commands.history)
    history.add_argument("id", type=UUID, help="the id of a series or an enrolment")
    as_of = _add(sub, "as-of", "the catalogue (or one series) as recorded then", commands.as_of)
    as_of.add_argument("moment", help="recording time, e.g. 2024-10-01T12:00:00+02:00")
    as_of.add_argument("--id", type=UUID, help="show this series in full instead")
    as_of.add_argument("--on", help="programme day for the status (default: that day)")
    _add(sub, "replay", "rebuild the views into a scratch store and compare", commands.replay)
    export = _add(sub, "export", "write the whole log as JSON Lines", commands.export)
    export.add_argument("--output", help="file to write (default: standard output)")
    verify = _add(sub, "verify", "recompute the hash chain, name the first break", commands.verify)
    verify.add_argument("--export", help="check this exported file instead of the store")
    erase = _add(sub, "erase", "shred a person's data and record it", commands.erase)
    erase.add_argument(
        "subject_id", type=UUID, help="the subject id of a participant, contact or registrant"
    )
    erase.add_argument(
        "--actor", type=actor_name, required=True, help="the team member asking for it"
    )
    _add(
        sub,
        "expire-registrations",
        "erase the people of registrations left unconfirmed for seven days",
        commands.expire_registrations,
    )


def _add(sub: Any, name: str, help_: str, run: Run) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=explained("peerlearning audit", run))
    return parser
