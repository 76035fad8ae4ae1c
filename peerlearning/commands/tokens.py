"""`peerlearning tokens issue|list|revoke`: the team's tokens, kept as data in the store."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from api.access import Access
from api.token_admin import issue, listing, revoke
from domain.access_tokens import ROLES
from peerlearning.bootstrap import Services, bootstrap
from peerlearning.command_line import Run, actor_name, explained

COLUMNS = ("name", "role", "scope", "created", "expires", "last used", "status")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `tokens` and its subcommands to `peerlearning`."""
    tokens = commands.add_parser("tokens", help="issue, list and revoke access tokens")
    sub = tokens.add_subparsers(dest="tokens_command", required=True)
    issuing = _add(
        sub, "issue", "issue a token; prints its secret once, on the last line", run_issue
    )
    issuing.add_argument("name", help="recorded as the actor of every change the token makes")
    issuing.add_argument("--role", required=True, choices=ROLES)
    issuing.add_argument(
        "--series", type=UUID, action="append", default=[], help="a series a host runs"
    )
    issuing.add_argument(
        "--expires",
        help="P90D from now (days, weeks or hours, at most P3660D) or a moment with offset",
    )
    _add(sub, "list", "name, role, scope, created, expires, last used; never a secret", run_list)
    revoking = _add(sub, "revoke", "revoke a token; every server refuses it within 2 s", run_revoke)
    revoking.add_argument("name")


def _add(sub: Any, name: str, help_: str, run: Run) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_)
    if name != "list":
        parser.add_argument(
            "--actor",
            type=actor_name,
            default=None,
            help="who asks for it (default: the login name)",
        )
    parser.set_defaults(run=explained("peerlearning tokens", run))
    return parser


@contextmanager
def opened() -> Iterator[tuple[Services, Access]]:
    services = bootstrap()
    try:
        yield services, Access(services.app)
    finally:
        services.close()


def run_issue(args: argparse.Namespace) -> int:
    with opened() as (services, access):
        issued, secret = issue(
            services.app, access, args.name, args.role, args.series, args.expires, _actor(args)
        )
    print(f"Issued {issued['name']} ({_scope(issued)}), expires {issued['expires_at'] or 'never'}.")
    print("The token follows; it is shown this once and cannot be read again:")
    print(secret, flush=True)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened() as (_, access):
        rows = [_row(token) for token in listing(access)]
    widths = [max(len(str(r[i])) for r in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    for row in [COLUMNS, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    with opened() as (services, access):
        revoked = revoke(services.app, access, args.name, _actor(args))
    print(f"Revoked {revoked['name']}; every server refuses it within two seconds.")
    return 0


def _actor(args: argparse.Namespace) -> str:
    return str(args.actor or getpass.getuser())


def _scope(token: dict[str, Any]) -> str:
    if token["series"]:
        return f"{token['role']} of " + ", ".join(token["series"])
    return token["role"]


def _row(token: dict[str, Any]) -> tuple[str, ...]:
    return (
        token["name"],
        token["role"],
        ", ".join(token["series"]) or "all",
        token["created_at"][:19],
        (token["expires_at"] or "never")[:19],
        (token["last_used_at"] or "never")[:19],
        token["status"],
    )
