"""The page's sections (new, running, closed, withdrawn), each paged on its own.

A section shows `PER_SECTION` series; `?closed_page=2` asks for the second page of the closed
ones. The links to the previous and next page keep every other choice (language, day,
filters, the other sections' pages), so they work without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import request, url_for

from projections.catalogue.queries import SectionPage

SECTIONS = ("new", "running", "closed", "withdrawn")
PER_SECTION = 8


@dataclass
class Section(SectionPage):
    """A section's page as the page shows it: with its number of pages, its cards, links."""

    pages: int = 1
    cards: list[dict[str, Any]] = field(default_factory=list)

    @property
    def previous_url(self) -> str | None:
        return page_url(self.status, self.page - 1) if self.page > 1 else None

    @property
    def next_url(self) -> str | None:
        return page_url(self.status, self.page + 1) if self.page < self.pages else None


def page_parameter(status: str) -> str:
    return f"{status}_page"


def asked_page(status: str) -> int:
    """The page of a section the query asks for; the first when absent or not a number."""
    raw = request.args.get(page_parameter(status), "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 1_000_000 else 1


def sections(views: Any, on: date, chosen: dict[str, str | None], dated: bool) -> list[Section]:
    """The page of each section the query asks for (`dated`: as it stood on the day); a
    page past the last shows the last."""
    asked = {status: asked_page(status) for status in SECTIONS}
    found = views.sections(on, asked, PER_SECTION, dated=dated, **chosen)
    return [
        Section(**vars(found[s]), pages=max(1, -(-found[s].total // PER_SECTION))) for s in SECTIONS
    ]


def page_url(status: str, page: int) -> str:
    args: dict[str, Any] = request.args.to_dict()
    args.pop(page_parameter(status), None)
    if page > 1:
        args[page_parameter(status)] = str(page)
    return url_for("catalogue_page.catalogue", **args, _anchor=status)
