"""The people bench/load.py simulates, as asyncio tasks that each send one request after another with a pause to
read in between: visitors reading pages and searching, members signing in through the login form and then reading
their forum thread, replying to it, autosaving their dilemma worksheet, enrolling in a training session (and
cancelling again, so that the seats last) and reporting other members' replies.

Every write carries a unique marker (letters only: the personal-data detector looks at digits) and is written down
in a Ledger with whether the server acknowledged it, so that bench/load.py can look for it in the database
afterwards. Members write through the English URLs, so that the answers can be read in one language.
"""

import asyncio
import random
import re
import string
import time
from collections import Counter
from dataclasses import dataclass, field

from bench import httpload
from bench.load_accounting import Sample
from bench.pages import PROXY_HEADERS  # the load balancer's headers, as the page benchmark sends them

TIMEOUT = 30.0  # seconds before a request counts as unanswered
SET_COOKIE = re.compile(r"(?:^|, )([^=;, ]+)=([^;]*)")  # Set-Cookie headers arrive joined by ", "


def marker() -> str:
    return "lastmerk" + "".join(random.choices(string.ascii_lowercase, k=14))  # noqa: S311 -- not a secret


def cookies_of(headers: dict[bytes, bytes]) -> dict[str, str]:
    """The cookies set by a response whose Set-Cookie headers were joined into one (as httpload.read_response
    does): a cookie starts the header or follows ", "; a date's comma is followed by a day number, not a name=."""
    value = headers.get(b"set-cookie", b"").decode("latin-1")
    return dict(SET_COOKIE.findall(value))


@dataclass
class Recorder:
    """Sends requests and keeps a Sample of each, in the phase running when it was sent."""

    host: str
    port: int
    phase: str = "sign-in"
    samples: list[Sample] = field(default_factory=list)
    stopping: bool = False

    async def send(self, action, method, path, *, headers=(), data=None):
        """(status, headers, body); status 0 with empty headers and body when no answer came."""
        phase, started = self.phase, time.monotonic()
        try:
            status, answer, body = await httpload.request(
                self.host, self.port, method, path, headers=(*PROXY_HEADERS, *headers), data=data, timeout=TIMEOUT
            )
        except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            status, answer, body = 0, {}, b""
        self.samples.append(Sample(phase, action, status, started, time.monotonic()))
        return status, answer, body

    async def pause(self, low: float, high: float) -> None:
        await asyncio.sleep(random.uniform(low, high))  # noqa: S311


@dataclass
class Ledger:
    """Every write sent, with whether it was acknowledged."""

    replies: list[str] = field(default_factory=list)
    replies_acknowledged: set[str] = field(default_factory=set)
    reports: list[str] = field(default_factory=list)
    reports_acknowledged: set[str] = field(default_factory=set)
    autosaves: dict[int, list[tuple[str, bool]]] = field(default_factory=dict)  # worksheet -> saves in order
    enrolments: Counter = field(default_factory=Counter)  # e-mail -> enrol requests sent
    enrolments_acknowledged: set[int] = field(default_factory=set)
    cancellations: list[str] = field(default_factory=list)  # enrolment ids
    cancellations_acknowledged: set[str] = field(default_factory=set)
    posts: dict[int, str] = field(default_factory=dict)  # acknowledged reply id -> its author
    reported: Counter = field(default_factory=Counter)  # post id -> reports sent

    def as_json(self) -> dict:
        return {
            "replies": self.replies,
            "reports": self.reports,
            "autosaves": {str(key): [marker for marker, _ok in saves] for key, saves in self.autosaves.items()},
            "emails": sorted(self.enrolments),
            "enrolments_acknowledged": sorted(self.enrolments_acknowledged),
            "cancellations": self.cancellations,
        }


async def visitor(recorder: Recorder, paths: list[str]) -> None:
    """Reads a page, pauses, reads another, until the run stops."""
    await recorder.pause(0, 2)
    while not recorder.stopping:
        path = random.choice(paths)  # noqa: S311
        await recorder.send("search" if "/search/" in path else "read", "GET", path)
        await recorder.pause(1.0, 3.0)


@dataclass
class Member:
    email: str
    worksheet: int
    cookies: dict[str, str] = field(default_factory=dict)
    replies: int = 0
    reports: int = 0
    enrolment: int | None = None  # the acknowledged enrolment to cancel next
    reported: set[int] = field(default_factory=set)  # posts this member reported (once each: a second is refused)

    def headers(self, origin: str | None = None) -> tuple[tuple[str, str], ...]:
        cookie = (("Cookie", "; ".join(f"{name}={value}" for name, value in self.cookies.items())),)
        return cookie + ((("Origin", origin),) if origin else ())

    def form(self, **fields) -> dict:
        return {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}


@dataclass
class Plan:
    """What the members act on, found in the demo content by bench/load.py."""

    password: str
    thread: int
    sessions: list[int]
    post_limit: int  # replies per member in the forum's rate-limit window
    report_limit: int
    origin: str


async def sign_in(recorder: Recorder, member: Member, password: str) -> bool:
    path = "/en/accounts/login/?next=/en/"
    status, headers, _body = await recorder.send("sign-in form", "GET", path)
    member.cookies |= cookies_of(headers)
    if status != 200:
        return False
    data = member.form(username=member.email, password=password)
    status, headers, _body = await recorder.send(
        "sign in", "POST", path, headers=member.headers(f"https://{recorder.host}:{recorder.port}"), data=data
    )
    member.cookies |= cookies_of(headers)
    return status == 302 and "sessionid" in member.cookies


async def reply(recorder: Recorder, member: Member, plan: Plan, ledger: Ledger) -> None:
    path = f"/en/forum/threads/{plan.thread}/reply/"
    await recorder.send("reply form", "GET", path, headers=member.headers())
    text = marker()
    ledger.replies.append(text)
    member.replies += 1
    body = f"Another view on this case from the load test ({text}): a second conversation helped us."
    status, headers, _body = await recorder.send(
        "reply", "POST", path, headers=member.headers(plan.origin), data=member.form(body=body)
    )
    found = re.search(rb"/forum/posts/(\d+)/", headers.get(b"location", b""))
    if status == 302 and found:
        ledger.replies_acknowledged.add(text)
        ledger.posts[int(found.group(1))] = member.email


async def autosave(recorder: Recorder, member: Member, plan: Plan, ledger: Ledger) -> None:
    text = marker()
    saves = ledger.autosaves.setdefault(member.worksheet, [])
    saves.append((text, False))
    headers = (*member.headers(plan.origin), ("HX-Request", "true"), ("X-CSRFToken", member.cookies["csrftoken"]))
    status, _headers, body = await recorder.send(
        "autosave",
        "POST",
        f"/en/worksheets/{member.worksheet}/step/3/autosave/",
        headers=headers,
        data={"personal_perspective": f"What I need to stand behind it ({text}): time to talk it through."},
    )
    if status == 200 and b"Saved at" in body:
        saves[-1] = (text, True)


async def enrol_or_cancel(recorder: Recorder, member: Member, plan: Plan, ledger: Ledger) -> None:
    if member.enrolment is not None:
        pk, member.enrolment = member.enrolment, None
        ledger.cancellations.append(str(pk))
        status, _headers, _body = await recorder.send(
            "cancel enrolment",
            "POST",
            f"/en/training/enrolments/{pk}/cancel/",
            headers=member.headers(plan.origin),
            data=member.form(),
        )
        if status == 302:
            ledger.cancellations_acknowledged.add(str(pk))
        return
    session = random.choice(plan.sessions)  # noqa: S311
    ledger.enrolments[member.email] += 1
    status, headers, _body = await recorder.send(
        "enrol",
        "POST",
        f"/en/training/sessions/{session}/enrol/",
        headers=member.headers(plan.origin),
        data=member.form(),
    )
    found = re.search(rb"/training/enrolments/(\d+)/", headers.get(b"location", b""))
    if status == 302 and found:
        member.enrolment = int(found.group(1))
        ledger.enrolments_acknowledged.add(member.enrolment)


async def report(recorder: Recorder, member: Member, plan: Plan, ledger: Ledger) -> bool:
    """Reports another member's reply of this run (each reply twice at most: a third report hides it)."""
    candidates = [
        pk
        for pk, author in ledger.posts.items()
        if author != member.email and ledger.reported[pk] < 2 and pk not in member.reported
    ]
    if not candidates:
        return False
    post = random.choice(candidates)  # noqa: S311
    ledger.reported[post] += 1
    member.reported.add(post)
    text = marker()
    ledger.reports.append(text)
    member.reports += 1
    status, _headers, _body = await recorder.send(
        "report",
        "POST",
        f"/en/forum/moderation/posts/{post}/report/",
        headers=member.headers(plan.origin),
        data=member.form(reason="other", text=f"Please have a look ({text})."),
    )
    if status == 302:
        ledger.reports_acknowledged.add(text)
    return True


async def member_life(recorder: Recorder, member: Member, plan: Plan, ledger: Ledger, signed_in) -> None:
    """Act until the run stops: mostly reading, then autosaving, replying, enrolling and reporting."""
    await signed_in
    while not recorder.stopping:
        await recorder.pause(1.0, 3.0)
        if recorder.stopping:
            break
        choice = random.random()  # noqa: S311
        if choice < 0.12 and member.replies < plan.post_limit:
            await reply(recorder, member, plan, ledger)
        elif choice < 0.40:
            await autosave(recorder, member, plan, ledger)
        elif choice < 0.52:
            await enrol_or_cancel(recorder, member, plan, ledger)
        elif choice < 0.60 and member.reports < plan.report_limit and await report(recorder, member, plan, ledger):
            pass
        else:
            await recorder.send("member read", "GET", f"/en/forum/threads/{plan.thread}/", headers=member.headers())
