"""The registration form: what was typed, read into the API's shape, checked by the API's
schema, each error named by the form field it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marshmallow import ValidationError
from werkzeug.datastructures import MultiDict

from api.schemas.registrations import RegisterSchema

FURTHER_PARTICIPANTS = 2
TEXT_FIELDS = (
    "municipality_name",
    "key",
    "contact_name",
    "contact_email",
    "contact_locale",
    *(
        f"participant_{i}_{part}"
        for i in range(1, FURTHER_PARTICIPANTS + 1)
        for part in ("name", "email", "locale")
    ),
)
HONEYPOT = "homepage"
STAMP = "shown"


@dataclass
class FormState:
    """What the page shows again: the values typed, and the errors by field."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # field -> kind of error
    consent: bool = False
    notice: str | None = None

    @classmethod
    def read(cls, form: MultiDict[str, str]) -> FormState:
        values = {name: form.get(name, "").strip()[:300] for name in TEXT_FIELDS}
        return cls(values=values, consent=form.get("consent") == "yes")

    def filled_rows(self) -> list[int]:
        """The further participants' rows with anything typed in; empty ones are left out."""
        v = self.values
        return [
            i
            for i in range(1, FURTHER_PARTICIPANTS + 1)
            if v[f"participant_{i}_name"] or v[f"participant_{i}_email"]
        ]

    def body(self) -> dict[str, Any]:
        v = self.values
        participants = [
            {
                "name": v[f"participant_{i}_name"],
                "email": v[f"participant_{i}_email"],
                "locale": v[f"participant_{i}_locale"] or "de",
            }
            for i in self.filled_rows()
        ]
        return {
            "municipality": {"name": v["municipality_name"], "key": v["key"] or None},
            "contact": {
                "name": v["contact_name"],
                "email": v["contact_email"],
                "locale": v["contact_locale"] or "de",
            },
            "participants": participants,
            "consent": self.consent,
        }

    def checked(self) -> dict[str, Any] | None:
        """The body as the API's schema loads it, or None with `errors` filled in."""
        raw = self.body()
        try:
            loaded: dict[str, Any] = RegisterSchema().load(raw)
        except ValidationError as error:
            self.errors = form_errors(error.normalized_messages(), self.filled_rows())
            return None
        return loaded


def form_errors(messages: dict[str, Any], rows: list[int]) -> dict[str, str]:
    """The schema's errors by form field; the value is the kind of error (its last part)."""
    errors: dict[str, str] = {}
    for part in ("name", "key"):
        if part in messages.get("municipality", {}):
            errors["municipality_name" if part == "name" else "key"] = part
    for part in messages.get("contact", {}):
        errors[f"contact_{part}"] = part
    for index, wrong in (messages.get("participants") or {}).items():
        if isinstance(wrong, dict) and int(index) < len(rows):
            row = rows[int(index)]
            errors.update({f"participant_{row}_{part}": part for part in wrong})
    if "consent" in messages:
        errors["consent"] = "consent"
    return errors
