"""What a reminder, change notice or cancellation notice says, before it becomes text or HTML."""

from __future__ import annotations

from dataclasses import dataclass

from domain.peer_learning import SERIES_CLOSED, SERIES_WITHDRAWN
from domain.reminder_rules import Purpose
from scheduler.facts import MeetingFacts, Recipient
from wording.catalogues import N_, language, translations
from wording.dates import span, when
from wording.glossary import capitalised, meeting_kind

SUBJECT: dict[str, str] = {
    Purpose.REMINDER: N_("mail.subject.reminder"),
    Purpose.CHANGE: N_("mail.subject.change"),
    Purpose.UPDATE: N_("mail.subject.update"),
    Purpose.CANCELLATION: N_("mail.subject.cancellation"),
}
INTRO: dict[str, str] = {
    Purpose.REMINDER: N_("mail.intro.reminder"),
    Purpose.CHANGE: N_("mail.intro.change"),
    Purpose.UPDATE: N_("mail.intro.update"),
    Purpose.CANCELLATION: N_("mail.intro.cancellation"),
}
ENROLMENT_ENDED = "Teilnahme beendet"  # why the people of an ended enrolment lose a meeting
OWN_REASONS: dict[str, str] = {  # the programme's own reasons, said in the reader's language
    SERIES_CLOSED: N_("mail.reason.closed"),
    SERIES_WITHDRAWN: N_("mail.reason.withdrawn"),
    ENROLMENT_ENDED: N_("mail.reason.enrolment_ended"),
}


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    is_link: bool = False


@dataclass(frozen=True)
class MailContent:
    language: str
    subject: str
    greeting: str
    intro: str
    facts: tuple[Fact, ...]
    notes: tuple[str, ...]
    contact: str
    closing: str


def compose(
    purpose: str,
    meeting: MeetingFacts,
    recipient: Recipient,
    late: bool = False,
    decline_url: str | None = None,
    self_service_url: str | None = None,
) -> MailContent:
    """With `decline_url`, a reminder carries the reader's own "I can't attend" link; with
    `self_service_url`, any mail carries the reader's own page of their settings."""
    lang = language(recipient.locale)
    _ = translations(lang).gettext
    zone = recipient.zone(meeting)
    kind = meeting_kind(meeting.kind, lang)
    words = {
        "series": meeting.series_title,
        "kind": kind,
        "when": when(meeting.starts_at, zone, lang),
    }
    late_reminder = late and purpose == Purpose.REMINDER
    facts = _facts(meeting, zone, lang, purpose)
    if decline_url and purpose == Purpose.REMINDER:
        facts += (Fact(_("mail.label.decline"), decline_url, is_link=True),)
    if self_service_url:
        facts += (Fact(_("mail.label.self_service"), self_service_url, is_link=True),)
    subject = _("mail.subject.late") if late_reminder else _(SUBJECT[purpose])
    return MailContent(
        language=lang,
        subject=subject.format(**{**words, "kind": capitalised(kind)}),
        greeting=_("mail.greeting").format(name=recipient.name),
        intro=_(INTRO[purpose]).format(**words),
        facts=facts,
        notes=(_("mail.late"),) if late_reminder else (),
        contact=_("mail.contact").format(host=meeting.host, email=meeting.contact_email),
        closing=_("mail.closing"),
    )


def _reason(reason: str, lang: str) -> str:
    """The reason as given; the programme's own reasons in the reader's language."""
    own = OWN_REASONS.get(reason)
    return translations(lang).gettext(own) if own else reason


def _facts(meeting: MeetingFacts, zone: str, lang: str, purpose: str) -> tuple[Fact, ...]:
    _ = translations(lang).gettext
    facts = [Fact(_("mail.label.when"), span(meeting.starts_at, meeting.ends_at, zone, lang))]
    if meeting.title:
        facts.append(Fact(_("mail.label.title"), meeting.title))
    if purpose == Purpose.CANCELLATION:
        if meeting.cancel_reason:
            facts.append(Fact(_("mail.label.reason"), _reason(meeting.cancel_reason, lang)))
        return tuple(facts)
    if meeting.video_url and meeting.mode != "on_site":
        facts.append(Fact(_("mail.label.video"), meeting.video_url, is_link=True))
    if meeting.location and meeting.mode != "virtual":
        facts.append(Fact(_("mail.label.location"), meeting.location))
    if meeting.agenda_url:
        facts.append(Fact(_("mail.label.agenda"), meeting.agenda_url, is_link=True))
    return tuple(facts)
