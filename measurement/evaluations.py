"""The anonymous party evaluation: handing out one-time codes for a closed case, answering with one, and the
aggregated results.

An answer (`Evaluation`) is tied to nothing but the organisation and the month: the code only says "may answer once"
and is spent in the same transaction that stores the answer, by a conditional update, so two parties with the same
slip (or a double click) cannot both answer. Results are shown only from `MEASUREMENT_MIN_CELL` answers up: below
that even an average could point at the one citizen who answered.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Aggregate, Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import throttling
from cases.models import Case
from core.charts import Chart, Series
from measurement import permissions
from measurement.models import Evaluation, EvaluationCode, Score
from measurement.periods import Period

# No 0/O, 1/I/L: what is printed on a slip can be typed back without guessing.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MAX_CODES = 6
QUESTIONS = Evaluation.QUESTIONS
SCORES = [score.value for score in Score]
COMMENT_LENGTH = 2000
# Wrong codes from one address are counted by the login throttle under a scope of their own (they never lock a login,
# failed logins never lock the evaluation). Only failures are kept, never an address that answered, and the throttle
# prunes them after its window.
WRONG_CODE = "evaluation code"


class EvaluationError(Exception):
    """A rule of the evaluation said no; the message is for the person."""


class EvaluationRefused(EvaluationError):
    """A code that cannot (or can no longer) be used. `reason` is "unknown", "used" or "expired"."""

    def __init__(self, reason: str):
        self.reason = reason
        messages = {
            "unknown": _("This code is not known. Check the code on your slip and try again."),
            "used": _("This code has already been used: each code gives one answer."),
            "expired": _("This code is no longer valid: codes can be used for a limited time."),
        }
        super().__init__(messages[reason])


# --- codes -------------------------------------------------------------------------------------------------------


def new_code() -> str:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{characters[:4]}-{characters[4:]}"


def normalise(text: str) -> str | None:
    """What a person typed as it is stored ("abcd efgh", "ABCD–EFGH" → "ABCD-EFGH"); None if it cannot be a code."""
    characters = "".join(c for c in (text or "").upper() if c.isascii() and c.isalnum())
    if len(characters) != CODE_LENGTH:
        return None
    return f"{characters[:4]}-{characters[4:]}"


def find_code(text: str) -> EvaluationCode | None:
    normal = normalise(text)
    if normal is None:
        return None
    return EvaluationCode.objects.select_related("organisation").filter(code=normal).first()


def is_expired(code: EvaluationCode, today: date | None = None) -> bool:
    return code.expires_on < (today or timezone.localdate())


def refusal(code: EvaluationCode | None, today: date | None = None) -> EvaluationRefused | None:
    """Why the code cannot be used now, or None if it can."""
    if code is None:
        return EvaluationRefused("unknown")
    if code.used:
        return EvaluationRefused("used")
    if is_expired(code, today):
        return EvaluationRefused("expired")
    return None


def hand_out(case: Case, by, *, count: int, language: str, today: date | None = None) -> list[EvaluationCode]:
    """`count` new codes for the parties of a closed case, printed in `language`."""
    if not 1 <= count <= MAX_CODES:
        raise EvaluationError(_("Hand out between 1 and %(max)s codes at a time.") % {"max": MAX_CODES})
    if language not in dict(settings.LANGUAGES):
        raise EvaluationError(_("Choose one of the languages offered."))
    expires_on = (today or timezone.localdate()) + timedelta(days=settings.EVALUATION_CODE_DAYS)
    with transaction.atomic():
        # Read again under a lock: a case reopened meanwhile gets no codes.
        case = Case.objects.select_for_update().get(pk=case.pk)
        if not permissions.can_hand_out_evaluation(by, case):
            raise EvaluationError(_("Evaluation codes are handed out for a closed case you work on."))
        codes = [_create(case, by, language, expires_on) for _ in range(count)]
    # No audit event: the case register's log has no action for this, and a code says nothing about the case.
    return codes


def _create(case: Case, by, language: str, expires_on: date, attempts: int = 10) -> EvaluationCode:
    for _attempt in range(attempts):
        try:
            with transaction.atomic():
                return EvaluationCode.objects.create(
                    case=case,
                    organisation_id=case.organisation_id,
                    code=new_code(),
                    language=language,
                    created_by=by if by.is_authenticated else None,
                    expires_on=expires_on,
                )
        except IntegrityError:
            continue  # the same code exists already: draw again
    raise RuntimeError("No free evaluation code found; the alphabet or length is too small.")


def case_codes(case: Case) -> list[EvaluationCode]:
    return list(EvaluationCode.objects.filter(case=case).order_by("created_at", "pk"))


def printable_codes(case: Case, today: date | None = None) -> list[EvaluationCode]:
    """The codes still worth printing: not used and not expired."""
    today = today or timezone.localdate()
    printable = EvaluationCode.objects.filter(case=case, used=False, expires_on__gte=today)
    return list(printable.order_by("created_at", "pk"))


# --- answering ------------------------------------------------------------------------------------------------------


def submit(
    code_text: str, answers: Mapping[str, int], comment: str, language: str, *, today: date | None = None
) -> Evaluation:
    """Store one answer and spend the code, or refuse (`EvaluationRefused`). Nothing of the code, the case or the
    person who answers goes into the answer."""
    today = today or timezone.localdate()
    scores = {question: int(answers[question]) for question in QUESTIONS}
    if any(score not in SCORES for score in scores.values()):
        raise EvaluationError(_("Answer every question with a number from 1 to 5."))
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    normal = normalise(code_text)
    with transaction.atomic():
        code = EvaluationCode.objects.filter(code=normal).only("pk", "organisation_id", "used", "expires_on").first()
        if code is None:
            raise EvaluationRefused("unknown")
        # The one place a code is spent: of two requests at once, the second finds used=True and updates nothing.
        spent = EvaluationCode.objects.filter(pk=code.pk, used=False, expires_on__gte=today).update(used=True)
        if not spent:
            raise EvaluationRefused("expired" if not code.used and is_expired(code, today) else "used")
        return Evaluation.objects.create(
            organisation_id=code.organisation_id,
            month=today.replace(day=1),
            language=language,
            comment=(comment or "").strip()[:COMMENT_LENGTH],
            **scores,
        )


# --- guessing codes -----------------------------------------------------------------------------------------------


def too_many_wrong_codes(ip: str | None) -> bool:
    """Whether this address typed so many unknown codes lately that it has to wait (the login throttle's window)."""
    return throttling.too_many_guesses(WRONG_CODE, ip)


def record_wrong_code(ip: str | None) -> None:
    throttling.record_wrong_guess(WRONG_CODE, ip)


def minutes_to_wait() -> int:
    return throttling.minutes_locked()


# --- results ------------------------------------------------------------------------------------------------------


def question_label(question: str) -> str:
    """The question as the party read it (the field's label)."""
    model_field = Evaluation._meta.get_field(question)
    assert isinstance(model_field, models.Field)
    return str(model_field.verbose_name)


@dataclass(frozen=True)
class QuestionResult:
    question: str
    label: str
    average: Decimal
    distribution: list[int]  # how many answered 1, 2, 3, 4 and 5
    count: int


@dataclass(frozen=True)
class EvaluationSummary:
    """The answers of one organisation in a period, aggregated. With fewer than `min_cell` answers it holds only
    that number: no averages, no distribution, no comments."""

    count: int
    min_cell: int
    questions: list[QuestionResult] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def too_few(self) -> bool:
        return self.count < self.min_cell

    def averages_chart(self) -> Chart | None:
        if self.too_few:
            return None
        return Chart(
            id="evaluation-averages",
            title=_("Party evaluation: average answer per question"),
            description=_("1 = not at all, 5 = completely; from %(count)s answers.") % {"count": self.count},
            categories=[result.label for result in self.questions],
            series=[Series(_("Average (1–5)"), [result.average for result in self.questions])],
            kind="bar",
            category_header=_("Question"),
            decimals=1,
        )

    def distribution_chart(self) -> Chart | None:
        if self.too_few:
            return None
        return Chart(
            id="evaluation-distribution",
            title=_("Party evaluation: how many gave which answer"),
            categories=[result.label for result in self.questions],
            series=[
                Series(str(score), [result.distribution[index] for result in self.questions])
                for index, score in enumerate(SCORES)
            ],
            kind="stacked",
            category_header=_("Question"),
        )


def summary(organisation, period: Period) -> EvaluationSummary | None:
    """The organisation's answers whose month lies in `period`, in one query (two with comments); None when there
    are none at all."""
    answers = Evaluation.objects.filter(
        organisation=organisation, month__gte=period.start.replace(day=1), month__lte=period.end
    )
    aggregates: dict[str, Aggregate] = {"count": Count("pk")}
    for question in QUESTIONS:
        aggregates[f"{question}__avg"] = Avg(question)
        for score in SCORES:
            aggregates[f"{question}__{score}"] = Count("pk", filter=Q(**{question: score}))
    row = answers.aggregate(**aggregates)
    count = row["count"]
    min_cell = settings.MEASUREMENT_MIN_CELL
    if not count:
        return None
    if count < min_cell:
        return EvaluationSummary(count=count, min_cell=min_cell)
    questions = [
        QuestionResult(
            question=question,
            label=question_label(question),
            average=Decimal(str(row[f"{question}__avg"])).quantize(Decimal("0.1"), ROUND_HALF_UP),
            distribution=[row[f"{question}__{score}"] for score in SCORES],
            count=count,
        )
        for question in QUESTIONS
    ]
    # By the random key: the order says nothing about when (or from which case) a comment came.
    comments = list(answers.exclude(comment="").order_by("pk").values_list("comment", flat=True))
    return EvaluationSummary(count=count, min_cell=min_cell, questions=questions, comments=comments)
