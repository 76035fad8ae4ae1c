"""The chain arithmetic and the walk that compares stored events with kept links."""

from __future__ import annotations

from uuid import uuid4

from audit.chain import GENESIS, StoredRecord, link, links
from audit.verification import verify_records

STREAM = uuid4()


def records(count: int) -> list[StoredRecord]:
    return [
        StoredRecord(p, STREAM, p, "domain.x:X.Happened", f'{{"n":{p}}}'.encode())
        for p in range(1, count + 1)
    ]


def kept(rs: list[StoredRecord]) -> list[tuple[int, str]]:
    return [(r.position, h.hex()) for r, h in zip(rs, links(rs), strict=True)]


def test_each_link_covers_the_previous_link() -> None:
    first, second = records(2)
    assert link(GENESIS, second) != link(link(GENESIS, first), second)


def test_an_untouched_log_verifies_with_its_head() -> None:
    rs = records(5)
    result = verify_records(rs, kept(rs))
    assert result.ok and result.checked == 5
    assert result.head_position == 5 and result.head_hash == kept(rs)[-1][1]


def test_a_changed_byte_is_named_by_position() -> None:
    rs = records(5)
    chain = kept(rs)
    rs[2] = StoredRecord(3, STREAM, 3, rs[2].topic, b'{"n":4}')
    result = verify_records(rs, chain)
    assert not result.ok and result.first_broken_position == 3
    assert result.head_position == 2


def test_a_changed_version_or_stream_is_detected() -> None:
    rs = records(3)
    chain = kept(rs)
    rs[1] = StoredRecord(2, uuid4(), 2, rs[1].topic, rs[1].state)
    assert verify_records(rs, chain).first_broken_position == 2


def test_deleted_events_are_named_in_the_middle_and_at_the_end() -> None:
    rs = records(4)
    chain = kept(rs)
    assert verify_records(rs[:1] + rs[2:], chain).first_broken_position == 2
    assert verify_records(rs[:3], chain).first_broken_position == 4


def test_swapped_events_are_detected_at_the_first_of_them() -> None:
    rs = records(4)
    chain = kept(rs)
    a, b = rs[1], rs[2]
    rs[1] = StoredRecord(2, STREAM, 2, b.topic, b.state)
    rs[2] = StoredRecord(3, STREAM, 3, a.topic, a.state)
    assert verify_records(rs, chain).first_broken_position == 2


def test_events_after_the_kept_chain_are_counted_not_failed() -> None:
    rs = records(6)
    result = verify_records(rs, kept(rs[:4]))
    assert result.ok and result.unchained == 2 and result.head_position == 4


def test_an_event_slipped_in_before_the_head_is_named() -> None:
    rs = records(4)
    chain = [row for row in kept(rs) if row[0] != 2]
    assert verify_records(rs, chain).first_broken_position == 2
