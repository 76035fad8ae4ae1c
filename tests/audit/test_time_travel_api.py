# mypy: disable-error-code="index,return-value"
"""`?version=` and `?as_of=` on the public series and catalogue reads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from tests.api.client import ApiClient


def moment() -> str:
    return quote(datetime.now(UTC).isoformat())


def test_a_series_by_version_and_by_moment(
    client: Any, team: ApiClient, series: dict[str, Any]
) -> None:
    path = f"/peer-learnings/{series['id']}"
    announced = moment()
    team.patch(path, {"title": "Neuer Titel"})
    revised = moment()
    public = ApiClient(client, None)
    first = public.get(f"{path}?version=1")
    assert first.status_code == 200 and first.json["title"] == series["title"]
    assert "ETag" not in first.headers
    assert public.get(f"{path}?as_of={announced}").json == first.json
    live = public.get(f"{path}?on=2024-09-20").json
    assert public.get(f"{path}?as_of={revised}&on=2024-09-20").json == live
    assert public.get(f"{path}?version=3").status_code == 404
    assert public.get(f"{path}?as_of=2024-10-01T12:00:00").status_code == 422
    assert public.get(f"{path}?as_of=2020-01-01T00:00:00Z").status_code == 404


def test_the_catalogue_as_of_a_moment(client: Any, team: ApiClient) -> None:
    public = ApiClient(client, None)
    before = moment()
    first = team.announce(title="Erste Reihe").json
    between = moment()
    team.announce(title="Zweite Reihe")
    assert public.get(f"/peer-learnings?as_of={before}").json["total"] == 0
    then = public.get(f"/peer-learnings?as_of={between}").json
    assert [i["id"] for i in then["items"]] == [first["id"]] and then["total"] == 1
    now = public.get(f"/peer-learnings?as_of={moment()}&q=zweite").json
    assert [i["title"] for i in now["items"]] == ["Zweite Reihe"]
    on = "on=2024-09-20"
    live = public.get(f"/peer-learnings?{on}").json
    assert public.get(f"/peer-learnings?as_of={moment()}&{on}").json == live
