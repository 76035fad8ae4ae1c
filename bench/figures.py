"""One measured figure: a value, its same-run baseline, the ratio and the target."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Target:
    """`ratio >= bound` (faster is better) or `ratio <= bound` (growth is bounded)."""

    op: str
    bound: float

    def met(self, ratio: float) -> bool:
        return ratio >= self.bound if self.op == ">=" else ratio <= self.bound

    def __str__(self) -> str:
        return f"{self.op} {self.bound:g}"


def at_least(bound: float) -> Target:
    return Target(">=", bound)


def at_most(bound: float) -> Target:
    return Target("<=", bound)


@dataclass(frozen=True)
class Figure:
    name: str
    store: str
    value: float
    unit: str
    baseline: float | None = None
    target: Target | None = None
    note: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool | None:
        ratio = self.ratio
        return None if self.target is None or ratio is None else self.target.met(ratio)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "store": self.store,
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "target": None if self.target is None else str(self.target),
            "met": self.met,
            "note": self.note,
        }


COLUMNS = ("figure", "store", "value", "baseline", "ratio", "target", "met")


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return f"{text} {unit}".strip()


def _row(figure: Figure) -> tuple[str, ...]:
    met = {True: "yes", False: "NO", None: "-"}[figure.met]
    return (
        figure.name,
        figure.store,
        _number(figure.value, figure.unit),
        _number(figure.baseline, figure.unit),
        "-" if figure.ratio is None else f"{figure.ratio:.2f}",
        str(figure.target or "-"),
        met,
    )


def table(figures: Sequence[Figure], markdown: bool = False) -> str:
    rows = [COLUMNS, *(_row(f) for f in figures)]
    if markdown:
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "|".join("---" for _ in COLUMNS) + "|")
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_json(path: Path, machine: dict[str, Any], figures: Sequence[Figure]) -> None:
    document = {"machine": machine, "figures": [f.as_json() for f in figures]}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
