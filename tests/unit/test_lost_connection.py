"""A failure caused, however indirectly, by a store that stopped answering is an outage (503),
not a bug of ours (500)."""

from __future__ import annotations

import psycopg
from eventsourcing.persistence import OperationalError

from api.errors import lost_connection_behind


def raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_a_lost_connection_is_found_behind_what_it_caused() -> None:
    lost = psycopg.OperationalError("server closed the connection unexpectedly")
    try:
        try:
            raise lost
        except psycopg.OperationalError:
            raise AssertionError("no ids came back") from None
    except AssertionError as wrapped:
        assert wrapped.__context__ is lost
        assert lost_connection_behind(wrapped) is lost
    caused = RuntimeError("could not read")
    caused.__cause__ = OperationalError("couldn't get a connection")
    assert lost_connection_behind(caused) is caused.__cause__


def test_a_bug_of_ours_is_not_taken_for_an_outage() -> None:
    assert lost_connection_behind(raised(ValueError("a bug"))) is None
    looped = ValueError("a")
    looped.__context__ = KeyError("b")
    looped.__context__.__context__ = looped
    assert lost_connection_behind(looped) is None
