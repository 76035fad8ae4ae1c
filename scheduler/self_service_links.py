"""The personal self-service link every mail to a person carries, signed anew for each mail."""

from __future__ import annotations

from application.links import Links, PersonLink
from scheduler.courier import SelfServiceUrl
from scheduler.facts import Recipient
from wording.catalogues import language


def self_service_urls(links: Links) -> SelfServiceUrl:
    def self_service_url(recipient: Recipient) -> str | None:
        if recipient.enrollment_id is None:
            return None
        link = PersonLink(recipient.enrollment_id, recipient.participant_id)
        return links.self_service_url(link, language(recipient.locale))

    return self_service_url
