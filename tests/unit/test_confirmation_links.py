"""A confirmation link names the submission of the registration it was mailed for."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest
from itsdangerous import URLSafeTimedSerializer

from application.links import CONFIRM, ConfirmationLink, InvalidLink, Links

SECRET = b"s" * 32
DAY = timedelta(days=1)


def test_a_link_reads_back_the_registration_and_its_submission() -> None:
    links = Links(SECRET, "https://peer.example")
    link = ConfirmationLink(uuid4(), 3)
    assert links.confirmation_of(links.confirmation_token(link), DAY) == link


def test_a_link_signed_with_the_id_alone_names_the_first_submission() -> None:
    registration_id = uuid4()
    earlier = URLSafeTimedSerializer(SECRET, salt=CONFIRM).dumps(str(registration_id))
    assert Links(SECRET).confirmation_of(str(earlier), DAY) == ConfirmationLink(registration_id, 1)


@pytest.mark.parametrize("payload", [["x", 1], [str(uuid4()), "2"], [str(uuid4()), True], [1]])
def test_a_signed_payload_of_another_shape_is_no_link(payload: object) -> None:
    token = URLSafeTimedSerializer(SECRET, salt=CONFIRM).dumps(payload)
    with pytest.raises(InvalidLink):
        Links(SECRET).confirmation_of(str(token), DAY)
