"""Reading the rendered page back: sections, series titles, meeting rows, form labels."""

from __future__ import annotations

from html.parser import HTMLParser


class PageReader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.meeting_states: list[str] = []
        self.label_targets: set[str] = set()
        self.field_ids: list[str] = []
        self.links: list[str] = []
        self.pager: dict[str, dict[str, str]] = {}  # section -> {"next": url, "prev": url}
        self.tags: set[str] = set()
        self.lang: str | None = None
        self._section: str | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "section" and a.get("data-status"):
            self._section = a["data-status"]
            self.sections[self._section or ""] = []
        if tag == "article" and self._section and a.get("data-title"):
            self.sections[self._section].append(a["data-title"] or "")
        if tag == "tr" and a.get("data-state"):
            self.meeting_states.append(a["data-state"] or "")
        if tag == "label" and a.get("for"):
            self.label_targets.add(a["for"] or "")
        if tag in ("select", "input") and a.get("type") != "hidden":
            self.field_ids.append(a.get("id") or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
            if self._section and a.get("rel") in ("next", "prev"):
                self.pager.setdefault(self._section, {})[a["rel"] or ""] = a["href"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._section = None
