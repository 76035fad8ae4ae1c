"""What the series page's template needs for the registration form."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.context import services
from web.registration_form import FURTHER_PARTICIPANTS, HONEYPOT, STAMP, FormState
from web.registration_texts import FIELD_ERRORS, FORM


def registration_form(lang: str, form: FormState | None, now: datetime) -> dict[str, Any]:
    return {
        "r": FORM[lang],
        "field_errors": FIELD_ERRORS[lang],
        "form": form or FormState(),
        "further": range(1, FURTHER_PARTICIPANTS + 1),
        "honeypot": HONEYPOT,
        "stamp_name": STAMP,
        "stamp": services().links.form_stamp(now),
    }
