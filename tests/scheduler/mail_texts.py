"""Reading the mails the SMTP sink received: their text and HTML parts, and the personal
links they carry."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit


def text_of(mail: Any) -> str:
    return str(mail.get_body(("plain",)).get_content())


def html_of(mail: Any) -> str:
    return str(mail.get_body(("html",)).get_content())


def link_after(mail: Any, line: str) -> str:
    """The one link that follows `line` in the mail's text."""
    [url] = re.findall(re.escape(line) + r"(\S+)", text_of(mail))
    return str(url)


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]
