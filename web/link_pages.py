"""Pages behind a signed link: the link is read once, and a refusal is one page.

An expired link answers 410 and any other bad link 400, each with its own notice in the
page's language. A view reads its link with `opened`; a blueprint that serves such pages
answers `LinkRefused` with `refusal` (`blp.register_error_handler(LinkRefused, refusal)`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Response

from application.links import ExpiredLink, InvalidLink
from web.registration_pages import notice_page

T = TypeVar("T")
Notice = tuple[str, str]


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


def refusal(error: LinkRefused) -> Response:
    return error.page
