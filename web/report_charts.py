"""The report's charts as inline SVG, drawn by matplotlib's SVG backend (no display)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # never a display, also where one is set

from matplotlib.axes import Axes  # noqa: E402 - after choosing the backend
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator, PercentFormatter  # noqa: E402

INK, BAR = "#1f2933", "#2f6f9f"
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "peerlearning-report"})


def svg_of(figure: Figure) -> str:
    """The figure as an `<svg>` element, without the XML prologue, to sit inside HTML."""
    out = io.StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    return _PROLOGUE.sub("", out.getvalue(), count=1)


def bar_chart(
    labels: Sequence[str], values: Sequence[float], title: str, percent: bool = False
) -> str:
    """Horizontal bars, one per label, with the value written at the end of each bar."""
    height = 0.9 + 0.38 * max(len(labels), 1)
    figure = Figure(figsize=(7.2, height))
    axes = figure.subplots()
    positions = list(range(len(labels)))
    axes.barh(positions, values, color=BAR)
    axes.set_yticks(positions, [_short(label) for label in labels])
    axes.invert_yaxis()
    axes.set_title(title, loc="left", color=INK, fontsize=11)
    for position, value in zip(positions, values, strict=True):
        text = f"{value:.0%}".replace("%", " %") if percent else f"{value:g}"
        axes.annotate(
            text,
            (value, position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=INK,
        )
    _quiet(axes, 1.0 if percent else None)
    return svg_of(figure)


def column_chart(labels: Sequence[str], values: Sequence[int], title: str) -> str:
    """Vertical columns in time order (months)."""
    figure = Figure(figsize=(7.2, 2.8))
    axes = figure.subplots()
    positions = list(range(len(labels)))
    axes.bar(positions, values, color=BAR)
    axes.set_xticks(positions, labels, rotation=90 if len(labels) > 12 else 0, fontsize=8)
    axes.set_title(title, loc="left", color=INK, fontsize=11)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    _quiet(axes, None)
    return svg_of(figure)


def _quiet(axes: Axes, limit: float | None) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if limit is None:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        axes.set_xlim(0, limit * 1.12)
        axes.xaxis.set_major_formatter(PercentFormatter(limit, decimals=0))


def _short(label: str, most: int = 48) -> str:
    return label if len(label) <= most else label[: most - 1] + "…"
