"""Where read models are registered.

A new read model is one new module (its tables, handlers, reads and shapes) and one line
in `CORE_VIEWS`.
"""

from __future__ import annotations

from collections.abc import Callable

from projections.catalogue.view import CatalogueView
from projections.model_projects import ModelProjectsView
from projections.participation.view import ParticipationView
from projections.registrations import RegistrationsView
from projections.roster.view import RosterView
from projections.view import View

CORE_VIEWS: tuple[Callable[[], View], ...] = (
    CatalogueView,
    RosterView,
    ModelProjectsView,
    ParticipationView,
    RegistrationsView,
)
