"""The gettext catalogues of the page and the mails, read with Babel.

The words live in `locale/<lang>/LC_MESSAGES/messages.po`, one file per language: a reviewer
corrects the German there without touching code. `locale/messages.pot` lists every id the
code uses; `make messages` extracts it anew and brings both catalogues up to date.

The `.po` files are read as they are and compiled in memory on first use, once per language:
no `.mo` file is committed, and no build step is needed after a correction.

Messages are keyed by a stable id (`mail.subject.reminder`), not by their English text.
German is the product's first language, and a reviewer corrects it in the catalogue; with
English source texts every correction of the English would be a change of code and of the
German catalogue's keys besides. Long mail bodies make poor keys, and one English word may
need two German ones in two places. With ids both catalogues are complete translations, and
the test that every id used has an entry in both guards the English as much as the German.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
# How each language writes dates, lists and names in CLDR: German as in Germany, English as in
# Britain, since our English is British and our readers expect a 24-hour clock.
LOCALES = {"de": Locale.parse("de_DE"), "en": Locale.parse("en_GB")}
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).parent / "locale"


def language(locale: str | None) -> str:
    """One of our languages for a locale tag: English for any `en`, else German."""
    return "en" if (locale or "").lower().startswith("en") else DEFAULT_LANGUAGE


def cldr_locale(locale: str | None) -> Locale:
    return LOCALES[language(locale)]


def language_name(lang: str) -> str:
    """The language's name in itself, from CLDR: 'Deutsch', 'English'."""
    return str(Locale.parse(lang).get_display_name(lang))


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(locale: str | None) -> Translations:
    """The words in the language of `locale` (German unless it is English)."""
    return _compiled(language(locale))


@cache
def _compiled(lang: str) -> Translations:
    with catalogue_path(lang).open("rb") as source:
        catalogue = read_po(source, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue)  # leaves fuzzy entries out, as msgfmt does
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def named(ids: Mapping[str, str], lang: str) -> dict[str, str]:
    """A table of message ids (by value) with the words in one language instead."""
    gettext = translations(lang).gettext
    return {value: gettext(message_id) for value, message_id in ids.items()}


def N_(message_id: str) -> str:
    """Marks an id for extraction where it is looked up later (gettext's `gettext_noop`)."""
    return message_id
