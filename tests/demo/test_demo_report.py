"""The demo's participation report for 2023-2025 is not empty: every enrolment has its row."""

from __future__ import annotations

from datetime import date

from peerlearning.bootstrap import Services

START, END = date(2023, 1, 1), date(2025, 12, 31)


def test_every_enrolment_of_the_demo_has_a_row(demo: Services) -> None:
    enrolments = {(e["peer_learning_id"], e["key"]) for e in demo.views.participation()}

    rows = demo.views.participation_report(START, END)["rows"]

    assert len(rows) == len(enrolments)
    assert {(r["series_id"], r["key"]) for r in rows} == {(str(s), k) for s, k in enrolments}


def test_the_demo_records_who_came_to_its_held_meetings(demo: Services) -> None:
    rows = demo.views.participation_report(START, END)["rows"]

    held = sum(r["meetings_held"] for r in rows)
    attended = sum(r["meetings_attended"] for r in rows)

    assert 0 < attended < held  # one municipality in four stays away from each meeting
