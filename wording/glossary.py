"""The ids of the words for the domain's values: kinds of meeting, formats, states.

The page, the mails, their attachments and the feeds name these values alike. The tables
hold ids, not words; the words are in the catalogues, with every other text.
"""

from __future__ import annotations

from domain.status import SeriesStatus
from domain.values import Format, MeetingKind, MeetingState
from wording.catalogues import N_, translations

MEETING_KIND: dict[str, str] = {
    MeetingKind.KICKOFF: N_("kind.kickoff"),
    MeetingKind.EXCHANGE: N_("kind.exchange"),
    MeetingKind.REFLECTION: N_("kind.reflection"),
}
FORMAT: dict[str, str] = {
    Format.VIRTUAL: N_("format.virtual"),
    Format.ON_SITE: N_("format.on_site"),
    Format.HYBRID: N_("format.hybrid"),
}
SECTION: dict[str, str] = {  # the headings of the page's sections
    SeriesStatus.NEW: N_("section.new"),
    SeriesStatus.RUNNING: N_("section.running"),
    SeriesStatus.CLOSED: N_("section.closed"),
    SeriesStatus.WITHDRAWN: N_("section.withdrawn"),
}
SERIES_STATUS: dict[str, str] = {
    SeriesStatus.NEW: N_("status.new"),
    SeriesStatus.RUNNING: N_("status.running"),
    SeriesStatus.CLOSED: N_("status.closed"),
    SeriesStatus.WITHDRAWN: N_("status.withdrawn"),
}
PAST = "past"  # a planned meeting whose time has gone by without being marked held
MEETING_STATE: dict[str, str] = {
    MeetingState.HELD: N_("meeting.held"),
    MeetingState.CANCELLED: N_("meeting.cancelled"),
    MeetingState.SCHEDULED: N_("meeting.scheduled"),
    MeetingState.RESCHEDULED: N_("meeting.rescheduled"),
    PAST: N_("meeting.past"),
}


def meeting_kind(kind: str, lang: str) -> str:
    """The kind's name; a kind the glossary does not know, as it is."""
    message_id = MEETING_KIND.get(kind)
    return translations(lang).gettext(message_id) if message_id else kind


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
