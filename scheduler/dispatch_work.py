"""What every part of the reminder work is handed: the views, the claims, the courier, time."""

from __future__ import annotations

from domain.clock import Clock
from scheduler.claims import Claims
from scheduler.courier import Courier
from scheduler.dispatch_queries import DispatchQueries
from scheduler.lookup import Lookup
from scheduler.settings import ReminderSettings


class DispatchWork:
    def __init__(
        self,
        lookup: Lookup,
        dispatches: DispatchQueries,
        claims: Claims,
        courier: Courier,
        settings: ReminderSettings,
        clock: Clock,
    ) -> None:
        self.lookup, self.dispatches, self.claims = lookup, dispatches, claims
        self.courier, self.settings, self.clock = courier, settings, clock

    @property
    def parts(self) -> tuple[Lookup, DispatchQueries, Claims, Courier, ReminderSettings, Clock]:
        return self.lookup, self.dispatches, self.claims, self.courier, self.settings, self.clock
