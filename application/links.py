"""Signed, expiring links for people without accounts (itsdangerous), under the public
address `PEERLEARNING_PUBLIC_URL` (default: the address `serve` listens on)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from urllib.parse import urlencode
from uuid import UUID

from itsdangerous import BadSignature, URLSafeSerializer, URLSafeTimedSerializer

PUBLIC_URL = "PEERLEARNING_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
CONFIRM = "registration-confirm"
CONFIRM_PATH = "/anmeldung/bestaetigen"
FORM = "registration-form"


class InvalidLink(ValueError):
    """A link that was forged, altered or is too old."""


def public_url_setting() -> str | None:
    configured = os.environ.get(PUBLIC_URL, "").strip()
    return configured.rstrip("/") or None


class Links:
    def __init__(self, secret: bytes, public_url: str | None = None) -> None:
        self.public_url = public_url or public_url_setting() or DEFAULT_PUBLIC_URL
        self._confirm = URLSafeTimedSerializer(secret, salt=CONFIRM)
        self._form = URLSafeSerializer(secret, salt=FORM)

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
