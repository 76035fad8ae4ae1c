"""Registrations: the public registers a municipality and confirms by link; the team
reviews."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from api.audit_views import pseudonyms
from api.auth import current_actor, require_role
from api.blueprint import Blueprint
from api.context import services
from api.errors import problem
from api.registration_links import confirmation_of, refusal_text
from api.schemas.registrations import (
    AcceptedSchema,
    ConfirmationSchema,
    DeclineSchema,
    RegisterSchema,
    RegistrationAnswerSchema,
    RegistrationSchema,
    RegistrationStateQuerySchema,
)
from domain.errors import RegistrationRefused
from domain.registration import PUBLIC, RegistrationState

blp = Blueprint(
    "registrations",
    __name__,
    description="Municipalities registering themselves, confirmed by e-mail, reviewed by the team.",
)


def register(peer_learning_id: UUID, body: dict[str, Any]) -> tuple[UUID, bool]:
    """Records the registration; raises `RegistrationRefused` for an ineligible one."""
    return services().app.register(  # type: ignore[no-any-return]
        peer_learning_id,
        body["municipality"],
        body["contact"],
        body.get("participants") or [],
        actor=PUBLIC,
    )


def refused(error: RegistrationRefused, peer_learning_id: UUID, body: dict[str, Any]) -> Any:
    series = services().views.series_detail(peer_learning_id) or {}
    text = refusal_text(
        error.reason,
        body["contact"].get("locale", "de"),
        body["municipality"]["name"],
        list(series.get("regions") or []),
    )
    return problem(409, text, f"registration-{error.reason}")


@blp.route("/peer-learnings/<uuid:peer_learning_id>/registrations")
class Registrations(MethodView):
    @blp.arguments(RegisterSchema)
    @blp.response(202, RegistrationAnswerSchema)
    @blp.conflicts(
        "The municipality may not take part, or its registration is already under way from "
        "another contact address; told why, in the contact's language."
    )
    def post(self, body: dict[str, Any], peer_learning_id: UUID) -> Any:
        """Register a municipality (public, no token)

        The contact gets a mail with a link to confirm. Registering the same municipality
        again while it is pending is the same registration when sent by the same contact
        address; from another address it is refused (registration-under-way) without naming
        the pending registration's contact. A municipality that may not take
        part (a funded model project, outside the region, already enrolled) is told so at
        once, in the contact's language.
        """
        try:
            registration_id, _ = register(peer_learning_id, body)
        except RegistrationRefused as error:
            return refused(error, peer_learning_id, body)
        state = services().app.registration(registration_id).state
        return {"id": registration_id, "state": state}


@blp.route("/registrations/confirmation")
class Confirmation(MethodView):
    @blp.arguments(ConfirmationSchema)
    @blp.response(200, RegistrationAnswerSchema)
    @blp.conflicts(
        "The link has expired, the registration was declined, accepted or has expired, or "
        "its contact's data was erased (registration-not-changeable)."
    )
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Confirm a registration with the token from its mail's link (public, no token)

        Only this POST confirms; opening the link (a GET) never does.
        """
        link = confirmation_of(body["token"])
        app = services().app
        contact = app.registration(link.registration_id).contact
        actor = f"{PUBLIC}:{pseudonyms()(contact.participant_id)}"
        app.confirm_registration(link.registration_id, actor=actor, submission=link.submission)
        return {"id": link.registration_id, "state": RegistrationState.CONFIRMED.value}


@blp.route("/registrations")
class RegistrationList(MethodView):
    @require_role("team")
    @blp.arguments(RegistrationStateQuerySchema, location="query")
    @blp.response(200, RegistrationSchema(many=True))
    def get(self, query: dict[str, Any]) -> list[dict[str, Any]]:
        """List registrations, optionally in one state"""
        return services().views.registrations.list(query.get("state"))  # type: ignore[no-any-return]


@blp.route("/registrations/<uuid:registration_id>/accept")
class AcceptRegistration(MethodView):
    @require_role("team")
    @blp.response(200, AcceptedSchema)
    @blp.conflicts(
        "The registration is not a confirmed one (accepted already, declined, expired or "
        "awaiting confirmation) or its contact's data was erased (registration-not-changeable); "
        "the municipality may not enrol now (registration-refused: joining closed, a funded "
        "model project, outside the region, already enrolled); or another change to the "
        "series was recorded at the same time (concurrent-write). The detail says which."
    )
    def post(self, registration_id: UUID) -> dict[str, Any]:
        """Accept a confirmed registration: an enrolment, admitted or waitlisted"""
        enrollment_id, status = services().app.accept_registration(
            registration_id, actor=current_actor()
        )
        return {
            "id": registration_id,
            "state": RegistrationState.ACCEPTED.value,
            "enrollment_id": enrollment_id,
            "status": status,
        }


@blp.route("/registrations/<uuid:registration_id>/decline")
class DeclineRegistration(MethodView):
    @require_role("team")
    @blp.arguments(DeclineSchema)
    @blp.response(200, RegistrationAnswerSchema)
    @blp.conflicts(
        "Only a registration awaiting confirmation or confirmed can be declined; this one was "
        "accepted, declined or has expired (registration-not-changeable)."
    )
    def post(self, body: dict[str, Any], registration_id: UUID) -> dict[str, Any]:
        """Decline a registration with a reason, mailed only to a contact who confirmed it

        The contact of a registration still awaiting confirmation is told nothing: their
        address was never confirmed (double opt-in), so no mail goes to it."""
        services().app.decline_registration(registration_id, body["reason"], current_actor())
        return {"id": registration_id, "state": RegistrationState.DECLINED.value}
