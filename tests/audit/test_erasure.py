"""Crypto-shredding: the key goes, the stored bytes stay, the chain still verifies."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest

from application.app import PeerLearningApp
from audit.erasure import erase_person
from audit.export import export_lines
from audit.history import events_after
from audit.wiring import Audit, bind_keys, sealed_personal_data
from domain.errors import ParticipantNotFound
from domain.values import ERASED
from projections.queries import ViewQueries
from store.settings import store_settings
from tests.audit.tampering import every_table_text
from tests.support.samples import announce, municipality
from tests.support.waiting import wait_until

CONTACT = ("Erika Mustermann", "erika.mustermann@example.org")
PERSON = ("Maximilian Beispiel", "max.beispiel@example.org")
KEPT = ("Klara Bleibt", "klara.bleibt@example.org")


def enrol_people(app: PeerLearningApp) -> tuple[UUID, UUID, UUID]:
    series_id = announce(app)
    enrollment_id, _ = app.enrol(series_id, municipality(), *CONTACT, actor="anna")
    person_id = app.join(enrollment_id, *PERSON, actor="anna")
    app.join(enrollment_id, *KEPT, actor="anna")
    return series_id, enrollment_id, person_id


def everything(app: PeerLearningApp, audit: Audit, store_url: str) -> str:
    exported = "".join(export_lines(app, audit.chain))
    tables = every_table_text(store_settings(store_url))
    return exported + str(events_after(app, limit=1000)) + tables


def test_names_and_emails_are_never_stored_in_plain_text(
    audited_app: PeerLearningApp, store_url: str
) -> None:
    enrol_people(audited_app)
    stored = every_table_text(store_settings(store_url))
    for value in (*CONTACT, *PERSON, *KEPT):
        assert value not in stored


def test_after_erasure_no_read_shows_the_person_and_the_chain_verifies(
    audited_app: PeerLearningApp, audit: Audit, store_url: str
) -> None:
    _, enrollment_id, person_id = enrol_people(audited_app)
    assert PERSON[1] in everything(audited_app, audit, store_url)
    head_before = audit.verify(audited_app)
    erase_person(audited_app, audit.keys, person_id, actor="team")
    text = everything(audited_app, audit, store_url)
    assert PERSON[0] not in text and PERSON[1] not in text
    assert KEPT[1] in text and CONTACT[1] in text
    person = audited_app.enrollment(enrollment_id).participant(person_id).person
    assert (person.name, person.email) == (ERASED, ERASED)
    result = audit.verify(audited_app)
    assert result.ok and result.checked == head_before.checked + 1


CORRECTED = ("Maximilian Korrigiert", "max.korrigiert@example.org")
CONTACT_CORRECTED = ("Erika Korrigiert", "erika.korrigiert@example.org")


def test_corrected_data_is_sealed_and_erased_with_the_person(
    audited_app: PeerLearningApp, audit: Audit, store_url: str
) -> None:
    _, enrollment_id, person_id = enrol_people(audited_app)
    changes = {"name": CORRECTED[0], "email": CORRECTED[1]}
    audited_app.correct_participant(enrollment_id, person_id, changes, actor="anna")
    contact = {"name": CONTACT_CORRECTED[0], "email": CONTACT_CORRECTED[1]}
    audited_app.correct_contact(enrollment_id, contact, actor="anna")
    stored = every_table_text(store_settings(store_url))
    for value in (*CORRECTED, *CONTACT_CORRECTED):
        assert value not in stored, "sealed like the joining"
    assert CORRECTED[1] in everything(audited_app, audit, store_url)
    contact_id = audited_app.enrollment(enrollment_id).contact.subject_id
    erase_person(audited_app, audit.keys, person_id, actor="team")
    erase_person(audited_app, audit.keys, contact_id, actor="team")
    text = everything(audited_app, audit, store_url)
    for value in (*PERSON, *CORRECTED, *CONTACT, *CONTACT_CORRECTED):
        assert value not in text
    assert KEPT[1] in text
    assert audit.verify(audited_app).ok


def test_a_contact_can_be_erased_too(audited_app: PeerLearningApp, audit: Audit) -> None:
    _, enrollment_id, _ = enrol_people(audited_app)
    contact_id = audited_app.enrollment(enrollment_id).contact.subject_id
    assert erase_person(audited_app, audit.keys, contact_id, actor="team") == enrollment_id
    assert audited_app.enrollment(enrollment_id).contact.is_erased
    assert CONTACT[1] not in "".join(export_lines(audited_app, audit.chain))


def test_erasing_twice_records_one_event_and_makes_no_new_key(
    audited_app: PeerLearningApp, audit: Audit
) -> None:
    _, enrollment_id, person_id = enrol_people(audited_app)
    erase_person(audited_app, audit.keys, person_id, actor="team")
    erase_person(audited_app, audit.keys, person_id, actor="team")
    erased = [e for e in audited_app.events.get(enrollment_id) if "Erased" in type(e).__name__]
    assert len(erased) == 1
    assert audit.keys.is_erased(person_id) and audit.keys.key_for(person_id) is None


def test_erasing_an_unknown_person_is_refused(audited_app: PeerLearningApp, audit: Audit) -> None:
    enrol_people(audited_app)
    with pytest.raises(ParticipantNotFound):
        erase_person(audited_app, audit.keys, uuid4(), actor="team")


def test_snapshots_after_erasure_stay_erased(audited_app: PeerLearningApp, audit: Audit) -> None:
    series_id, enrollment_id, person_id = enrol_people(audited_app)
    erase_person(audited_app, audit.keys, person_id, actor="team")
    audited_app.take_snapshot(enrollment_id)
    loaded = audited_app.enrollment(enrollment_id)
    assert loaded.participant(person_id).person.is_erased
    assert loaded.contact.email == CONTACT[1]


def test_reminders_skip_an_erased_participant(
    audited_app: PeerLearningApp, audit: Audit, live_views: tuple[Any, ViewQueries]
) -> None:
    series_id, _, person_id = enrol_people(audited_app)
    before = {r["email"] for r in live_views[1].recipients(series_id)}
    assert before == {PERSON[1], KEPT[1]}
    erase_person(audited_app, audit.keys, person_id, actor="team")
    assert [r["email"] for r in live_views[1].recipients(series_id)] == [KEPT[1]]


def test_another_process_reads_the_erasure_within_moments(
    audited_app: PeerLearningApp, audit: Audit, store_url: str, clock: Any
) -> None:
    _, enrollment_id, person_id = enrol_people(audited_app)
    other = second_process(store_url, clock)
    try:
        assert other.enrollment(enrollment_id).participant(person_id).person.email == PERSON[1]
        erase_person(audited_app, audit.keys, person_id, actor="team")
        assert audited_app.enrollment(enrollment_id).participant(person_id).person.is_erased
        wait_until(
            lambda: other.enrollment(enrollment_id).participant(person_id).person.is_erased,
            5,
            "the other process to read the person as erased",
        )
    finally:
        other.close()


def second_process(store_url: str, clock: Any) -> PeerLearningApp:
    """Its own connection pool, hence its own key cache, as in another process."""
    sealing = sealed_personal_data()
    settings = store_settings(store_url)
    app = PeerLearningApp(env=settings.env, clock=clock, personal_data=sealing)
    bind_keys(app, sealing)
    return app
