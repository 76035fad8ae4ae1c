"""Renderings kept per views position and shape, until the moment a rendering names, bounded,
and rendered by one thread while the others wait."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from projections.renderings import Renderings, answer

NOON = datetime(2024, 9, 20, 12, 0, tzinfo=UTC)


class Counted:
    def __init__(self) -> None:
        self.count = 0

    def render(self, until: datetime | None = None) -> tuple[str, datetime | None]:
        self.count += 1
        return f"rendering {self.count}", until


def test_a_rendering_is_kept_for_its_position_and_shape() -> None:
    kept: Renderings[str] = Renderings()
    renders = Counted()
    first = answer(kept, 7, "page", renders.render)
    again = answer(kept, 7, "page", renders.render)
    assert (first, again, renders.count) == ("rendering 1", "rendering 1", 1)
    assert answer(kept, 8, "page", renders.render) == "rendering 2"
    assert answer(kept, 8, "feed", renders.render) == "rendering 3"
    assert answer(kept, 7, "page", renders.render) == "rendering 1"


def test_a_rendering_is_kept_until_the_moment_it_names() -> None:
    kept: Renderings[str] = Renderings()
    renders = Counted()

    def until_noon() -> tuple[str, datetime | None]:
        return renders.render(NOON)

    before = NOON - timedelta(minutes=1)
    assert answer(kept, 7, "feed", until_noon, before) == "rendering 1"
    assert answer(kept, 7, "feed", until_noon, before) == "rendering 1"
    assert answer(kept, 7, "feed", until_noon, NOON) == "rendering 2"


def test_only_the_latest_renderings_are_kept() -> None:
    kept: Renderings[str] = Renderings(size=3)
    for position in range(10):
        kept.keep((position, "page"), f"at {position}")
    assert len(kept) == 3 and kept.get((0, "page")) is None and kept.get((9, "page")) == "at 9"


def test_threads_asking_at_once_wait_for_one_rendering() -> None:
    kept: Renderings[str] = Renderings()
    started, release = threading.Event(), threading.Event()
    renders = Counted()

    def slow() -> tuple[str, datetime | None]:
        started.set()
        release.wait(10)
        return renders.render()

    found: list[str] = []
    threads = [
        threading.Thread(target=lambda: found.append(answer(kept, 1, "s", slow))) for _ in range(4)
    ]
    threads[0].start()
    started.wait(10)
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(10)
    assert found == ["rendering 1"] * 4 and renders.count == 1
