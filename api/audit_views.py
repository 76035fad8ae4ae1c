"""The audit: the log in order, one stream, the export, verification and erasure."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response, current_app, stream_with_context
from flask.views import MethodView

from api.auth import access, current_actor, current_role, require_role
from api.blueprint import Blueprint
from api.context import services
from api.schemas.audit import (
    ErasureSchema,
    KeptHeadQuerySchema,
    LogPageSchema,
    LogQuerySchema,
    VerificationSchema,
)
from application.store_application import translated_store_errors
from audit.erasure import erase_subject
from audit.export import export_lines
from audit.history import Reader, events_after, stream_history
from audit.pseudonyms import Pseudonym, pseudonym_with
from audit.server_keys import PSEUDONYM_KEY, ServerKeys
from domain.errors import NotFound
from store.app_db import AppDb

READERS = ("auditor", "team")
PSEUDONYMS = "peerlearning.pseudonyms"
NDJSON = "application/x-ndjson"
blp = Blueprint(
    "audit", __name__, description="For auditors: the event log, its export and its proof."
)


class StreamNotFound(NotFound):
    def __init__(self, stream_id: UUID) -> None:
        super().__init__(f"No events were recorded for {stream_id}.")


def reader() -> Reader:
    """Auditors read people as pseudonyms; the team reads them as the API shows them."""
    role_of = access().role_of
    if current_role() == "auditor":
        return Reader(pseudonym=pseudonyms(), role_of=role_of)
    return Reader(role_of=role_of)


def pseudonyms() -> Pseudonym:
    extensions = current_app.extensions
    if PSEUDONYMS not in extensions:
        with translated_store_errors():
            keys = ServerKeys(AppDb(services().app))
            extensions[PSEUDONYMS] = pseudonym_with(keys.key(PSEUDONYM_KEY))
    found: Pseudonym = extensions[PSEUDONYMS]
    return found


def page(items: list[dict[str, Any]], after: int, limit: int) -> dict[str, Any]:
    next_after = items[-1]["position"] if items else after
    return {"items": items, "after": after, "next_after": next_after, "limit": limit}


@blp.route("/audit/events")
class Log(MethodView):
    @require_role(*READERS)
    @blp.arguments(LogQuerySchema, location="query", as_kwargs=True)
    @blp.response(200, LogPageSchema)
    def get(self, after: int, limit: int) -> dict[str, Any]:
        """Read the event log in recording order

        Auditor or team. Stable pages: continue with `after=next_after`. An auditor reads
        each participant and contact as a pseudonym, the same in every answer.
        """
        return page(events_after(services().app, after, limit, reader()), after, limit)


@blp.route("/audit/streams/<uuid:stream_id>")
class Stream(MethodView):
    @require_role(*READERS)
    @blp.arguments(LogQuerySchema, location="query", as_kwargs=True)
    @blp.response(200, LogPageSchema)
    def get(self, stream_id: UUID, after: int, limit: int) -> dict[str, Any]:
        """Read every event of one series or enrolment

        Auditor or team. `after` is a position in the log, as for the whole log.
        """
        entries = stream_history(services().app, stream_id, reader())
        if not entries:
            raise StreamNotFound(stream_id)
        items = [e for e in entries if e["position"] > after][:limit]
        return page(items, after, limit)


@blp.route("/audit/export")
class Export(MethodView):
    @require_role(*READERS)
    @blp.doc(
        responses={
            "200": {
                "description": "One event per line with its stored form and chain link.",
                "content": {NDJSON: {"schema": {"type": "string"}}},
            }
        }
    )
    def get(self) -> Response:
        """Export the whole log as JSON Lines

        Auditor or team. Streamed; each line carries `chain`, the link after that event, and
        `stored`, the event as kept (people's data sealed), so `audit verify --export` checks
        it. An auditor's `data` names people by pseudonym.
        """
        current = services()
        lines = export_lines(current.app, current.audit.chain, reader())
        headers = {"Content-Disposition": 'attachment; filename="peerlearning-log.jsonl"'}
        return Response(stream_with_context(lines), mimetype=NDJSON, headers=headers)


@blp.route("/audit/verify")
class Verify(MethodView):
    @require_role(*READERS)
    @blp.arguments(KeptHeadQuerySchema, location="query", as_kwargs=True)
    @blp.response(200, VerificationSchema)
    def get(self, head_position: int | None = None, head_hash: str | None = None) -> Any:
        """Recompute the hash chain and name the first position that no longer matches

        Auditor or team. Keep `head` outside the system; pass it back later as
        `head_position` and `head_hash` to prove nothing before it was rewritten.
        """
        current = services()
        result = current.audit.verify(current.app).as_dict()
        result["kept_head_matches"] = None
        if head_position is not None and head_hash is not None:
            result["kept_head_matches"] = current.audit.chain.link_at(head_position) == head_hash
        return result


@blp.route("/participants/<uuid:subject_id>/erasure")
class Erasure(MethodView):
    @require_role("team")
    @blp.response(200, ErasureSchema)
    @blp.conflicts(
        "Another change to the enrolment or registration holding the person was recorded at "
        "the same time (concurrent-write); erase again."
    )
    def post(self, subject_id: UUID) -> dict[str, Any]:
        """Erase a participant's, contact's or registration person's data (GDPR Art. 17)

        Team. Deletes the person's key and records `PersonalDataErased` on the enrolment
        holding them (`enrollment_id`), else on the registration (`registration_id`:
        declined, expired or awaiting confirmation); the stored events keep their bytes, so
        the chain still verifies.
        """
        current = services()
        erased = erase_subject(current.app, current.audit.keys, subject_id, current_actor())
        return erased.as_reply(subject_id)
