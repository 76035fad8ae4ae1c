"""Under their Content-Security-Policy the page and the Swagger UI work in a real browser."""

from __future__ import annotations

from typing import Any

from tests.web.test_browser import base_url, browser  # noqa: F401 (fixtures)


def refused_by_policy(page: Any) -> list[str]:
    messages: list[str] = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def test_the_page_is_styled_and_breaks_no_rule(browser: Any, base_url: str) -> None:  # noqa: F811
    page = browser.new_page()
    refused = refused_by_policy(page)

    page.goto(f"{base_url}/?on=2024-09-20")
    page.wait_for_load_state("load")

    assert page.locator("section[data-status=new] article h3").count() > 0
    skip_link = page.locator("a.skip")
    assert skip_link.evaluate("e => getComputedStyle(e).position") == "absolute"
    assert refused == []
    page.close()


def test_the_docs_render_the_operations_under_their_policy(
    browser: Any,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = browser.new_page()
    refused = refused_by_policy(page)

    page.goto(f"{base_url}/docs")
    page.locator(".opblock").first.wait_for(timeout=30_000)

    assert page.locator(".opblock").count() > 10
    assert refused == []
    page.close()
