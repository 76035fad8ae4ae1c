"""What each `peerlearning audit` subcommand does; exit code 0 when all is well."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from tqdm import tqdm

from audit.erasure import erase_subject
from audit.export import export_lines
from audit.history import stream_history
from audit.jsonable import jsonable
from audit.moments import parse_day, parse_moment
from audit.offline import verify_export
from audit.registration_expiry import expire_overdue
from audit.replay import replay as replay_views
from audit.time_travel import catalogue_as_of, series_as_of
from peerlearning.bootstrap import Services, bootstrap


@contextmanager
def opened() -> Iterator[Services]:
    services = bootstrap()
    try:
        yield services
    finally:
        services.close()


def history(args: argparse.Namespace) -> int:
    with opened() as services:
        entries = stream_history(services.app, args.id)
    if not entries:
        print(f"No events for {args.id}.", file=sys.stderr)
        return 1
    for e in entries:
        print(
            f"{e['position']:>8}  {e['timestamp']}  v{e['version']:<4} {e['stream_type']}."
            f"{e['event_type']}  by {e['actor']}  {_compact(e['data'])}"
        )
    return 0


def as_of(args: argparse.Namespace) -> int:

    moment = parse_moment(args.moment)
    day = parse_day(args.on) if args.on else None
    with opened() as services:
        if args.id:
            print_json(jsonable(series_as_of(services.app, args.id, as_of=moment, on=day)))
            return 0
        items = catalogue_as_of(services.app, moment, on=day)
    for item in items:
        print(f"{item['status']:<10} v{item['version']:<4} {item['id']}  {item['title']}")
    print(f"{len(items)} Peer-Learnings were recorded at {moment.isoformat()}.")
    return 0


def replay(args: argparse.Namespace) -> int:
    with opened() as services:
        report = replay_views(services.projector, show_progress=not args.quiet)
    if not report.compared:
        print("New events arrived while replaying; run it again in a quiet moment.")
        return 1
    for line in report.differences:
        print(f"  differs: {line}")
    if report.differences:
        print(f"{len(report.differences)} differences between live and replayed views.")
        return 1
    print(f"The views replayed from {report.position_live} positions equal the live ones.")
    return 0


def export(args: argparse.Namespace) -> int:
    with opened() as services:
        total = services.app.recorder.max_notification_id() or 0
        target: TextIO
        with (
            _output(args.output) as target,
            tqdm(
                total=total, unit="events", desc="Exporting", disable=args.quiet or not args.output
            ) as bar,
        ):
            for line in export_lines(services.app, services.audit.chain):
                target.write(line)
                bar.update(1)
    return 0


def verify(args: argparse.Namespace) -> int:
    if args.export:
        with open(args.export, encoding="utf-8") as exported:
            result = verify_export(exported)
    else:
        with opened() as services:
            result = services.audit.verify(services.app)
    print(
        f"Checked {result.checked} events; head position {result.head_position}, "
        f"hash {result.head_hash}."
    )
    if result.unchained:
        print(f"{result.unchained} newer events are not chained yet.")
    if not result.ok:
        print(f"BROKEN at position {result.first_broken_position}: {result.problem}")
        return 1
    print("The stored log matches its chain. Keep the head hash to compare later.")
    return 0


def erase(args: argparse.Namespace) -> int:
    with opened() as services:
        erased = erase_subject(services.app, services.audit.keys, args.subject_id, actor=args.actor)
    holder = "registration" if erased.by_registration else "enrolment"
    print(f"Erased {args.subject_id} in {holder} {erased.holder_id}; the key is gone.")
    return 0


def expire_registrations(args: argparse.Namespace) -> int:
    with opened() as services:
        expired = expire_overdue(services.app, services.audit.keys, services.views)
    print(f"{len(expired)} unconfirmed registrations expired; their people's keys are gone.")
    return 0


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as file:
        yield file


def _compact(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
