"""Taking names and addresses out of texts we keep or log, such as an SMTP server's reply."""

from __future__ import annotations

import re
from collections.abc import Iterable

ANY_ADDRESS = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")


def redacted(text: str, recipients: Iterable[str] = ()) -> str:
    """The text without the recipients' names and addresses, nor anything like an address."""
    for part in sorted(recipients, key=len, reverse=True):
        whole = rf"(?<!\w){re.escape(part)}(?!\w)"
        text = re.sub(whole, "[recipient]", text, flags=re.IGNORECASE)
    return ANY_ADDRESS.sub("[address]", text)
