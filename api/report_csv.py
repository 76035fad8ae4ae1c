"""The participation report as CSV for German spreadsheet programs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from babel.dates import format_date

# German headers, in the order of the JSON rows' fields.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("series_id", "Reihen-ID"),
    ("series", "Peer-Learning"),
    ("host", "Gastgeber"),
    ("municipality", "Kommune"),
    ("key", "Gemeindeschlüssel"),
    ("state", "Land"),
    ("admitted_on", "Aufgenommen am"),
    ("meetings_held", "Treffen gehalten"),
    ("meetings_attended", "Treffen besucht"),
    ("reflection_held", "Reflexion gehalten"),
)
BOM = "\ufeff"
# A cell a spreadsheet program would read as a formula (OWASP, "CSV Injection"): names and
# titles come from the public registration, so such a text is kept as text, behind a '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def german_day(day: date) -> str:
    """TT.MM.JJJJ, as German spreadsheet programs read a date."""
    return format_date(day, "dd.MM.yyyy", locale="de_DE")


def cell(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return german_day(value)
    if isinstance(value, str):
        return text_cell(value)
    return "" if value is None else str(value)


def text_cell(text: str) -> str:
    """The text as it is, unless a spreadsheet would take it for a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def report_csv(rows: Iterable[dict[str, Any]]) -> str:
    """UTF-8 text with a BOM, `;` between fields, CRLF between rows."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _, header in COLUMNS])
    for row in rows:
        writer.writerow([cell(row[name]) for name, _ in COLUMNS])
    return out.getvalue()
