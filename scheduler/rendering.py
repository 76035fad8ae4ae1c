"""Mail content as plain text and as HTML."""

from __future__ import annotations

from html import escape

from scheduler.content import Fact, MailContent


def as_text(mail: MailContent) -> str:
    facts = [f"{fact.label}: {fact.value}" for fact in mail.facts]
    parts = [mail.greeting, "", mail.intro, "", *facts]
    for note in mail.notes:
        parts += ["", note]
    parts += ["", mail.contact, "", mail.closing, ""]
    return "\n".join(parts)


def as_html(mail: MailContent) -> str:
    rows = "\n".join(_row(fact) for fact in mail.facts)
    notes = "\n".join(f"<p><strong>{escape(note)}</strong></p>" for note in mail.notes)
    closing = "<br>".join(escape(line) for line in mail.closing.splitlines())
    return (
        f'<!DOCTYPE html>\n<html lang="{mail.language}">\n<head><meta charset="utf-8">'
        f"<title>{escape(mail.subject)}</title></head>\n<body>\n"
        f"<p>{escape(mail.greeting)}</p>\n<p>{escape(mail.intro)}</p>\n"
        f"<table>\n{rows}\n</table>\n{notes}\n"
        f"<p>{escape(mail.contact)}</p>\n<p>{closing}</p>\n</body>\n</html>\n"
    )


def _row(fact: Fact) -> str:
    value = escape(fact.value)
    if fact.is_link:
        value = f'<a href="{escape(fact.value, quote=True)}">{value}</a>'
    return f'<tr><th align="left">{escape(fact.label)}</th><td>{value}</td></tr>'
