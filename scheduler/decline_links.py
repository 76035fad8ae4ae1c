"""The personal "I can't attend" link a reminder carries, signed for its reader and meeting."""

from __future__ import annotations

from application.links import DeclineLink, Links
from scheduler.courier import DeclineUrl
from scheduler.facts import MeetingFacts, Recipient
from wording.catalogues import language


def decline_urls(links: Links) -> DeclineUrl:
    def decline_url(meeting: MeetingFacts, recipient: Recipient) -> str | None:
        if recipient.enrollment_id is None:
            return None
        link = DeclineLink(
            peer_learning_id=meeting.peer_learning_id,
            enrollment_id=recipient.enrollment_id,
            participant_id=recipient.participant_id,
            meeting_id=meeting.meeting_id,
        )
        return links.decline_url(link, language(recipient.locale))

    return decline_url
