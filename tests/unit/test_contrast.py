"""The page's colours keep WCAG AA contrast (4.5:1 for text) on their backgrounds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "web" / "static" / "catalogue.css").read_text()
COLOURS = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", CSS))


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "paper"),
        ("ink", "tint"),
        ("muted", "paper"),
        ("muted", "tint"),
        ("link", "paper"),
        ("link", "tint"),
        ("warn", "paper"),
    ],
)
def test_text_colours_reach_aa(text: str, background: str) -> None:
    assert contrast(COLOURS[text], COLOURS[background]) >= 4.5


def test_the_button_text_is_readable_on_the_accent() -> None:
    assert "color: #fff" in CSS
    assert contrast("#ffffff", COLOURS["accent"]) >= 4.5
