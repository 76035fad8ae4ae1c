"""Pages behind a signed link: the link is read once, and a refusal is one page.

An expired link answers 410 and any other bad link 400, each with its own notice in the
page's language. A personal link whose person's data were erased speaks for no one any more:
it answers 410 too, and does nothing (`opened_for_person`). A view reads its link with
`opened`; a blueprint that serves such pages answers `LinkRefused` with `refusal`
(`blp.register_error_handler(LinkRefused, refusal)`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar
from uuid import UUID

from flask import Response

from api.context import services
from application.links import ExpiredLink, InvalidLink
from domain.values import ERASED
from web.registration_pages import notice_page
from wording.catalogues import N_


class Personal(Protocol):
    @property
    def participant_id(self) -> UUID: ...


T = TypeVar("T")
P = TypeVar("P", bound=Personal)
Notice = tuple[str, str]
ERASED_TEXT = N_("link.erased")


class LinkRefused(Exception):
    def __init__(self, page: Response) -> None:
        super().__init__("refused link")
        self.page = page


def opened(read: Callable[[str], T], token: str, lang: str, expired: Notice, bad: Notice) -> T:
    """What the signed `token` says, read by `read`; a refusal page is raised as
    `LinkRefused`."""
    try:
        return read(token)
    except ExpiredLink:
        raise LinkRefused(notice_page(expired, lang, 410)) from None
    except InvalidLink:
        raise LinkRefused(notice_page(bad, lang, 400)) from None


def opened_for_person(
    read: Callable[[str], P], token: str, lang: str, expired: Notice, bad: Notice
) -> P:
    """Like `opened`, for a link that speaks for one person: refused with 410 once their
    data were erased (the notice under the page's own heading)."""
    link = opened(read, token, lang, expired, bad)
    if erased(link.participant_id):
        raise LinkRefused(notice_page((expired[0], ERASED_TEXT), lang, 410))
    return link


def erased(participant_id: UUID) -> bool:
    found = services().views.participant(participant_id)
    return found is not None and found["email"] == ERASED


def refusal(error: LinkRefused) -> Response:
    return error.page
