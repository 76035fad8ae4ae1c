"""Read answers kept per views position: serialised once, sent with an ETag, 304 if unchanged.

The catalogue's ETag is the views' position and a short name of what shapes the answer (the
day and the query), e.g. `"1234.9f2c01ab"`. The series detail's ETag starts with the series'
version, which `If-Match` on writes reads: `"3.1234.5e1d0a7c"`. A client that sends it back in
`If-None-Match` gets 304 as long as no event was projected since, without the answer being
rendered again; otherwise the answer is rendered from the views once per position and shape.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import Response, current_app, request
from werkzeug.wrappers import Response as BaseResponse

from api.context import services
from projections.renderings import KEPT, Renderings, answer, shape_tag

ANSWERS = "peerlearning.answers"
# A series' detail is kept per series: every detail of a catalogue of a few thousand series
# (about 4 kB each) fits, so a client reading them all in turn finds each one kept.
KEPT_PER_KIND = {"series": 4096}
F = TypeVar("F", bound=Callable[..., Any])


def revalidates(view: F) -> F:
    """Documents the 304 a read answers to an `If-None-Match` that still holds."""
    view._apidoc = {**getattr(view, "_apidoc", {}), "not_modified": True}  # type: ignore[attr-defined]
    return view


@dataclass(frozen=True)
class Answer:
    body: bytes
    version: int | None = None  # the aggregate's, for answers whose ETag names it


def renderings(kind: str) -> Renderings[Answer]:
    """This app's kept answers of one kind (each app keeps its own)."""
    kinds: dict[str, Renderings[Answer]] = current_app.extensions.setdefault(ANSWERS, {})
    if kind not in kinds:
        kinds[kind] = Renderings(KEPT_PER_KIND.get(kind, KEPT))
    return kinds[kind]


def json_body(data: Any) -> bytes:
    """Exactly the body `jsonify` would send (the app's JSON provider and settings)."""
    return current_app.json.response(data).get_data()  # type: ignore[attr-defined, no-any-return]


def views_tag(at: int, shape: tuple[Hashable, ...]) -> str:
    return f"{at}.{shape_tag(*shape)}"


def kept_answer(
    kind: str,
    shape: tuple[Hashable, ...],
    render: Callable[[], Answer],
    etag: Callable[[Answer, str], str],
) -> BaseResponse:
    """The answer for `shape` at the views' current position, or 304 if the client has it.

    `etag(answer, views_tag)` names the answer; a client's tag matches when it ends with the
    current views tag (so the version part of a detail's tag needs no rendering to check).
    """
    views = services().views
    at = views.position()
    tag = views_tag(at, shape)
    if still_current(tag):
        return not_modified(tag)
    sent = answer(renderings(kind), at, shape, lambda: (render(), None))
    response = Response(sent.body, mimetype="application/json")
    response.set_etag(etag(sent, tag))
    return response


def still_current(tag: str) -> bool:
    """The client's `If-None-Match` names the answer for this position and shape. The
    comparison is weak (RFC 9110, 13.1.2): `W/"1234.9f2c01ab"` matches as `"1234.9f2c01ab"`."""
    sent = request.if_none_match
    if not sent:
        return False
    return bool(sent.star_tag) or any(names(t, tag) for t in sent.as_set(include_weak=True))


def names(sent: str, tag: str) -> bool:
    """A tag the client sent names the views tag (a detail's carries the version in front)."""
    return sent == tag or sent.endswith(f".{tag}")


def not_modified(tag: str) -> BaseResponse:
    response = Response(status=304)
    response.set_etag(tag_matching(tag))
    return response


def tag_matching(tag: str) -> str:
    """The client's own tag that matched (a detail's carries the version in front)."""
    for sent in request.if_none_match.as_set(include_weak=True):
        if names(sent, tag):
            return str(sent)
    return tag
