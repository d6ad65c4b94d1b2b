"""Steps the browser tests share: the login form, filled in as a user would."""

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD

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
