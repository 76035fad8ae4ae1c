"""What the reminder scheduler needs of its process: the application, the views and links.

The composition root's `Services` has all of these; the scheduler names only what it uses, so
it does not depend on the layer that builds it.
"""

from __future__ import annotations

from typing import Protocol

from application.app import PeerLearningApp
from application.links import Links
from projections.projector import Projector
from projections.queries import ViewQueries
from store.db import ViewDb


class Backend(Protocol):
    app: PeerLearningApp
    db: ViewDb
    projector: Projector
    views: ViewQueries

    @property
    def links(self) -> Links: ...

    def expire_registrations(self) -> int: ...
