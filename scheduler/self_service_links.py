"""The personal self-service link every mail to a person carries, signed anew for each mail."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from application.links import Links, PersonLink
from scheduler.courier import SelfServiceUrl
from scheduler.facts import Recipient
from scheduler.registration_outcomes import OutcomeLetter
from wording.catalogues import language


def self_service_urls(links: Links) -> SelfServiceUrl:
    def self_service_url(recipient: Recipient) -> str | None:
        if recipient.enrollment_id is None:
            return None
        link = PersonLink(recipient.enrollment_id, recipient.participant_id)
        return links.self_service_url(link, language(recipient.locale))

    return self_service_url


def with_self_service(letter: OutcomeLetter, enrollment_id: UUID, links: Links) -> OutcomeLetter:
    """The letter to a participant of the enrolment, with their own link, signed now."""
    link = PersonLink(enrollment_id, letter.recipient_id)
    return replace(letter, self_service_url=links.self_service_url(link, letter.locale))
