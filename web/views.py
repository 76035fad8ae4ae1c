"""The public catalogue page: server-rendered, German by default, no JavaScript."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from uuid import UUID

import flask_smorest
from flask import Response, render_template, request, url_for
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Response as BaseResponse

from api.context import services
from domain.clock import PROGRAMME_TIMEZONE, today
from domain.errors import InvalidValue
from domain.values import require_day, require_line
from projections.catalogue.page_queries import meeting_times
from web.conditional import conditional
from web.kept import Rendering, kept, rendering
from web.present import (
    meeting_count,
    meeting_rows,
    next_meeting_label,
    period,
    usual_times,
    waiting_list_only,
)
from web.registration_context import registration_form
from web.sections import sections
from web.texts import words
from wording.catalogues import DEFAULT_LANGUAGE, LANGUAGES

FILTERS = ("topic", "region", "format")
FILTER_LENGTH = 100


class PageBlueprint(flask_smorest.Blueprint):
    """HTML pages: registered with the API, but not part of its OpenAPI document."""

    def register_views_in_doc(self, *args: Any, **kwargs: Any) -> None:
        return None


blp = PageBlueprint(
    "catalogue_page",
    __name__,
    description="The public catalogue page (HTML).",
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets",
)


@blp.route("/")
def catalogue() -> BaseResponse:
    """The page is rendered once per views position, day, language and query."""
    lang, (on, bad_date), (chosen, bad_filter) = language(), requested_day(), chosen_filters()
    asked = Asked(lang, on, chosen, bad_date, bad_filter, day_asked(bad_date))
    shape = ("page", on, lang, bad_date, bad_filter, tuple(request.args.items(multi=True)))

    def render() -> tuple[Rendering, None]:
        return rendering(catalogue_page(asked).encode()), None

    found = kept(services(), "page", shape, render)
    if bad_date or bad_filter:
        return html(found.body, lang, 400)
    response = html(found.body, lang, 200)
    response.set_etag(found.etag)
    return conditional(response)


@dataclass(frozen=True)
class Asked:
    """What the query asks the page for, as understood (refused parts said so)."""

    lang: str
    on: date
    chosen: dict[str, str | None]
    bad_date: bool
    bad_filter: bool
    dated: bool  # a day was asked for: every value as it stood then, not as recorded now


def catalogue_page(asked: Asked) -> str:
    lang, on, chosen = asked.lang, asked.on, asked.chosen
    views = services().views
    parts = sections(views, on, chosen, asked.dated)
    times = meeting_times(views.db, [str(i["id"]) for s in parts for i in s.items])
    for part in parts:
        part.cards = [card(item, lang, times[str(item["id"])]) for item in part.items]
    return render_template(
        "catalogue.html",
        lang=lang,
        on=on,
        bad_date=asked.bad_date,
        bad_filter=asked.bad_filter,
        chosen=chosen,
        options=views.filter_choices(),
        sections={part.status: part for part in parts},
        **words(lang),
        **switch_language(lang),
    )


@blp.route("/catalogue/<uuid:peer_learning_id>")
def series(peer_learning_id: UUID) -> Response:
    return series_page(peer_learning_id, language())


def series_page(peer_learning_id: UUID, lang: str, form: Any = None, status: int = 200) -> Response:
    """The series' page; `form` is the registration form as typed, with its errors."""
    on, bad_date = requested_day()
    current = services()
    detail = current.views.series_detail(peer_learning_id, on=on, dated=day_asked(bad_date))
    if detail is None:
        page = render_template(
            "missing.html", lang=lang, on=on, **words(lang), **switch_language(lang)
        )
        return html(page, lang, 404)
    now = current.app.clock.now()
    page = render_template(
        "series.html",
        lang=lang,
        on=on,
        bad_date=bad_date,
        s=card(detail, lang, detail["meetings"]),
        meetings=meeting_rows(detail, standing_moment(on, now), lang),
        **registration_form(lang, form, now),
        **words(lang),
        **switch_language(lang, "catalogue_page.series"),
    )
    return html(page, lang, 400 if bad_date else status)


def standing_moment(on: date, now: datetime) -> datetime:
    """The moment a page of day `on` stands for: now today, otherwise the end of that day
    (a meeting over by then is past, and shows as held only if it was held by then)."""
    if on == now.astimezone(PROGRAMME_TIMEZONE).date():
        return now
    return datetime.combine(on + timedelta(days=1), time(0), tzinfo=PROGRAMME_TIMEZONE)


def card(item: dict[str, Any], lang: str, meetings: list[dict[str, Any]]) -> dict[str, Any]:
    """The facts one series shows: only what the catalogue publishes, never people."""
    return {
        **item,
        "period": period(item, lang),
        "meeting_count": meeting_count(item, lang),
        "waiting_list_only": waiting_list_only(item),
        "times": usual_times(meetings, item["timezone"], lang),
        "next": next_meeting_label(item, lang),
    }


def language() -> str:
    asked = query_value("lang")
    if asked in LANGUAGES:
        return asked
    return accepted_language(request.headers.get("Accept-Language", ""))


@lru_cache(maxsize=256)
def accepted_language(header: str) -> str:
    """The first of our languages the browser accepts (few distinct headers are sent)."""
    for tag, _quality in parse_accept_header(header, LanguageAccept):
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def query_value(name: str) -> str | None:
    """The query's first value of `name`, if sent (werkzeug's `get` raises and catches a
    KeyError for every absent one)."""
    args = request.args
    return args[name] if name in args else None


def requested_day() -> tuple[date, bool]:
    """The programme day asked for with ?on=YYYY-MM-DD; today when absent, invalid or
    outside the programme's calendar (2000-01-01..2199-12-31), and then it says so."""
    raw = query_value("on")
    if raw:
        try:
            return require_day(date.fromisoformat(raw), "The day"), False
        except (ValueError, InvalidValue):
            return today(services().app.clock), True
    return today(services().app.clock), False


def day_asked(bad_date: bool) -> bool:
    """Whether the query asks for a day of its own (a valid ?on=), not today's page."""
    return bool(query_value("on")) and not bad_date


def chosen_filters() -> tuple[dict[str, str | None], bool]:
    """The filters asked for; one that is no short line of text is left out, and said so."""
    chosen: dict[str, str | None] = {}
    refused = False
    for name in FILTERS:
        raw = query_value(name) or None
        try:
            chosen[name] = require_line(raw, name, FILTER_LENGTH) if raw else None
        except InvalidValue:
            chosen[name], refused = None, True
    return chosen, refused


def html(page: str | bytes, lang: str, status: int) -> Response:
    response = Response(page, status=status, mimetype="text/html")
    response.headers["Content-Language"] = lang
    response.headers["Vary"] = "Accept-Language"
    return response


def switch_language(lang: str, endpoint: str | None = None) -> dict[str, str]:
    """The same page in the other language, for the language link (a page answering a form
    names the page to go to, `endpoint`)."""
    other = "en" if lang == "de" else "de"
    args = {**request.args.to_dict(), **(request.view_args or {}), "lang": other}
    return {"other_lang": other, "other_url": url_for(endpoint or str(request.endpoint), **args)}
