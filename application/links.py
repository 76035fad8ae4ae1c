"""Signed, expiring links for people without accounts (itsdangerous), under the public
address `PEERLEARNING_PUBLIC_URL` (default: the address `serve` listens on)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from itsdangerous import (
    BadSignature,
    SignatureExpired,
    TimestampSigner,
    URLSafeSerializer,
    URLSafeTimedSerializer,
)

from domain.clock import Clock, SystemClock

PUBLIC_URL = "PEERLEARNING_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
CONFIRM = "registration-confirm"
CONFIRM_PATH = "/anmeldung/bestaetigen"
FORM = "registration-form"
DECLINE = "meeting-decline"
DECLINE_PATH = "/teilnahme/absagen"
# A decline link in a reminder works this long after the mail was written; whether it
# still declines is the domain's to say (only until the meeting starts).
DECLINE_WINDOW = timedelta(days=30)
SELF_SERVICE = "self-service"
SELF_SERVICE_PATH = "/teilnahme/einstellungen"
# Every mail to a person carries a fresh self-service link, valid this long after the mail.
SELF_SERVICE_WINDOW = timedelta(days=60)
EMAIL_CHANGE = "email-change"
EMAIL_CHANGE_PATH = "/teilnahme/adresse-bestaetigen"
# The link sent to a new address confirms it this long after it was asked for.
EMAIL_CHANGE_WINDOW = timedelta(days=2)


class InvalidLink(ValueError):
    """A link that was forged, altered or is too old."""


class ExpiredLink(InvalidLink):
    """A genuine link, signed longer ago than it is valid."""


@dataclass(frozen=True)
class DeclineLink:
    """Whom a personal decline link speaks for, and about which meeting."""

    peer_learning_id: UUID
    enrollment_id: UUID
    participant_id: UUID
    meeting_id: UUID


@dataclass(frozen=True)
class ConfirmationLink:
    """Which submission of a registration a confirmation link confirms: a registration
    submitted again (after a decline or an expiry) is confirmed only by its new link."""

    registration_id: UUID
    submission: int


@dataclass(frozen=True)
class PersonLink:
    """Whom a personal self-service link speaks for: one participant of one enrolment."""

    enrollment_id: UUID
    participant_id: UUID


@dataclass(frozen=True)
class EmailChange:
    """A new address a person asked for, to be confirmed from that address, and the address
    it replaces: once that is no longer the person's, the link confirms nothing. A link
    signed before links named it (`replaces` None) confirms as it did."""

    enrollment_id: UUID
    participant_id: UUID
    email: str
    replaces: str | None = None


def clocked_signer(clock: Clock) -> type[TimestampSigner]:
    """A signer that reads the time from `clock` when it signs and when it checks an age."""

    class ClockedSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(clock.now().timestamp())

    return ClockedSigner


def public_url_setting() -> str | None:
    configured = os.environ.get(PUBLIC_URL, "").strip()
    return configured.rstrip("/") or None


class Links:
    def __init__(
        self, secret: bytes, public_url: str | None = None, clock: Clock | None = None
    ) -> None:
        self.public_url = public_url or public_url_setting() or DEFAULT_PUBLIC_URL
        self._confirm = URLSafeTimedSerializer(secret, salt=CONFIRM)
        self._form = URLSafeSerializer(secret, salt=FORM)
        signer = clocked_signer(clock or SystemClock())
        self._decline = URLSafeTimedSerializer(secret, salt=DECLINE, signer=signer)
        self._self_service = URLSafeTimedSerializer(secret, salt=SELF_SERVICE, signer=signer)
        self._email_change = URLSafeTimedSerializer(secret, salt=EMAIL_CHANGE, signer=signer)

    def confirmation_token(self, link: ConfirmationLink) -> str:
        return str(self._confirm.dumps([str(link.registration_id), link.submission]))

    def confirmation_url(self, link: ConfirmationLink, locale: str = "de") -> str:
        return self._url(CONFIRM_PATH, self.confirmation_token(link), locale)

    def confirmation_of(self, token: str, max_age: timedelta) -> ConfirmationLink:
        """What a confirmation link confirms; a link signed before links named the
        submission (the registration's id alone) names its first."""
        try:
            found = self._confirm.loads(token, max_age=int(max_age.total_seconds()))
            if isinstance(found, str):
                return ConfirmationLink(UUID(found), 1)
            registration_id, submission = found
            if not isinstance(submission, int) or isinstance(submission, bool):
                raise TypeError(submission)
            return ConfirmationLink(UUID(str(registration_id)), submission)
        except (BadSignature, ValueError, TypeError):
            raise InvalidLink("This link is not valid (any more).") from None

    def form_stamp(self, shown_at: datetime) -> str:
        """When a form was shown, signed, so its sender cannot claim it took longer."""
        return str(self._form.dumps(shown_at.isoformat()))

    def shown_at(self, stamp: str) -> datetime | None:
        try:
            return datetime.fromisoformat(str(self._form.loads(stamp)))
        except (BadSignature, ValueError):
            return None

    def decline_token(self, link: DeclineLink) -> str:
        ids = (link.peer_learning_id, link.enrollment_id, link.participant_id, link.meeting_id)
        return str(self._decline.dumps([str(i) for i in ids]))

    def decline_url(self, link: DeclineLink, locale: str = "de") -> str:
        """The personal "I can't attend" page of one participant for one meeting."""
        return self._url(DECLINE_PATH, self.decline_token(link), locale)

    def decline_of(self, token: str) -> DeclineLink:
        """Whom a decline link names; `ExpiredLink` once it is older than `DECLINE_WINDOW`,
        `InvalidLink` if it was forged or altered."""
        try:
            found = self._decline.loads(token, max_age=int(DECLINE_WINDOW.total_seconds()))
            return DeclineLink(*(UUID(str(i)) for i in found))
        except SignatureExpired:
            raise ExpiredLink("This link has expired.") from None
        except (BadSignature, ValueError, TypeError):
            raise InvalidLink("This link is not valid.") from None

    def self_service_url(self, link: PersonLink, locale: str = "de") -> str:
        """The personal page of one person: their language, time zone, address, leaving."""
        token = self._self_service.dumps([str(link.enrollment_id), str(link.participant_id)])
        return self._url(SELF_SERVICE_PATH, str(token), locale)

    def self_service_of(self, token: str) -> PersonLink:
        """Whom a self-service link names; `ExpiredLink` after `SELF_SERVICE_WINDOW`."""
        found = _checked(self._self_service, token, SELF_SERVICE_WINDOW)
        return PersonLink(*(UUID(str(i)) for i in found))

    def email_change_url(self, change: EmailChange, locale: str = "de") -> str:
        """The link, sent to the new address, that confirms it."""
        ids = [str(change.enrollment_id), str(change.participant_id), change.email]
        if change.replaces is not None:
            ids.append(change.replaces)
        return self._url(EMAIL_CHANGE_PATH, str(self._email_change.dumps(ids)), locale)

    def email_change_of(self, token: str) -> EmailChange:
        found = _checked(self._email_change, token, EMAIL_CHANGE_WINDOW)
        if len(found) not in (3, 4):
            raise InvalidLink("This link is not valid.")
        enrollment_id, participant_id, email, *replaces = found
        return EmailChange(UUID(enrollment_id), UUID(participant_id), email, *replaces)

    def _url(self, path: str, token: str, locale: str) -> str:
        query = {"token": token}
        if locale != "de":
            query["lang"] = locale
        return f"{self.public_url}{path}?{urlencode(query)}"


def _checked(serializer: URLSafeTimedSerializer, token: str, window: timedelta) -> list[Any]:
    """The signed list in `token`; `ExpiredLink` once older than `window`, `InvalidLink` if
    forged, altered or of another shape."""
    try:
        found = serializer.loads(token, max_age=int(window.total_seconds()))
    except SignatureExpired:
        raise ExpiredLink("This link has expired.") from None
    except (BadSignature, ValueError, TypeError):
        raise InvalidLink("This link is not valid.") from None
    if not isinstance(found, list) or not all(isinstance(i, str) for i in found):
        raise InvalidLink("This link is not valid.")
    return found
