"""A second process for the projection tests: writes events or runs a projector."""

from __future__ import annotations

import sys

from peerlearning.bootstrap import core_views, open_application
from projections.projector import Projector
from store.db import ViewDb
from store.settings import store_settings
from tests.support.samples import announce


def write(url: str, toggles: int) -> None:
    app = open_application(store_settings(url))
    series_id = announce(app, title="Aus einem anderen Prozess")
    for i in range(toggles):
        app.set_joining(series_id, open=bool(i % 2), actor="zweiter-prozess")
    print(series_id, flush=True)


def project(url: str) -> None:
    settings = store_settings(url)
    app = open_application(settings)
    projector = Projector(app, ViewDb(settings), core_views(), batch_size=1)
    print("projecting", flush=True)
    projector.catch_up()


if __name__ == "__main__":
    command, url, *rest = sys.argv[1:]
    if command == "write":
        write(url, int(rest[0]))
    else:
        project(url)
