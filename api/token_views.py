"""`/tokens`: the team issues, lists and revokes access tokens."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.auth import access, current_actor, require_role
from api.blueprint import Blueprint
from api.context import services
from api.schemas.tokens import NAME_PATTERN, IssuedTokenSchema, TokenInSchema, TokenSchema
from api.token_admin import issue, listing, revoke

blp = Blueprint(
    "tokens",
    __name__,
    url_prefix="/tokens",
    description="Access tokens, kept as data: issued, listed and revoked by the team.",
)


@blp.route("")
class Tokens(MethodView):
    @require_role("team")
    @blp.response(200, TokenSchema(many=True))
    def get(self) -> list[dict[str, Any]]:
        """List the issued tokens, never their secrets

        Team. Tokens from `PEERLEARNING_TOKENS` are not listed; they live in the setting.
        """
        return listing(access())

    @require_role("team")
    @blp.arguments(TokenInSchema)
    @blp.response(201, IssuedTokenSchema)
    @blp.conflicts(
        "The name was issued before (token-name-taken), or names a configured token or an "
        "actor the service records itself (token-name-reserved): choose another name."
    )
    def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Issue a token

        Team. The answer holds the secret, once; only its keyed hash is stored. A host's
        token names the series it runs. A name, once issued, is never issued again.
        """
        issued, secret = issue(
            services().app,
            access(),
            body["name"],
            body["role"],
            body["series"],
            body["expires"],
            current_actor(),
        )
        headers = {"Location": f"/tokens/{issued['name']}", "Cache-Control": "no-store"}
        return {**issued, "token": secret}, 201, headers


@blp.route(
    "/<name>",
    parameters=[
        {
            "in": "path",
            "name": "name",
            "required": True,
            "schema": {"type": "string", "minLength": 1, "maxLength": 63, "pattern": NAME_PATTERN},
        }
    ],
)
class Token(MethodView):
    @require_role("team")
    @blp.response(200, TokenSchema)
    @blp.conflicts("The token is revoked already (token-revoked).")
    def delete(self, name: str) -> dict[str, Any]:
        """Revoke a token

        Team. Every serving process refuses it within two seconds.
        """
        return revoke(services().app, access(), name, current_actor())
