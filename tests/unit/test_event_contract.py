"""Event names and the `actor` field are a public contract for auditors."""

from __future__ import annotations

import typing

import pytest
from eventsourcing.domain import Aggregate, CanMutateAggregate
from eventsourcing.utils import get_topic, resolve_topic

from domain.access_tokens import AccessToken
from domain.enrollment import Enrollment
from domain.model_projects import FundedModelProjects
from domain.peer_learning import PeerLearning
from domain.registration import Registration
from domain.reminders import ReminderDispatch

AGGREGATES: list[type[Aggregate]] = [
    PeerLearning,
    Enrollment,
    FundedModelProjects,
    ReminderDispatch,
    AccessToken,
    Registration,
]
PUBLISHED = {
    "domain.peer_learning:PeerLearning": [
        "Announced", "DetailsRevised", "MeetingScheduled", "MeetingRescheduled", "MeetingCorrected",
        "MeetingCancelled", "MeetingHeld", "ReflectionHeld", "JoiningClosed",
        "JoiningReopened", "Closed", "Withdrawn", "EnrollmentAdmitted",
        "EnrollmentWaitlisted", "EnrollmentReleased",
    ],
    "domain.enrollment:Enrollment": [
        "Registered", "Admitted", "Waitlisted", "Rejected", "ParticipantJoined",
        "ParticipantLeft", "Withdrawn", "PersonalDataErased", "ParticipantCorrected",
        "ContactCorrected",
        "MeetingDeclined", "DeclineWithdrawn",
    ],
    "domain.model_projects:FundedModelProjects": [
        "ListStarted", "ModelProjectAdded", "ModelProjectRemoved",
    ],
    "domain.access_tokens:AccessToken": ["Issued", "Revoked"],
    "domain.registration:Registration": [
        "Submitted", "Resubmitted", "Confirmed", "Accepted", "Declined", "Expired",
        "PersonalDataErased",
    ],
}  # fmt: skip


BASES = {"Event", "Created"}  # the library's base classes on every aggregate


def event_classes(aggregate: type[Aggregate]) -> list[type]:
    return [
        value
        for value in vars(aggregate).values()
        if isinstance(value, type)
        and issubclass(value, CanMutateAggregate)
        and value.__name__ not in BASES
    ]


@pytest.mark.parametrize(
    "topic",
    [f"{owner}.{name}" for owner, names in PUBLISHED.items() for name in names],
)
def test_published_event_topics_still_resolve(topic: str) -> None:
    cls = resolve_topic(topic)
    assert issubclass(cls, CanMutateAggregate)


@pytest.mark.parametrize("aggregate", AGGREGATES, ids=lambda a: a.__name__)
def test_every_event_says_who_caused_it(aggregate: type[Aggregate]) -> None:
    classes = event_classes(aggregate)
    assert classes, f"{aggregate.__name__} declares no event classes"
    for cls in classes:
        hints = typing.get_type_hints(cls)
        assert hints.get("actor") is str, f"{get_topic(cls)} has no 'actor: str'"
