"""What a reminder, change notice or cancellation notice says, before it becomes text or HTML."""

from __future__ import annotations

from dataclasses import dataclass

from domain.peer_learning import SERIES_CLOSED, SERIES_WITHDRAWN
from scheduler import wording
from scheduler.facts import MeetingFacts, Recipient
from scheduler.phrases import PHRASES


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
    purpose: str, meeting: MeetingFacts, recipient: Recipient, late: bool = False
) -> MailContent:
    lang = wording.language(recipient.locale)
    say = PHRASES[lang]
    zone = recipient.zone(meeting)
    kind = wording.meeting_kind(meeting.kind, lang)
    words = {
        "series": meeting.series_title,
        "kind": kind,
        "when": wording.when(meeting.starts_at, zone, lang),
    }
    subject_key = "subject.late" if late and purpose == "reminder" else f"subject.{purpose}"
    subject = say[subject_key].format(**{**words, "kind": wording.capitalised(kind)})
    return MailContent(
        language=lang,
        subject=subject,
        greeting=say["greeting"].format(name=recipient.name),
        intro=say[f"intro.{purpose}"].format(**words),
        facts=_facts(meeting, zone, lang, purpose),
        notes=(say["late"],) if late and purpose == "reminder" else (),
        contact=say["contact"].format(host=meeting.host, email=meeting.contact_email),
        closing=say["closing"],
    )


def _reason(reason: str, lang: str) -> str:
    """The reason as given; the programme's own reasons in the reader's language."""
    own = {SERIES_CLOSED: "reason.closed", SERIES_WITHDRAWN: "reason.withdrawn"}
    return PHRASES[lang][own[reason]] if reason in own else reason


def _facts(meeting: MeetingFacts, zone: str, lang: str, purpose: str) -> tuple[Fact, ...]:
    say = PHRASES[lang]
    facts = [Fact(say["label.when"], wording.span(meeting.starts_at, meeting.ends_at, zone, lang))]
    if meeting.title:
        facts.append(Fact(say["label.title"], meeting.title))
    if purpose == "cancellation":
        if meeting.cancel_reason:
            facts.append(Fact(say["label.reason"], _reason(meeting.cancel_reason, lang)))
        return tuple(facts)
    if meeting.video_url and meeting.mode != "on_site":
        facts.append(Fact(say["label.video"], meeting.video_url, is_link=True))
    if meeting.location and meeting.mode != "virtual":
        facts.append(Fact(say["label.location"], meeting.location))
    if meeting.agenda_url:
        facts.append(Fact(say["label.agenda"], meeting.agenda_url, is_link=True))
    return tuple(facts)
