"""Signed, expiring links for people without accounts (itsdangerous), under the public
address `PEERLEARNING_PUBLIC_URL` (default: the address `serve` listens on)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
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

    def confirmation_token(self, registration_id: UUID) -> str:
        return str(self._confirm.dumps(str(registration_id)))

    def confirmation_url(self, registration_id: UUID, locale: str = "de") -> str:
        query = {"token": self.confirmation_token(registration_id)}
        if locale != "de":
            query["lang"] = locale
        return f"{self.public_url}{CONFIRM_PATH}?{urlencode(query)}"

    def registration_of(self, token: str, max_age: timedelta) -> UUID:
        try:
            found = self._confirm.loads(token, max_age=int(max_age.total_seconds()))
            return UUID(str(found))
        except (BadSignature, ValueError):
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
        query = {"token": self.decline_token(link)}
        if locale != "de":
            query["lang"] = locale
        return f"{self.public_url}{DECLINE_PATH}?{urlencode(query)}"

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
