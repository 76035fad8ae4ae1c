"""The catalogue in headless Chromium against the real server with the demo catalogue."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.demo.seed import CLOSED, NEW, RUNNING
from tests.support.scratch import SCRATCH
from tests.web.server import demo_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = SCRATCH / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: apt-get install chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing: pip install playwright"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    problem = browser_missing()
    if problem:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER is set but {problem}")
        pytest.skip(f"Browser test skipped: {problem}; set REQUIRE_BROWSER=1 to make this fail")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with demo_server(tmp_path_factory.mktemp("server")) as url:
        yield url


def titles(page: Any, status: str) -> list[str]:
    return page.locator(f"section[data-status={status}] article h3").all_inner_texts()


def test_the_catalogue_in_a_real_browser(browser: Any, base_url: str) -> None:
    page = browser.new_page(locale="de-DE", viewport={"width": 1100, "height": 900})
    page.goto(f"{base_url}/?on=2024-09-20")
    assert page.locator("html").get_attribute("lang") == "de"
    assert titles(page, "new") == NEW
    assert set(titles(page, "running")) == RUNNING and len(titles(page, "running")) == 3
    assert set(titles(page, "closed")) == CLOSED and len(titles(page, "closed")) == 6
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "catalogue-2024-09-20.png"), full_page=True)

    page.get_by_label("Thema").select_option("Geodaten")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**topic=Geodaten**")
    assert titles(page, "running") == [
        "Kommunale Geodateninfrastrukturen (GDI) und Geodatenmanagement"
    ]
    assert titles(page, "new") == [] and titles(page, "closed") == []

    page.goto(f"{base_url}/?on=2024-09-20")
    page.get_by_role("link", name=NEW[0], exact=True).click()
    page.wait_for_url("**/catalogue/**")
    assert page.get_by_role("heading", level=1).inner_text() == NEW[0]
    rows = page.locator("table.meetings tbody tr")
    assert rows.count() == 6
    assert rows.first.locator("td").nth(2).inner_text() == "Auftakttreffen"
    page.screenshot(path=str(ARTIFACTS / "series-detail.png"), full_page=True)
    page.close()


def test_the_page_fits_a_phone(browser: Any, base_url: str) -> None:
    phone = browser.new_page(locale="de-DE", viewport={"width": 375, "height": 740})
    phone.goto(f"{base_url}/?on=2024-09-20")
    scroll_width = phone.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375
    phone.screenshot(path=str(ARTIFACTS / "catalogue-phone.png"))
    phone.close()
