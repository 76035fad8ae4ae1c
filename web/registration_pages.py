"""The registration form's answer and the confirmation page (a GET shows the button, only
the POST confirms: mail scanners open links)."""

from __future__ import annotations

import os
from datetime import timedelta
from uuid import UUID

from flask import Response, current_app, render_template, request, url_for

from api.audit_views import pseudonyms
from api.context import services
from api.registration_links import refusal_text
from application.links import InvalidLink
from domain.errors import RegistrationNotChangeable, RegistrationNotFound, RegistrationRefused
from domain.registration import CONFIRMATION_WINDOW, PUBLIC
from web.registration_form import HONEYPOT, STAMP, FormState
from web.texts import words
from web.views import PageBlueprint, html, language, requested_day, series_page, switch_language
from wording.catalogues import LANGUAGES, N_, translations

MIN_FILL = "PEERLEARNING_FORM_MIN_SECONDS"
DEFAULT_MIN_FILL = "3"
FORM_LIFETIME = timedelta(hours=24)  # a form open longer is shown again with a new stamp
SENT = (N_("form.sent_title"), N_("form.sent"))
BAD_LINK = (N_("form.confirm_title"), N_("form.bad_link"))
LAPSED = (N_("form.confirm_title"), N_("form.lapsed"))
CONFIRMED = (N_("form.confirmed_title"), N_("form.confirmed"))

blp = PageBlueprint("registration_pages", __name__, template_folder="templates")


def page_language() -> str:
    asked = request.form.get("lang")
    return asked if asked in LANGUAGES else language()


def stamp_problem(stamp: str) -> str | None:
    """Why the form's stamp is not taken: sent sooner than a person can fill it in (or
    without a valid stamp), or shown so long ago that its page may no longer be true (and
    a stamp kept to send the form again and again would never lapse)."""
    shown_at = services().links.shown_at(stamp)
    if shown_at is None:
        return N_("form.too_fast")
    setting = current_app.config.get(MIN_FILL) or os.environ.get(MIN_FILL) or DEFAULT_MIN_FILL
    open_for = services().app.clock.now() - shown_at
    if open_for < timedelta(seconds=float(setting)):
        return N_("form.too_fast")
    return N_("form.stale") if open_for > FORM_LIFETIME else None


@blp.route("/catalogue/<uuid:peer_learning_id>/anmeldung", methods=["POST"])
def register(peer_learning_id: UUID) -> Response:
    lang = page_language()
    form = FormState.read(request.form)
    if request.form.get(HONEYPOT):  # a bot: answered as if it worked, nothing is recorded
        return notice_page(SENT, lang, 200)
    problem = stamp_problem(request.form.get(STAMP, ""))
    if problem is not None:
        form.notice = translations(lang).gettext(problem)
        return series_page(peer_learning_id, lang, form, 422)
    body = form.checked()
    if body is None:
        return series_page(peer_learning_id, lang, form, 422)
    try:
        services().app.register(
            peer_learning_id,
            body["municipality"],
            body["contact"],
            body["participants"],
            actor=PUBLIC,
        )
    except RegistrationRefused as error:
        detail = services().views.series_detail(peer_learning_id) or {}
        name = body["municipality"]["name"]
        form.notice = refusal_text(error.reason, lang, name, list(detail.get("regions") or []))
        return series_page(peer_learning_id, lang, form, 409)
    return notice_page(SENT, lang, 200)


@blp.route("/anmeldung/bestaetigen", methods=["GET"])
def confirmation() -> Response:
    lang, token = language(), request.args.get("token", "")
    try:
        services().links.confirmation_of(token, CONFIRMATION_WINDOW)
    except InvalidLink:
        return notice_page(BAD_LINK, lang, 400)
    return page("registration_confirm.html", lang, 200, token=token)


@blp.route("/anmeldung/bestaetigen", methods=["POST"])
def confirm() -> Response:
    lang, token = page_language(), request.form.get("token", "")
    app = services().app
    try:
        link = services().links.confirmation_of(token, CONFIRMATION_WINDOW)
        contact = app.registration(link.registration_id).contact
        actor = f"{PUBLIC}:{pseudonyms()(contact.participant_id)}"
        app.confirm_registration(link.registration_id, actor=actor, submission=link.submission)
    except (InvalidLink, RegistrationNotFound):
        return notice_page(BAD_LINK, lang, 400)
    except RegistrationNotChangeable:
        return notice_page(LAPSED, lang, 409)
    return notice_page(CONFIRMED, lang, 200)


def notice_page(notice: tuple[str, str], lang: str, status: int) -> Response:
    """A page with a heading and one sentence: the ids of both in `notice`."""
    _ = translations(lang).gettext
    heading, text = notice
    return page("registration_notice.html", lang, status, heading=_(heading), text=_(text))


def page(template: str, lang: str, status: int, **values: object) -> Response:
    on, _ = requested_day()
    other = "en" if lang == "de" else "de"
    switch = (
        switch_language(lang)  # the confirmation page itself, with its token
        if request.method == "GET"
        else {"other_lang": other, "other_url": url_for("catalogue_page.catalogue", lang=other)}
    )
    rendered = render_template(template, lang=lang, on=on, **values, **words(lang), **switch)
    return html(rendered, lang, status)
