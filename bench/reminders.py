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
ROUNDS = 2


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


def series_with_audience(
    services: Services, reminders: int, round_no: int = 0
) -> tuple[UUID, UUID, datetime]:
    """One series with a virtual meeting and `reminders` participants (their own in each
    round) to remind."""
    start = datetime.now(UTC).date() + timedelta(days=60)
    series = PeerLearning.announce(details(3, start, 10), actor=ACTOR)
    meeting = meeting_at(start + timedelta(days=1), "kickoff", "virtual")
    series.schedule_meeting(meeting, actor=ACTOR)
    enrollments = []
    for place in range(-(-reminders // PER_ENROLLMENT)):
        enrollment = Enrollment(
            peer_learning_id=series.id,
            municipality=municipality(15 + place),
            contact=PersonalData.of(
                UUID(int=round_no * 10**5 + place + 1), "Kontakt", "k@example.org"
            ),
            actor=ACTOR,
        )
        series.admit(enrollment.id, actor=ACTOR)
        enrollment.admit(actor=ACTOR)
        for seat in range(min(PER_ENROLLMENT, reminders - place * PER_ENROLLMENT)):
            pid = UUID(int=(round_no + 1) * 10**7 + place * PER_ENROLLMENT + seat)
            person = PersonalData.of(pid, f"Person {place}-{seat}", f"r{place}.{seat}@example.org")
            enrollment.join(Participant(pid, person, "de" if seat % 4 else "en"), actor=ACTOR)
        enrollments.append(enrollment)
    services.app.record(series, *enrollments)
    return series.id, meeting.meeting_id, meeting.starts_at


def measure(services: Services, store: str, reminders: int) -> Figure:
    """Each side's best of two alternating rounds (a new meeting each), so a slow spell of
    the machine falls on both."""
    audiences = [series_with_audience(services, reminders, r) for r in range(ROUNDS)]
    with smtp_sink() as (port, sink):
        rounds = [one_round(services, port, audience, reminders) for audience in audiences]
        delivered = sink.accepted
    if delivered != 2 * ROUNDS * reminders:
        raise RuntimeError(f"the sink got {delivered} mails, not {2 * ROUNDS * reminders}")
    return Figure(
        f"5a reminders dispatched ({reminders:,})",
        store,
        reminders / min(ours for ours, _ in rounds),
        "mails/s",
        reminders / min(baseline for _, baseline in rounds),
        at_least(0.5),
    )


def one_round(
    services: Services, port: int, audience: tuple[UUID, UUID, datetime], reminders: int
) -> tuple[float, float]:
    """Seconds for the reminder service, then for the smtplib loop, on the same mails."""
    series_id, meeting_id, starts_at = audience
    services.app.clock = SettableClock(starts_at - timedelta(days=1) + timedelta(minutes=1))
    settings = ReminderSettings(smtp=SmtpSettings(port=port), offsets=("P1D",))
    outbox = RecordingOutbox(SmtpOutbox(settings.smtp))
    service = build_service(services.app, services.views, services.db, settings, outbox)
    tally: list[object] = []
    ours = seconds(lambda: tally.append(service.remind(series_id, meeting_id, 1, "P1D")))
    if len(outbox.sent) != reminders:
        raise RuntimeError(f"expected {reminders} reminders, sent {len(outbox.sent)}: {tally}")
    return ours, seconds(lambda: plain_smtplib_loop(port, outbox.sent))
