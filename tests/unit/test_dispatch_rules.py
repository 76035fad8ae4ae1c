"""Pure rules: deterministic ids, due times, superseded reminders, the dispatch's states."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from domain.reminder_rules import dispatch_id_for, reminder_due_at
from domain.reminders import DispatchTaken, ReminderDispatch
from scheduler import planning
from scheduler.facts import MeetingFacts, Recipient

MEETING = UUID("00000000-0000-4000-8000-00000000000b")
PERSON = UUID("00000000-0000-4000-8000-0000000000cc")
START = datetime(2024, 10, 1, 8, 0, tzinfo=UTC)
NOW = datetime(2024, 9, 24, 8, 0, tzinfo=UTC)
OFFSETS = ("P7D", "P1D", "PT1H")


def meeting(**changes: object) -> MeetingFacts:
    fields: dict[str, object] = {
        "peer_learning_id": UUID(int=1),
        "meeting_id": MEETING,
        "kind": "kickoff",
        "starts_at": START,
        "ends_at": START + timedelta(hours=2),
        "mode": "virtual",
        "schedule_version": 1,
        "series_title": "Reihe",
        "host": "Stadt",
        "timezone": "Europe/Berlin",
        "contact_email": "kontakt@example.org",
    }
    return MeetingFacts(**{**fields, **changes})  # type: ignore[arg-type]


def dispatch(lease_until: datetime = NOW + timedelta(minutes=5)) -> ReminderDispatch:
    return ReminderDispatch(
        purpose="reminder",
        peer_learning_id=UUID(int=1),
        meeting_id=MEETING,
        schedule_version=1,
        offset="P7D",
        participant_id=PERSON,
        due_at=NOW,
        meeting_starts_at=START,
        owner="a",
        lease_until=lease_until,
        actor="scheduler",
    )


def test_one_id_per_mail_that_may_ever_be_sent() -> None:
    same = dispatch_id_for("reminder", MEETING, 1, "P7D", PERSON)
    assert same == dispatch_id_for("reminder", MEETING, 1, "P7D", PERSON) == dispatch().id
    others = {
        dispatch_id_for("reminder", MEETING, 2, "P7D", PERSON),
        dispatch_id_for("reminder", MEETING, 1, "P1D", PERSON),
        dispatch_id_for("change", MEETING, 1, None, PERSON),
        dispatch_id_for("reminder", MEETING, 1, "P7D", UUID(int=9)),
    }
    assert same not in others and len(others) == 4


@pytest.mark.parametrize(
    ("offset", "due"),
    [
        ("PT1H", START - timedelta(hours=1)),
        ("PT90M", START - timedelta(minutes=90)),
        ("P1W", START - timedelta(days=7)),
        ("P1DT2H", START - timedelta(days=1, hours=2)),
    ],
)
def test_due_times_outside_a_dst_change(offset: str, due: datetime) -> None:
    assert reminder_due_at(START, offset, "Europe/Berlin") == due


def test_on_site_meetings_need_the_series_to_opt_in() -> None:
    assert planning.occurrences(meeting(mode="on_site"), OFFSETS) == []
    assert len(planning.occurrences(meeting(mode="on_site", remind_on_site=True), OFFSETS)) == 3
    assert planning.occurrences(meeting(state="cancelled"), OFFSETS) == []


def test_series_offsets_win_over_the_default_and_jobs_have_stable_ids() -> None:
    [only] = planning.occurrences(meeting(reminder_offsets=("PT30M",)), OFFSETS)
    assert only.job_id == f"reminder:{MEETING}:PT30M"
    assert only.job_args() == [str(UUID(int=1)), str(MEETING), 1, "PT30M"]


def test_an_older_due_reminder_is_replaced_by_a_later_due_one() -> None:
    facts = meeting()
    p7d, p1d, _ = planning.occurrences(facts, OFFSETS)
    later = START - timedelta(hours=20)
    assert planning.superseded_by(p7d, facts, OFFSETS, later) == p1d
    assert planning.superseded_by(p1d, facts, OFFSETS, later) is None
    assert planning.superseded_by(p7d, facts, OFFSETS, NOW) is None


def test_late_joiners_are_not_sent_what_was_due_before_they_came() -> None:
    joined = Recipient(PERSON, "Eva", "eva@example.org", joined_at=NOW + timedelta(days=1))
    assert not joined.was_there_at(NOW)
    assert joined.was_there_at(NOW + timedelta(days=1))


def test_a_claimed_mail_is_free_again_only_after_its_lease_or_retry_time() -> None:
    claimed = dispatch()
    assert claimed.held_by("a", NOW) and not claimed.held_by("b", NOW)
    with pytest.raises(DispatchTaken):
        claimed.reclaim("b", NOW, NOW + timedelta(minutes=5), actor="scheduler")
    claimed.defer("451 busy", retry_at=NOW + timedelta(seconds=30), actor="scheduler")
    assert not claimed.can_be_reclaimed(NOW + timedelta(seconds=29))
    claimed.reclaim("b", NOW + timedelta(seconds=30), NOW + timedelta(minutes=6), "scheduler")
    assert (claimed.owner, claimed.attempts) == ("b", 2)


def test_a_settled_mail_takes_no_further_outcome() -> None:
    sent = dispatch()
    sent.record_sent(NOW, late=False, actor="scheduler")
    for outcome in (
        lambda: sent.record_sent(NOW, late=False, actor="scheduler"),
        lambda: sent.record_failed("550", actor="scheduler"),
        lambda: sent.record_missed("started", actor="scheduler"),
        lambda: sent.defer("451", NOW, actor="scheduler"),
    ):
        with pytest.raises(DispatchTaken):
            outcome()
    assert not sent.can_be_reclaimed(NOW + timedelta(days=1))
