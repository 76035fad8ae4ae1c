"""The page's and the feeds' renderings kept per views position, with an ETag of their bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app

from projections.renderings import Renderings, answer

RENDERINGS = "peerlearning.web-renderings"


@dataclass(frozen=True)
class Rendering:
    body: bytes
    etag: str
    last_modified: datetime | None = None


def rendering(body: bytes, last_modified: datetime | None = None) -> Rendering:
    return Rendering(body, hashlib.sha256(body).hexdigest()[:32], last_modified)


def renderings(kind: str) -> Renderings[Rendering]:
    """This app's kept renderings of one kind (each app keeps its own)."""
    kinds: dict[str, Renderings[Rendering]] = current_app.extensions.setdefault(RENDERINGS, {})
    if kind not in kinds:
        kinds[kind] = Renderings()
    return kinds[kind]


def kept(
    services: Any,
    kind: str,
    shape: tuple[Hashable, ...],
    render: Callable[[], tuple[Rendering, datetime | None]],
    now: datetime | None = None,
) -> Rendering:
    """The rendering of `shape` at the views' current position: kept, or rendered once."""
    return answer(renderings(kind), services.views.position(), shape, render, now)
