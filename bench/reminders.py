"""Figure 5: reminder dispatch to an SMTP sink against a plain smtplib loop."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.message import Message
from uuid import UUID

from bench.clock import SettableClock
from bench.dataset import ACTOR, details, meeting_at, municipality
from bench.figures import Figure, at_least
from bench.smtp_sink import plain_smtplib_loop, smtp_sink
from bench.timing import seconds
from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.values import Participant, PersonalData
from peerlearning.bootstrap import Services
from scheduler.service import build_service
from scheduler.settings import ReminderSettings, SmtpSettings
from scheduler.smtp import Mailbox, SmtpOutbox

PER_ENROLLMENT = 100


class RecordingOutbox:
    """The scheduler's own SMTP outbox, keeping a copy of what it sends for the baseline."""

    def __init__(self, outbox: SmtpOutbox) -> None:
        self.outbox = outbox
        self.sent: list[Message] = []

    @contextmanager
    def session(self) -> Iterator[Mailbox]:
        with self.outbox.session() as mailbox:
            yield _Recording(mailbox, self.sent)


class _Recording:
    def __init__(self, mailbox: Mailbox, sent: list[Message]) -> None:
        self.mailbox, self.sent = mailbox, sent

    def send(self, message: Message) -> None:
        self.mailbox.send(message)
        self.sent.append(message)


def series_with_audience(services: Services, reminders: int) -> tuple[UUID, UUID, datetime]:
    """One series with a virtual meeting and `reminders` participants to remind."""
    start = datetime.now(UTC).date() + timedelta(days=60)
    series = PeerLearning.announce(details(3, start, 10), actor=ACTOR)
    meeting = meeting_at(start + timedelta(days=1), "kickoff", "virtual")
    series.schedule_meeting(meeting, actor=ACTOR)
    enrollments = []
    for place in range(-(-reminders // PER_ENROLLMENT)):
        enrollment = Enrollment(
            peer_learning_id=series.id,
            municipality=municipality(15 + place),
            contact=PersonalData.of(UUID(int=place + 1), "Kontakt", "k@example.org"),
            actor=ACTOR,
        )
        series.admit(enrollment.id, actor=ACTOR)
        enrollment.admit(actor=ACTOR)
        for seat in range(min(PER_ENROLLMENT, reminders - place * PER_ENROLLMENT)):
            pid = UUID(int=10**6 + place * PER_ENROLLMENT + seat)
            person = PersonalData.of(pid, f"Person {place}-{seat}", f"r{place}.{seat}@example.org")
            enrollment.join(Participant(pid, person, "de" if seat % 4 else "en"), actor=ACTOR)
        enrollments.append(enrollment)
    services.app.record(series, *enrollments)
    return series.id, meeting.meeting_id, meeting.starts_at


def measure(services: Services, store: str, reminders: int) -> Figure:
    series_id, meeting_id, starts_at = series_with_audience(services, reminders)
    clock = SettableClock(starts_at - timedelta(days=1) + timedelta(minutes=1))
    services.app.clock = clock
    with smtp_sink() as (port, sink):
        settings = ReminderSettings(smtp=SmtpSettings(port=port), offsets=("P1D",))
        outbox = RecordingOutbox(SmtpOutbox(settings.smtp))
        service = build_service(services.app, services.views, services.db, settings, outbox)
        tally: list[object] = []
        elapsed = seconds(lambda: tally.append(service.remind(series_id, meeting_id, 1, "P1D")))
        sent = len(outbox.sent)
        baseline = seconds(lambda: plain_smtplib_loop(port, outbox.sent))
        delivered = sink.accepted
    if sent != reminders or delivered != 2 * reminders:
        raise RuntimeError(f"expected {reminders} reminders, sent {sent}: {tally}")
    return Figure(
        f"5a reminders dispatched ({reminders:,})",
        store,
        sent / elapsed,
        "mails/s",
        sent / baseline,
        at_least(0.5),
    )
