"""The sentences of reminder mails, one table per language."""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "de": {
        "subject.reminder": "Erinnerung: {series} – {kind} am {when}",
        "subject.late": "Erinnerung (verspätet): {series} – {kind} am {when}",
        "subject.change": "Verschoben: {series} – {kind} jetzt am {when}",
        "subject.cancellation": "Abgesagt: {series} – {kind} am {when}",
        "greeting": "Guten Tag {name},",
        "intro.reminder": "wir erinnern Sie an das {kind} der Peer-Learning-Reihe „{series}“.",
        "intro.change": (
            "das {kind} der Peer-Learning-Reihe „{series}“ wurde verschoben. "
            "Bitte beachten Sie den neuen Termin."
        ),
        "intro.cancellation": (
            "das {kind} der Peer-Learning-Reihe „{series}“ am {when} wurde abgesagt. "
            "Der Kalenderanhang entfernt den Termin aus Ihrem Kalender."
        ),
        "late": "Diese Erinnerung kommt später als vorgesehen.",
        "label.when": "Termin",
        "label.title": "Thema",
        "label.video": "Videokonferenz",
        "label.location": "Ort",
        "label.agenda": "Agenda",
        "label.reason": "Grund der Absage",
        "reason.closed": "Die Peer-Learning-Reihe wurde abgeschlossen.",
        "reason.withdrawn": "Die Peer-Learning-Reihe wurde zurückgezogen.",
        "contact": "Fragen beantwortet {host} unter {email}.",
        "closing": "Viele Grüße\nIhr Peer-Learning-Team",
    },
    "en": {
        "subject.reminder": "Reminder: {series} – {kind} on {when}",
        "subject.late": "Reminder (late): {series} – {kind} on {when}",
        "subject.change": "Rescheduled: {series} – {kind} now on {when}",
        "subject.cancellation": "Cancelled: {series} – {kind} on {when}",
        "greeting": "Hello {name},",
        "intro.reminder": "this is a reminder of the {kind} of the Peer-Learning “{series}”.",
        "intro.change": (
            "the {kind} of the Peer-Learning “{series}” has been moved. Please note the new date."
        ),
        "intro.cancellation": (
            "the {kind} of the Peer-Learning “{series}” on {when} has been cancelled. "
            "The calendar attachment removes it from your calendar."
        ),
        "late": "This reminder comes later than planned.",
        "label.when": "When",
        "label.title": "Topic",
        "label.video": "Video conference",
        "label.location": "Location",
        "label.agenda": "Agenda",
        "label.reason": "Reason",
        "reason.closed": "The Peer-Learning series has been closed.",
        "reason.withdrawn": "The Peer-Learning series has been withdrawn.",
        "contact": "If you have questions, {host} answers at {email}.",
        "closing": "Kind regards\nThe Peer-Learning team",
    },
}
