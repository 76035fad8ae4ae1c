"""What a read model is to the projector, and the batch it is handed."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol, TypeVar, get_type_hints
from uuid import UUID

from eventsourcing.persistence import Notification

from projections.rows import Rows
from projections.tables import Table

K = TypeVar("K")
V = TypeVar("V")


@dataclass
class Batch:
    """One batch of events: the rows a view reads and changes, loaded and written by the
    projector in the batch's transaction."""

    rows: Rows


class View(Protocol):
    """A read model. Its rows are written in the transaction that moves its own tracking
    position; `apply` reads and changes them through `batch.rows` only, and only its own
    `tables`, so each view can be behind, stuck or rebuilt on its own.

    Optional class attributes: `name` (its tracking name; the class name otherwise),
    `reads`, the event classes `apply` uses (a rebuild reads only those events), and
    `read_ahead`, its tables keyed by aggregate ids, whose rows for a command's aggregates
    are read with the events' insert on PostgreSQL.
    """

    tables: tuple[Table, ...]

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None: ...


def view_name(view: View) -> str:
    return str(getattr(view, "name", None) or type(view).__name__)


def iso_day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def iso_moment(moment: datetime | None) -> str | None:
    """Fixed-width UTC text, so moments compare correctly as strings in SQL."""
    if moment is None:
        return None
    return _MOMENTS.get(moment) or _MOMENTS.remember(moment, _iso_moment(moment))


def _iso_moment(moment: datetime) -> str:
    """As strftime %Y-%m-%dT%H:%M:%S.%fZ, from one `isoformat()`, the cheapest C call here."""
    utc = moment if moment.tzinfo is UTC else moment.astimezone(UTC)
    text = utc.isoformat()[:-6]  # without "+00:00"
    return text + "Z" if utc.microsecond else text + ".000000Z"


def parse_day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def parse_moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text)  # reads the trailing Z as UTC; 50x faster than strptime


def key(value: UUID | str) -> str:
    if isinstance(value, str):
        return value
    number = value.int  # a UUID's own hash is computed in Python; its int's is not
    return _KEYS.get(number) or _KEYS.remember(number, str(value))


class Memo(dict[K, V]):
    """Remembers the text of values that recur across events (a meeting's start, a
    series' id), or what recurring rows decode to: formatting and parsing them is most of
    what a view does per event, and a page per row. Bounded: it forgets everything once it
    holds `limit` entries."""

    def __init__(self, limit: int = 20_000) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, value: K, made: V) -> V:
        if len(self) >= self.limit:
            self.clear()
        self[value] = made
        return made


_MOMENTS: Memo[datetime, str] = Memo()
_KEYS: Memo[int, str] = Memo()


class handlers:  # noqa: N801 - a decorator, as `singledispatchmethod` is
    """A view's handlers by event class: `singledispatchmethod` as a dictionary lookup.

    The decorated method handles events no handler is registered for. `register` takes a
    method whose second parameter is annotated with an event class; an event goes to the
    handler of the nearest class in its MRO. Views call their handlers once per event,
    and 3.11's `singledispatchmethod` rebinds itself on every call, which rebuilds felt.
    """

    def __init__(self, default: Callable[..., Any]) -> None:
        self.default = default
        self.registered: list[Callable[..., Any]] = []
        self.attribute = default.__name__
        self._by_class: dict[type, Callable[..., Any]] | None = None

    def register(self, method: Callable[..., Any]) -> Callable[..., Any]:
        self.registered.append(method)
        self._by_class = None
        return method

    def __set_name__(self, owner: type, name: str) -> None:
        self.attribute = name

    def __get__(self, view: Any, owner: type | None = None) -> Any:
        if view is None:
            return self
        by_class = self._handlers()

        def dispatch(event: Any, *args: Any) -> Any:
            method = by_class.get(type(event)) or self._nearest(by_class, type(event))
            return method(view, event, *args)

        view.__dict__[self.attribute] = dispatch  # bound once per view
        return dispatch

    def _handlers(self) -> dict[type, Callable[..., Any]]:
        if self._by_class is None:
            self._by_class = {}
            for method in self.registered:
                event_parameter = list(inspect.signature(method).parameters)[1]
                self._by_class[get_type_hints(method)[event_parameter]] = method
        return self._by_class

    def _nearest(self, by_class: dict[type, Callable[..., Any]], cls: type) -> Any:
        method = next((by_class[c] for c in cls.__mro__ if c in by_class), self.default)
        by_class[cls] = method
        return method
