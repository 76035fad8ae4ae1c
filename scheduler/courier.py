"""Send-then-record: hands claimed mails to SMTP and records what became of each."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import Message
from functools import partial
from typing import Protocol

from domain.clock import Clock
from domain.reminders import ReminderDispatch
from scheduler.claims import ACTOR, Claims, Letter, Parcel
from scheduler.facts import MeetingFacts, Recipient
from scheduler.isolation import failure_kind, report_once
from scheduler.message import UnbuildableMail, build_message
from scheduler.settings import ReminderSettings
from scheduler.settling import Settling
from scheduler.smtp import ConnectionLost, Mailbox, PermanentFailure, TransientFailure

log = logging.getLogger(__name__)

# The personal "I can't attend" link of a recipient for a meeting, if there can be one.
DeclineUrl = Callable[[MeetingFacts, Recipient], str | None]
# The personal self-service link of a recipient, put into every mail to them.
SelfServiceUrl = Callable[[Recipient], str | None]


class Outbox(Protocol):
    def session(self) -> AbstractContextManager[Mailbox]: ...


@dataclass
class Tally:
    sent: int = 0
    failed: int = 0
    deferred: int = 0

    def add(self, other: Tally) -> Tally:
        self.sent += other.sent
        self.failed += other.failed
        self.deferred += other.deferred
        return self


class Courier:
    def __init__(
        self,
        claims: Claims,
        outbox: Outbox,
        settings: ReminderSettings,
        clock: Clock,
        decline_link: DeclineUrl | None = None,
        self_service_link: SelfServiceUrl | None = None,
    ) -> None:
        self.claims, self.outbox, self.settings, self.clock = claims, outbox, settings, clock
        self.decline_link, self.self_service_link = decline_link, self_service_link

    def deliver(self, parcels: list[Parcel]) -> Tally:
        """Sends each mail, then records its outcome; records run on their own thread,
        overlapping the next mail's send (see scheduler/settling.py)."""
        tally, remaining = Tally(), list(parcels)
        with Settling() as settling:
            try:
                with self.outbox.session() as mailbox:
                    for parcel in _draining(remaining):
                        self._hand_over(mailbox, parcel, tally, settling)
            except ConnectionLost as error:
                log.warning(
                    "SMTP unavailable (%s); %d mails wait for a retry", error, len(remaining)
                )
                for parcel in remaining:
                    self._defer(parcel, str(error), tally, settling)
        return tally

    def _hand_over(
        self, mailbox: Mailbox, parcel: Parcel, tally: Tally, settling: Settling
    ) -> None:
        if not parcel.dispatch.held_by(self.claims.owner, self.clock.now() + self._margin()):
            return  # the lease runs out before the server could answer: leave it to a retry
        late = self._is_late(parcel)
        message = self._built(parcel, late, tally, settling)
        if message is None:
            return
        settling.check()  # a mail that could not be recorded stops the sending
        try:
            mailbox.send(message)
        except ConnectionLost:
            raise
        except PermanentFailure as error:
            self._fail(parcel, str(error), tally, f"permanent ({str(error)[:3]})", settling)
            return
        except TransientFailure as error:
            self._defer(parcel, str(error), tally, settling)
            return
        sent_at = self.clock.now()
        settling.settle(lambda: self._record_sent(parcel, sent_at, late, tally))

    def _record_sent(self, parcel: Parcel, sent_at: datetime, late: bool, tally: Tally) -> None:
        parcel.dispatch.record_sent(sent_at, late=late, actor=ACTOR)
        tally.sent += self.claims.settle(parcel.dispatch)

    def _built(
        self, parcel: Parcel, late: bool, tally: Tally, settling: Settling
    ) -> Message | None:
        """The mail, or None if it cannot be built: then it failed for good, nothing was sent."""
        try:
            return self._message(parcel, late)
        except Exception as error:  # any value the mail cannot hold fails this mail alone
            self._fail(parcel, unbuildable(error), tally, failure_kind(error), settling)
            return None

    def _fail(
        self, parcel: Parcel, reason: str, tally: Tally, kind: str, settling: Settling
    ) -> None:
        failed = partial(settle_failed, self.claims, parcel.dispatch, reason, kind)
        settling.settle(lambda: tally.add(Tally(failed=failed())))

    def _message(self, parcel: Parcel, late: bool) -> Message:
        letter = parcel.letter
        return build_message(
            parcel.dispatch.id,
            letter.purpose,
            letter.meeting,
            letter.recipient,
            self.settings.smtp.sender,
            self.clock.now(),
            late=late,
            decline_url=self._decline_url(letter),
            self_service_url=self._self_service_url(letter),
        )

    def _decline_url(self, letter: Letter) -> str | None:
        if self.decline_link is None or letter.purpose != "reminder":
            return None
        return self.decline_link(letter.meeting, letter.recipient)

    def _self_service_url(self, letter: Letter) -> str | None:
        if self.self_service_link is None:
            return None
        return self.self_service_link(letter.recipient)

    def _margin(self) -> timedelta:
        return min(timedelta(seconds=self.settings.smtp.timeout), self.settings.lease / 3)

    def _is_late(self, parcel: Parcel) -> bool:
        return self.clock.now() - parcel.letter.due_at > self.settings.late_after

    def _defer(self, parcel: Parcel, reason: str, tally: Tally, settling: Settling) -> None:
        retry_at = self.clock.now() + self.settings.retry_after(parcel.dispatch.attempts)
        deferred = partial(settle_deferred, self.claims, parcel.dispatch, reason, retry_at)
        settling.settle(lambda: tally.add(Tally(deferred=deferred())))


def settle_failed(claims: Claims, dispatch: ReminderDispatch, reason: str, kind: str) -> int:
    """Records a mail that will never go out and logs it once by its id; 1 if settled."""
    dispatch.record_failed(reason, actor=ACTOR)
    settled = claims.settle(dispatch)
    report_once("Mail", (dispatch.id,), kind)
    return settled


def settle_deferred(
    claims: Claims, dispatch: ReminderDispatch, reason: str, retry_at: datetime
) -> int:
    """Records a mail to try again at `retry_at`; 1 if settled."""
    dispatch.defer(reason, retry_at, actor=ACTOR)
    return claims.settle(dispatch)


def unbuildable(error: Exception) -> str:
    """Why a mail could not be built: our own words, never the value that broke it."""
    if isinstance(error, UnbuildableMail):
        return f"The mail could not be built: {error}"
    return f"The mail could not be built ({type(error).__name__})."


def _draining(parcels: list[Parcel]) -> Iterator[Parcel]:
    """Yields parcels, removing each once it was handled, so the rest can be deferred."""
    while parcels:
        yield parcels[0]
        parcels.pop(0)
