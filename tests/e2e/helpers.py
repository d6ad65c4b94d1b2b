"""Steps the browser tests share: the login form filled in as a user would, an accessibility check, a module."""

from pathlib import Path

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

LOGIN_URL = "/nl/accounts/login/"


def submit_login_form(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Fill in and send the (Dutch) login form the page shows; what comes next is for the caller to check."""
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def log_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in as `email` from a fresh start (whoever was logged in is forgotten) and wait until it has worked.

    The password defaults to the demo accounts' one; users made with the `make_user` fixture have their own.
    """
    page.context.clear_cookies()
    page.goto(LOGIN_URL)
    submit_login_form(page, email, password)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def check_accessibility(page, name: str) -> None:
    """Run axe-core (from npm) on the current page, save a screenshot, and fail on any violation."""
    ARTIFACTS.mkdir(exist_ok=True)
    # caret="initial": hiding the caret leaves empty style="" attributes on inputs, which htmx copies into its
    # history cache, and the Content-Security-Policy rightly refuses those copies.
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, caret="initial")
    # Evaluated through the DevTools protocol, not added as an inline <script>: the site's policy refuses those.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'],"
        " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert violations == [], f"axe found accessibility violations on {name}:\n" + "\n".join(violations)


def build_module(title, **fields):
    """A training module with one session, owned by the demo's trainer (the browser tests run on the demo)."""
    fields.setdefault("owner", User.objects.get(email="trainer@zeist.example"))
    return factories.training_module(title, **fields)
