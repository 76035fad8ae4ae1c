"""The personal "I can't attend" page a reminder links to.

The link is signed for one participant and one meeting and expires (`DECLINE_WINDOW`). A GET
only shows the meeting and one button (mail scanners open links); the POST records the
decline, or takes it back, as the participant (pseudonymised, as for the public). The signed
token in the form stands in for a CSRF token.
"""

from __future__ import annotations

from typing import Any

from flask import Response, request

from api.audit_views import pseudonyms
from api.context import services
from application.links import DeclineLink
from domain.errors import DeclineNotChangeable, DomainError, MeetingNotChangeable
from domain.registration import PUBLIC
from web.link_pages import LinkRefused, opened_for_person, refusal
from web.registration_pages import notice_page, page, page_language
from web.views import PageBlueprint, language
from wording.catalogues import N_, translations
from wording.dates import when
from wording.glossary import capitalised, meeting_kind

BAD_LINK = (N_("decline.title"), N_("decline.bad_link"))
EXPIRED = (N_("decline.title"), N_("decline.expired"))
TOO_LATE = (N_("decline.title"), N_("decline.too_late"))
NOT_POSSIBLE = (N_("decline.title"), N_("decline.not_possible"))
DONE = {"decline": N_("decline.recorded"), "undo": N_("decline.withdrawn")}

blp = PageBlueprint("decline_pages", __name__, template_folder="templates")
blp.register_error_handler(LinkRefused, refusal)


@blp.route("/teilnahme/absagen", methods=["GET"])
def decline_page() -> Response:
    lang, token = language(), request.args.get("token", "")
    link = opened_for_person(services().links.decline_of, token, lang, EXPIRED, BAD_LINK)
    return shown(link, token, lang, 200)


@blp.route("/teilnahme/absagen", methods=["POST"])
def decline() -> Response:
    lang, token = page_language(), request.form.get("token", "")
    action = request.form.get("action", "decline")
    link = opened_for_person(services().links.decline_of, token, lang, EXPIRED, BAD_LINK)
    if action not in DONE:
        return notice_page(BAD_LINK, lang, 400)
    try:
        answer(link, action)
    except DeclineNotChangeable:
        return shown(link, token, lang, 200)  # sent twice: the page shows how things stand
    except MeetingNotChangeable:
        return notice_page(TOO_LATE, lang, 409)
    except DomainError:
        return notice_page(NOT_POSSIBLE, lang, 409)
    return shown(link, token, lang, 200, done=translations(lang).gettext(DONE[action]))


def answer(link: DeclineLink, action: str) -> None:
    app = services().app
    actor = f"{PUBLIC}:{pseudonyms()(link.participant_id)}"
    command = app.decline_meeting if action == "decline" else app.undo_decline
    command(link.enrollment_id, link.participant_id, link.meeting_id, actor=actor)


def shown(link: DeclineLink, token: str, lang: str, status: int, done: str = "") -> Response:
    """The meeting, whether the participant declined it, and the one button that fits."""
    views = services().views
    meeting = views.meeting(link.peer_learning_id, link.meeting_id)
    series = views.series_detail(link.peer_learning_id)
    person = views.participant(link.participant_id)
    if meeting is None or series is None or person is None:
        return notice_page(NOT_POSSIBLE, lang, 409)
    declined = link.participant_id in views.declined(link.meeting_id)
    return page(
        "decline.html",
        lang,
        status,
        token=token,
        meeting_text=meeting_text(meeting, series, person, lang),
        declined=declined,
        done=done,
    )


def meeting_text(
    meeting: dict[str, Any], series: dict[str, Any], person: dict[str, Any], lang: str
) -> str:
    zone = person.get("timezone") or series["timezone"]
    kind = capitalised(meeting_kind(meeting["kind"], lang))
    text = translations(lang).gettext("decline.meeting")
    return text.format(
        kind=kind, series=series["title"], when=when(meeting["starts_at"], zone, lang)
    )
