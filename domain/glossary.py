"""The German terms users see, next to the English names in the code."""

from __future__ import annotations

MEETING_KIND = {
    "de": {
        "kickoff": "Auftakttreffen",
        "exchange": "Austauschtreffen",
        "reflection": "Reflexionstermin",
    },
    "en": {
        "kickoff": "kick-off meeting",
        "exchange": "exchange meeting",
        "reflection": "reflection meeting",
    },
}
STATUS = {
    "de": {
        "new": "Neue Peer-Learnings",
        "running": "Laufende Peer-Learnings",
        "closed": "Abgeschlossene Peer-Learnings",
        "withdrawn": "Abgesagt",
    },
    "en": {
        "new": "New Peer-Learnings",
        "running": "Running Peer-Learnings",
        "closed": "Closed Peer-Learnings",
        "withdrawn": "Withdrawn",
    },
}
FORMAT = {
    "de": {"virtual": "virtuell", "on_site": "vor Ort", "hybrid": "hybrid"},
    "en": {"virtual": "virtual", "on_site": "on site", "hybrid": "hybrid"},
}
