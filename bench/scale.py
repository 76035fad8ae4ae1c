"""How big a run is: the default full size and the quick size."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    series: int
    meetings_per_series: int
    enrollments_per_series: int
    participants_per_enrollment: int
    municipalities: int
    commands: int  # write-path commands per measurement
    http_seconds: float  # duration of one HTTP load measurement
    reminders: int  # reminders sent in the dispatch figure
    time_travel_events: int  # the long series of the time-travel figure
    latency_samples: int  # sequential requests per latency median

    @property
    def participants(self) -> int:
        return self.series * self.enrollments_per_series * self.participants_per_enrollment


FULL = Scale(
    name="full",
    series=1000,
    meetings_per_series=10,
    enrollments_per_series=5,
    participants_per_enrollment=4,
    municipalities=5000,
    commands=2000,
    http_seconds=8.0,
    reminders=5000,
    time_travel_events=10_000,
    latency_samples=300,
)

QUICK = Scale(
    name="quick",
    series=20,
    meetings_per_series=10,
    enrollments_per_series=5,
    participants_per_enrollment=4,
    municipalities=100,
    commands=60,
    http_seconds=1.0,
    reminders=60,
    time_travel_events=1_000,
    latency_samples=30,
)
