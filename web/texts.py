"""The words of the public page in German (default) and English."""

from __future__ import annotations

from domain.glossary import FORMAT, MEETING_KIND, STATUS

LANGUAGES = ("de", "en")

UI: dict[str, dict[str, str]] = {
    "de": {
        "site": "Peer-Learnings: Start Smart",
        "intro": "Austauschreihen zwischen Modellprojekten Smart Cities und Kommunen. "
        "Teilnehmen kann jede Kommune, die nicht selbst als Modellprojekt gefördert wird.",
        "skip": "Zum Inhalt springen",
        "running_note": "Ein Einstieg ist in der Regel noch möglich.",
        "filters": "Angebote filtern",
        "topic": "Thema",
        "region": "Region",
        "format": "Format",
        "on": "Stand am",
        "all": "alle",
        "apply": "Anzeigen",
        "reset": "Filter zurücksetzen",
        "host": "Gastgeber",
        "period": "Zeitraum",
        "times": "Termine",
        "next": "Nächster Termin",
        "register": "Anmeldung",
        "register_by": "mit dem Formular auf der Seite dieses Peer-Learnings",
        "register_closed": "derzeit nicht möglich",
        "none_found": "Keine Peer-Learnings für diese Auswahl.",
        "details": "Details und Termine",
        "meetings": "Termine",
        "date": "Datum",
        "time": "Uhrzeit",
        "kind": "Treffen",
        "place": "Ort",
        "state": "Stand",
        "agenda": "Agenda mit den Inhalten",
        "subscribe": "Termine im Kalender abonnieren (iCal)",
        "subscribe_all": "Alle kommenden Termine abonnieren (iCal)",
        "back": "Zurück zur Übersicht",
        "online": "online",
        "no_meetings": "Noch keine Termine geplant.",
        "bad_date": "Das Datum ist ungültig; bitte im Format JJJJ-MM-TT angeben, "
        "zwischen 2000-01-01 und 2199-12-31.",
        "bad_filter": "Ein Filter ist ungültig (höchstens 100 Zeichen in einer Zeile) "
        "und wurde weggelassen.",
        "not_found": "Dieses Peer-Learning gibt es nicht.",
        "municipalities": "Teilnehmende Kommunen",
        "other_language": "English",
        "status_on": "Stand",
        "each": "jeweils",
        "since": "seit",
        "from": "von",
        "until": "bis",
        "open_end": "fortlaufend",
        "meeting_word": "Treffen",
        "topics": "Themen",
        "feed_note": "Für Outlook, Thunderbird, Apple- oder Google-Kalender.",
        "pages": "Seiten",
        "page": "Seite",
        "of": "von",
        "previous_page": "← Vorherige Seite",
        "next_page": "Nächste Seite →",
    },
    "en": {
        "site": "Peer-Learnings: Start Smart",
        "intro": "Exchange series between the Smart Cities model projects and municipalities. "
        "Any municipality not itself funded as a model project can take part.",
        "skip": "Skip to content",
        "running_note": "Joining is usually still possible.",
        "filters": "Filter the series",
        "topic": "Topic",
        "region": "Region",
        "format": "Format",
        "on": "As of",
        "all": "all",
        "apply": "Show",
        "reset": "Reset filters",
        "host": "Host",
        "period": "Period",
        "times": "Meetings",
        "next": "Next meeting",
        "register": "Registration",
        "register_by": "with the form on this Peer-Learning's page",
        "register_closed": "not possible at the moment",
        "none_found": "No Peer-Learnings match this selection.",
        "details": "Details and meetings",
        "meetings": "Meetings",
        "date": "Date",
        "time": "Time",
        "kind": "Meeting",
        "place": "Place",
        "state": "State",
        "agenda": "Agenda and contents",
        "subscribe": "Subscribe to the meetings (iCal)",
        "subscribe_all": "Subscribe to all upcoming meetings (iCal)",
        "back": "Back to the overview",
        "online": "online",
        "no_meetings": "No meetings planned yet.",
        "bad_date": "The date is not valid; use the form YYYY-MM-DD, "
        "between 2000-01-01 and 2199-12-31.",
        "bad_filter": "A filter is not valid (at most 100 characters on one line) "
        "and was left out.",
        "not_found": "There is no such Peer-Learning.",
        "municipalities": "Municipalities taking part",
        "other_language": "Deutsch",
        "status_on": "As of",
        "each": "each",
        "since": "since",
        "from": "from",
        "until": "to",
        "open_end": "ongoing",
        "meeting_word": "meetings",
        "topics": "Topics",
        "feed_note": "For Outlook, Thunderbird, Apple or Google calendars.",
        "pages": "pages",
        "page": "Page",
        "of": "of",
        "previous_page": "← Previous page",
        "next_page": "Next page →",
    },
}

MEETING_STATE = {
    "de": {
        "held": "hat stattgefunden",
        "cancelled": "abgesagt",
        "scheduled": "geplant",
        "rescheduled": "verschoben",
        "past": "vorbei",
    },
    "en": {
        "held": "held",
        "cancelled": "cancelled",
        "scheduled": "planned",
        "rescheduled": "moved",
        "past": "past",
    },
}

STATUS_NAME = {
    "de": {"new": "neu", "running": "läuft", "closed": "abgeschlossen", "withdrawn": "abgesagt"},
    "en": {"new": "new", "running": "running", "closed": "closed", "withdrawn": "withdrawn"},
}

MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}
WEEKDAYS = {"de": "Mo Di Mi Do Fr Sa So", "en": "Mon Tue Wed Thu Fri Sat Sun"}


def words(lang: str) -> dict[str, object]:
    """Everything a template needs to speak one language."""
    return {
        "t": UI[lang],
        "kinds": MEETING_KIND[lang],
        "headings": STATUS[lang],
        "formats": FORMAT[lang],
        "states": MEETING_STATE[lang],
        "status_names": STATUS_NAME[lang],
    }
