"""The participation report as one self-contained German HTML file: tables and SVG charts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from babel.dates import format_date
from babel.numbers import format_percent
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from web.report_charts import bar_chart, column_chart
from wording.catalogues import cldr_locale, translations

LANGUAGE = "de"  # the report is German only
LOCALE = cldr_locale(LANGUAGE)
TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True
)


def german_day(day: date) -> str:
    return format_date(day, "dd.MM.yyyy", locale=LOCALE)


def rate(value: float | None) -> str:
    return "–" if value is None else format_percent(value, "#0 %", locale=LOCALE)


def month_label(month: str) -> str:
    year, number = month.split("-")
    return format_date(date(int(year), int(number), 1), "MMM yyyy", locale=LOCALE)


def every_month(start: date, end: date, held: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The period's months in order, those without a held meeting with 0."""
    counts = {m["month"]: m["meetings_held"] for m in held}
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        name = f"{year:04d}-{month:02d}"
        months.append({"month": name, "meetings_held": counts.get(name, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class Figure(NamedTuple):
    """A head figure: the number, and the words that follow it in singular or plural."""

    number: int
    words: str


def figures(report: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Figure]:
    """ "1 Peer-Learning", "3 Kommunen", "1 gehaltenes Treffen"."""
    ngettext = translations(LANGUAGE).ngettext
    series = len(report["totals"]["per_series"])
    municipalities = len({r["key"] or r["municipality"] for r in rows})
    meetings = sum(m["meetings_held"] for m in report["meetings_per_month"])
    return {
        "series": Figure(
            series, ngettext("report.figure.series", "report.figure.series.plural", series)
        ),
        "municipalities": Figure(
            municipalities,
            ngettext(
                "report.figure.municipalities",
                "report.figure.municipalities.plural",
                municipalities,
            ),
        ),
        "meetings": Figure(
            meetings, ngettext("report.figure.meetings", "report.figure.meetings.plural", meetings)
        ),
    }


def charts(report: dict[str, Any], months: list[dict[str, Any]]) -> dict[str, Markup]:
    lands, series = report["totals"]["per_land"], report["totals"]["per_series"]
    return {
        "lands": Markup(
            bar_chart(
                [land["state"] or "ohne Angabe" for land in lands],
                [land["municipalities"] for land in lands],
                "Kommunen je Land",
            )
        ),
        "series": Markup(
            bar_chart(
                [s["series"] for s in series],
                [s["attendance_rate"] or 0.0 for s in series],
                "Teilnahmequote je Peer-Learning",
                percent=True,
            )
        ),
        "months": Markup(
            column_chart(
                [month_label(m["month"]) for m in months],
                [m["meetings_held"] for m in months],
                "Gehaltene Treffen je Monat",
            )
        ),
    }


def participation_html(report: dict[str, Any], start: date, end: date, made_on: date) -> str:
    """The whole report; it loads nothing, so it can be sent and printed as it is."""
    rows = report["rows"]
    months = every_month(start, end, report["meetings_per_month"])
    return _ENV.get_template("report.html").render(
        report=report,
        rows=rows,
        period=f"{german_day(start)} – {german_day(end)}",
        made_on=german_day(made_on),
        charts=charts(report, months),
        months=months,
        figures=figures(report, rows),
        day=german_day,
        rate=rate,
        month_label=month_label,
    )
