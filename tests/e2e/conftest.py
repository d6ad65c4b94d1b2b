"""Browser tests: Debian's Chromium driven by Playwright against a live server on the test database.

Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside one unless told it
is safe. It is here: the test and the live server use separate connections and never share a transaction.
"""

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run `bin/ensure-chromium` (make test does this).")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Set only while the browser runs: subprocesses started by other tests must not inherit it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    # A Dutch civil servant's browser: pages without a language prefix (the CMS) answer in Dutch.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    # The Content-Security-Policy must not break the site: whatever the browser refused on any page is a failure.
    refused = []
    page.on("console", lambda message: refused.append(message.text) if _is_csp_violation(message.text) else None)
    yield page
    context.close()
    assert refused == [], "the Content-Security-Policy refused something on a page:\n" + "\n".join(refused)


def _is_csp_violation(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture(autouse=True)
def _known_state(request):
    """Every browser test starts from the migrated database plus the demo content."""
    if "live_server" in request.fixturenames:
        request.getfixturevalue("rebuilt_db")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))
