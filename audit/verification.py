"""Walks the stored events beside the kept chain and names the first place they part."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from audit.chain import GENESIS, StoredRecord, Verification, link

ChainRow = tuple[int, str]


class _Walk:
    def __init__(self) -> None:
        self.previous = GENESIS
        self.head_position: int | None = None
        self.checked = 0
        self.unchained = 0

    def result(self, broken_at: int | None = None, problem: str | None = None) -> Verification:
        return Verification(
            ok=broken_at is None,
            checked=self.checked,
            head_position=self.head_position,
            head_hash=self.previous.hex(),
            first_broken_position=broken_at,
            problem=problem,
            unchained=self.unchained,
        )


def verify_records(records: Iterable[StoredRecord], chain: Iterable[ChainRow]) -> Verification:
    """Recomputes every link; events after the kept chain's end count as not yet chained."""
    walk = _Walk()
    events, kept = iter(records), _peekable(chain)
    for record in events:
        row = kept.peek()
        if row is None:
            walk.unchained = 1 + sum(1 for _ in events)
            break
        if row[0] < record.position:
            return walk.result(row[0], f"The event at position {row[0]} was deleted.")
        if row[0] > record.position:
            return walk.result(
                record.position, f"The event at position {record.position} was never chained."
            )
        computed = link(walk.previous, record)
        if computed.hex() != row[1]:
            return walk.result(record.position, _changed(record.position))
        next(kept)
        walk.previous, walk.head_position = computed, record.position
        walk.checked += 1
    leftover = kept.peek()
    if leftover is not None:
        return walk.result(leftover[0], f"The event at position {leftover[0]} was deleted.")
    return walk.result()


def _changed(position: int) -> str:
    return f"The event at position {position} differs from what was recorded."


class _peekable:
    def __init__(self, rows: Iterable[ChainRow]) -> None:
        self._rows: Iterator[ChainRow] = iter(rows)
        self._next: ChainRow | None = None
        self._done = False

    def peek(self) -> ChainRow | None:
        if self._next is None and not self._done:
            self._next = next(self._rows, None)
            self._done = self._next is None
        return self._next

    def __next__(self) -> ChainRow:
        row = self.peek()
        assert row is not None
        self._next = None
        return row
