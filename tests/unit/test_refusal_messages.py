"""What the API shows when something is missing, taken or changed meanwhile; who may enrol
and why not; the funded list by key or name; corrections that keep what they do not name."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.corrections import corrected_participant, corrected_person
from domain.eligibility import check_eligible
from domain.errors import (
    AlreadyEnrolled,
    ConcurrentWrite,
    Conflict,
    EnrollmentNotFound,
    InvalidValue,
    ModelProjectAlreadyListed,
    ModelProjectNotFound,
    NotEligible,
    PeerLearningNotFound,
    RegistrationNotFound,
    StaleVersion,
)
from domain.model_projects import FundedModelProjects
from domain.values import ERASED, Municipality, Participant, PersonalData
from tests.unit.builders import announced

SOME_ID = UUID("00000000-0000-4000-8000-000000000005")


@pytest.mark.parametrize(
    ("error", "args", "message"),
    [
        (PeerLearningNotFound, (SOME_ID,), f"No Peer-Learning with id {SOME_ID}."),
        (EnrollmentNotFound, (SOME_ID,), f"No enrolment with id {SOME_ID}."),
        (RegistrationNotFound, (SOME_ID,), f"Registration {SOME_ID} not found."),
        (ModelProjectNotFound, (SOME_ID,), f"No funded model project with id {SOME_ID}."),
        (
            AlreadyEnrolled,
            ("Stadt Olpe",),
            "Stadt Olpe is already enrolled in this Peer-Learning.",
        ),
        (
            ConcurrentWrite,
            (),
            "Another change was recorded at the same time; reload and retry.",
        ),
        (
            StaleVersion,
            (3, 5),
            "Expected version 3, but the current version is 5; reload and apply your change again.",
        ),
    ],
)
def test_each_refusal_says_what_happened(
    error: type[Exception], args: tuple[object, ...], message: str
) -> None:
    assert str(error(*args)) == message


def test_a_stale_version_keeps_both_versions() -> None:
    stale = StaleVersion(3, 5)

    assert isinstance(stale, Conflict)
    assert (stale.expected, stale.actual) == (3, 5)


# ---- who may enrol ------------------------------------------------------------------


def test_a_funded_model_project_is_told_the_programme_is_for_others() -> None:
    funded = FundedModelProjects(actor="anna")
    funded.add(Municipality.of("Stadt Olpe", "05966024"), actor="anna")

    with pytest.raises(
        NotEligible,
        match=r"^Stadt Olpe is funded as a model project and cannot enrol; "
        r"Peer-Learnings are for municipalities outside the programme\.$",
    ):
        check_eligible(announced(), Municipality.of("Stadt Olpe", "05966024"), funded)


# ---- the funded list ------------------------------------------------------------------


def test_a_project_is_listed_once_by_its_key_whatever_its_name() -> None:
    funded = FundedModelProjects(actor="anna")
    funded.add(Municipality.of("Stadt Olpe", key="05966024"), actor="anna")

    with pytest.raises(
        ModelProjectAlreadyListed,
        match=r"^Olpe, Stadt is already listed as a funded model project \(as Stadt Olpe\)\.$",
    ):
        funded.add(Municipality.of("Olpe, Stadt", key="05966024"), actor="anna")


def test_adding_and_removing_a_project_name_who_did_it() -> None:
    funded = FundedModelProjects(actor="anna")
    olpe = Municipality.of("Stadt Olpe", "05966024")

    project_id = funded.add(olpe, actor="ben")
    added = funded.collect_events()[-1]
    funded.remove(project_id, actor="carl")
    removed = funded.collect_events()[-1]

    assert isinstance(added, FundedModelProjects.ModelProjectAdded)
    assert (added.model_project_id, added.project, added.actor) == (project_id, olpe, "ben")
    assert isinstance(removed, FundedModelProjects.ModelProjectRemoved)
    assert (removed.model_project_id, removed.actor) == (project_id, "carl")
    assert funded.find(olpe) is None


# ---- corrections ----------------------------------------------------------------------


def participant(timezone: str | None = "America/New_York") -> Participant:
    pid = uuid4()
    return Participant(pid, PersonalData.of(pid, "Eva", "eva@olpe.example"), timezone=timezone)


def test_a_correction_keeps_the_time_zone_it_does_not_name() -> None:
    corrected = corrected_participant(participant(), {"name": "Eva Weiß"})

    assert (corrected.person.name, corrected.timezone) == ("Eva Weiß", "America/New_York")


def test_a_language_outside_the_list_is_named() -> None:
    with pytest.raises(InvalidValue, match=r"^Locale 'fr' is not one of: de, en\.$"):
        corrected_participant(participant(), {"locale": "fr"})


def test_erased_data_is_told_it_cannot_be_corrected() -> None:
    erased = PersonalData(uuid4(), ERASED, ERASED)

    with pytest.raises(
        InvalidValue, match=r"^This person's data was erased; it cannot be corrected\.$"
    ):
        corrected_person(erased, {"name": "Eva"})
