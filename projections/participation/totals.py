"""Totals of the participation report's rows: per Land and per series."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def attendance_rate(attended: int, held: int) -> float | None:
    """Attended meetings per held meeting of the admitted municipalities; None without any."""
    return None if held == 0 else round(attended / held, 4)


def totals_per_land(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    lands: dict[str, dict[str, Any]] = {}
    for row in rows:
        land = lands.setdefault(
            row["state"], {"keys": set(), "participants": 0, "attended": 0, "held": 0}
        )
        land["keys"].add(row["key"])
        land["participants"] += row["participants"]
        land["attended"] += row["meetings_attended"]
        land["held"] += row["meetings_held"]
    return [
        {
            "state": state,
            "municipalities": len(land["keys"]),
            "participants": land["participants"],
            "attendance_rate": attendance_rate(land["attended"], land["held"]),
        }
        for state, land in sorted(lands.items())
    ]


def totals_per_series(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    series: dict[str, dict[str, Any]] = {}
    for row in rows:
        one = series.setdefault(
            row["series_id"],
            {"series": row["series"], "municipalities": 0, "held": 0, "attended": 0, "offered": 0},
        )
        one["municipalities"] += 1
        one["held"] = max(one["held"], row["meetings_held"])  # those withdrawn count fewer
        one["attended"] += row["meetings_attended"]
        one["offered"] += row["meetings_held"]
    return [
        {
            "series_id": series_id,
            "series": one["series"],
            "municipalities": one["municipalities"],
            "meetings_held": one["held"],
            "attendance_rate": attendance_rate(one["attended"], one["offered"]),
        }
        for series_id, one in series.items()
    ]


def participation_report(rows: list[dict[str, Any]], months: dict[str, int]) -> dict[str, Any]:
    return {
        "rows": rows,
        "totals": {"per_land": totals_per_land(rows), "per_series": totals_per_series(rows)},
        "meetings_per_month": [{"month": m, "meetings_held": n} for m, n in months.items()],
    }
