"""What a page template needs to speak one language: `_` for the catalogue's words, and the
names of the domain's values the page shows."""

from __future__ import annotations

from wording.catalogues import LANGUAGES, language_name, named, translations
from wording.glossary import FORMAT, MEETING_KIND, MEETING_STATE, SECTION, SERIES_STATUS


def words(lang: str) -> dict[str, object]:
    return {
        "_": translations(lang).gettext,
        "kinds": named(MEETING_KIND, lang),
        "headings": named(SECTION, lang),
        "formats": named(FORMAT, lang),
        "states": named(MEETING_STATE, lang),
        "status_names": named(SERIES_STATUS, lang),
        "language_names": {code: language_name(code) for code in LANGUAGES},
    }
