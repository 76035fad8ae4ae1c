"""The catalogues: every message id the code uses has a finished entry in German and in
English, so a missing or half-done translation fails here, not in a participant's mail."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from wording.catalogues import LANGUAGES, LOCALE_DIR, catalogue_path, translations

ROOT = Path(__file__).resolve().parents[2]


def key(message_id: str | Sequence[str]) -> str:
    """A plural entry is known by its singular id."""
    return message_id if isinstance(message_id, str) else message_id[0]


@cache
def used_ids() -> frozenset[str]:
    """The ids found where babel.cfg says to look: what `make messages` extracts."""
    with (ROOT / "babel.cfg").open() as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found = extract_from_dir(ROOT, method_map, options_map)
    return frozenset(key(message) for _file, _line, message, _comments, _context in found)


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=lang)


def entries(catalogue: Catalog) -> dict[str, Message]:
    return {key(message.id): message for message in catalogue if message.id}


def texts(message: Message) -> tuple[str, ...]:
    """The entry's text, or its texts for each plural form."""
    strings = message.string
    return (strings,) if isinstance(strings, str) else tuple(strings or ())


def names(text: str) -> set[str]:
    """The {names} a text asks the code to fill in."""
    return {name for _literal, name, _spec, _conversion in Formatter().parse(text) if name}


def test_the_code_uses_ids_and_the_template_lists_exactly_them() -> None:
    assert len(used_ids()) > 100, "the extraction found the ids in the code and templates"
    assert set(entries(read(LOCALE_DIR / "messages.pot"))) == used_ids(), "run `make messages`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_id_in_use_has_an_entry_and_no_entry_is_left_over(lang: str) -> None:
    have = set(entries(read(catalogue_path(lang), lang)))
    assert sorted(used_ids() - have) == [], f"missing in {lang}: run `make messages`, then fill in"
    assert sorted(have - used_ids()) == [], f"no longer used in {lang}: run `make messages`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_entry_is_empty_or_fuzzy(lang: str) -> None:
    catalogue = read(catalogue_path(lang), lang)
    assert not catalogue.fuzzy
    for message_id, message in entries(catalogue).items():
        assert not message.fuzzy, f"{lang}: {message_id} is marked fuzzy"
        assert all(text.strip() for text in texts(message)), f"{lang}: {message_id} is empty"
        if message.pluralizable:
            assert len(texts(message)) == catalogue.num_plurals, f"{lang}: {message_id}"


def test_both_languages_fill_in_the_same_names() -> None:
    """A {name} renamed in one language would fail as the mail is built."""
    german, english = (entries(read(catalogue_path(lang), lang)) for lang in ("de", "en"))
    for message_id, message in german.items():
        for de, en in zip(texts(message), texts(english[message_id]), strict=True):
            assert names(de) == names(en), message_id


def test_plurals_follow_each_languages_rule() -> None:
    def count(lang: str, n: int) -> str:
        text = translations(lang).ngettext("page.meeting_count", "page.meeting_count.plural", n)
        return text.format(count=n)

    assert [count("en", n) for n in (1, 2)] == ["1 meeting", "2 meetings"]
    assert [count("de", n) for n in (1, 2)] == ["1 Treffen", "2 Treffen"]


def test_german_unless_english_is_asked_for() -> None:
    assert translations(None).gettext("mail.label.when") == "Termin"
    assert translations("fr").gettext("mail.label.when") == "Termin"
    assert translations("en-GB").gettext("mail.label.when") == "When"
