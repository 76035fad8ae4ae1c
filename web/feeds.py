"""Calendar feeds assembled from the read models; public facts only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from application.store_application import translated_store_errors
from calendars.ics import feed_calendar, meeting_event
from domain.clock import today
from domain.errors import PeerLearningNotFound
from web.kept import Rendering, kept, rendering

EVERYTHING = 1000
FINISHED = ("closed", "withdrawn")
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Feed:
    body: bytes
    last_modified: datetime
    until: datetime | None = None  # when the next meeting starts, and the feed changes


def kept_series_feed(services: Any, peer_learning_id: UUID, on: date | None = None) -> Rendering:
    """The series' feed (as it stood on day `on`, if asked), rendered once per views
    position and day."""
    day = today(services.app.clock)

    def render() -> tuple[Rendering, None]:
        feed = series_feed(services, peer_learning_id, on)
        return rendering(feed.body, feed.last_modified), None

    shape = ("series-feed", str(peer_learning_id), day, on)
    return kept(services, "series-feed", shape, render)


def kept_upcoming_feed(services: Any, topic: str | None, region: str | None) -> Rendering:
    """The upcoming feed, rendered once per views position, day and filter, and again once
    a meeting in it starts."""
    now = services.app.clock.now()

    def render() -> tuple[Rendering, datetime | None]:
        feed = upcoming_feed(services, topic, region)
        return rendering(feed.body, feed.last_modified), feed.until

    shape = ("upcoming-feed", today(services.app.clock), topic, region)
    return kept(services, "upcoming-feed", shape, render, now)


def series_feed(services: Any, peer_learning_id: UUID, on: date | None = None) -> Feed:
    """Every meeting of one series, held and cancelled ones included: as recorded now, or
    as the meetings stood on day `on` (moved or cancelled only if that happened by then)."""
    day = on or today(services.app.clock)
    detail = services.views.series_detail(peer_learning_id, on=day, dated=on is not None)
    if detail is None:
        raise PeerLearningNotFound(peer_learning_id)
    stamp = last_change(services, peer_learning_id)
    events = [meeting_event(m, detail, stamp) for m in detail["meetings"]]
    return Feed(feed_calendar(f"Peer-Learning: {detail['title']}", events).to_ical(), stamp)


def upcoming_feed(services: Any, topic: str | None, region: str | None) -> Feed:
    """The meetings still to come in every unfinished series (optionally by topic or region).

    The feed changes when a series changes and when a meeting starts (it drops out), so
    Last-Modified is the latest of those moments.
    """
    now, day = services.app.clock.now(), today(services.app.clock)
    asked = {"topic": topic, "region": region, "per_page": EVERYTHING, "dated": False}
    items, _ = services.views.catalogue(on=day, **asked)
    events, moments, starts = [], [EPOCH], []
    for item in items:
        detail = services.views.series_detail(item["id"], on=day, dated=False)
        stamp = last_change(services, item["id"])
        moments += [stamp, *(m["starts_at"] for m in detail["meetings"] if m["starts_at"] <= now)]
        coming = [m for m in detail["meetings"] if m["starts_at"] > now]
        starts += [m["starts_at"] for m in coming]
        if item["status"] not in FINISHED:
            events += [meeting_event(m, detail, stamp) for m in coming]
    events.sort(key=lambda e: e.decoded("dtstart"))
    body = feed_calendar("Peer-Learnings: kommende Termine", events).to_ical()
    return Feed(body, to_the_second(max(moments)), min(starts, default=None))


def last_change(services: Any, peer_learning_id: UUID) -> datetime:
    """When the series last changed, to the second (HTTP dates carry no fractions).

    That is the time of its last event, which is what the aggregate's `modified_on` says;
    reading that one event costs a thousandth of replaying the series.
    """
    app = services.app
    with translated_store_errors():
        stored = app.recorder.select_events(peer_learning_id, desc=True, limit=1)
    if not stored:
        raise PeerLearningNotFound(peer_learning_id)
    modified: datetime = app.mapper.to_domain_event(stored[0]).timestamp
    return to_the_second(modified)


def to_the_second(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)
