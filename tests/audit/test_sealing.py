"""Sealed personal data: the key store, the format, and logs written before sealing."""

from __future__ import annotations

import threading
from uuid import uuid4

import pytest

from application.app import PeerLearningApp
from audit.sealing import SealBroken, seal, unseal
from audit.wiring import Audit, bind_keys, sealed_personal_data
from domain.values import PersonalData
from store.preparation import prepare_store
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.samples import announce, municipality


def test_a_seal_opens_only_with_its_key_and_subject() -> None:
    person = PersonalData(uuid4(), "Erika Muster", "erika@example.org")
    key = bytes(range(32))
    sealed = seal(key, person)
    assert "Erika" not in sealed and unseal(key, person.subject_id, sealed) == person
    with pytest.raises(SealBroken):
        unseal(bytes(32), person.subject_id, sealed)
    with pytest.raises(SealBroken):
        unseal(key, uuid4(), sealed)


def test_each_person_gets_one_key_until_erased(audited_app: PeerLearningApp, audit: Audit) -> None:
    subject = uuid4()
    first = audit.keys.key_for(subject)
    assert first is not None and audit.keys.key_for(subject) == first
    assert audit.keys.key_for(uuid4()) != first
    audit.keys.shred(subject)
    assert audit.keys.find(subject) is None and audit.keys.key_for(subject) is None


def test_events_written_before_sealing_still_read(store_url: str, clock: FakeClock) -> None:
    settings = store_settings(store_url)
    prepare_store(settings)
    plain = PeerLearningApp(env=settings.env, clock=clock)
    series_id = announce(plain)
    enrollment_id, _ = plain.enrol(series_id, municipality(), "Alte Daten", "alt@example.org", "a")
    plain.close()
    sealing = sealed_personal_data()
    sealed = PeerLearningApp(env=settings.env, clock=clock, personal_data=sealing)
    bind_keys(sealed, sealing)
    try:
        assert sealed.enrollment(enrollment_id).contact.email == "alt@example.org"
        participant = sealed.join(enrollment_id, "Neu Person", "neu@example.org", actor="a")
        assert sealed.enrollment(enrollment_id).participant(participant).person.name == "Neu Person"
    finally:
        sealed.close()


def test_followers_in_parallel_chain_each_event_exactly_once(
    audited_app: PeerLearningApp,
) -> None:
    for n in range(30):
        announce(audited_app, title=f"Reihe {n}")
    audit = Audit.of(audited_app)
    assert audit.chain.head() is None
    errors: list[Exception] = []

    def follow() -> None:
        try:
            Audit.of(audited_app).chain.catch_up(audited_app)
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=follow) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    positions = [p for p, _ in audit.chain.rows()]
    assert positions == list(range(1, 31))
    assert audit.verify(audited_app).ok
