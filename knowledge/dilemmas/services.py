"""The rules of worksheets: starting one, saving a step, sharing, comments, drafts kept over an expired session."""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.personal_data import passages
from knowledge.dilemmas import permissions
from knowledge.dilemmas.blocks import Section
from knowledge.dilemmas.models import (
    Comment,
    DilemmaPlanPage,
    Draft,
    Invitation,
    Option,
    Stakeholder,
    ValueType,
    Weighing,
    Worksheet,
)
from knowledge.dilemmas.steps import STEP_SECTIONS, StepForms, weighings_of

DRAFT_COOKIE = "dilemmas_draft"
DRAFT_LIFETIME = datetime.timedelta(days=2)
DRAFT_GRANT_FIELD = "draft_grant"
DRAFT_GRANT_SALT = "knowledge.dilemmas.draft"
# A page may stay open as long as a session can last.
DRAFT_GRANT_AGE = settings.SESSION_COOKIE_AGE
# The largest valid step is about 150,000 characters (twelve options with four reasons each): room for that, no more.
DRAFT_MAX_CHARS = 200_000
DRAFT_MAX_PER_PERSON = 6


# --- Starting and saving --------------------------------------------------------------------------------------------


def start_worksheet(owner, plan: DilemmaPlanPage, title: str) -> Worksheet:
    """A new worksheet that remembers the plan version (the live revision) it follows."""
    return Worksheet.objects.create(
        owner=owner,
        plan=plan,
        plan_revision_id=plan.live_revision_id,
        plan_title=plan.title,
        plan_version_at=plan.last_published_at,
        language=plan.locale.language_code,
        title=title,
    )


def save_step(worksheet: Worksheet, forms: StepForms, skip_row: int | None = None) -> Worksheet:
    """Store one step's valid forms: its own worksheet fields, and its rows replaced as a whole.

    Only this step's columns are written, and the worksheet row is locked meanwhile, so an autosave from a tab
    showing another step cannot write stale text over this one (and two saves cannot interleave their rows).
    """
    with transaction.atomic():
        locked = Worksheet.objects.select_for_update().get(pk=worksheet.pk)
        fields = {name: forms.form.cleaned_data[name] for name in forms.form.fields}
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save(update_fields=[*fields, "updated_at"])
        if forms.rows is not None:
            rows = forms.rows.rows(skip_index=skip_row)
            if forms.number == 1:
                _replace_stakeholders(locked, rows)
            else:
                _replace_options(locked, rows)
    return locked


def _replace_stakeholders(worksheet: Worksheet, rows: list[dict]) -> None:
    worksheet.stakeholders.all().delete()
    Stakeholder.objects.bulk_create(
        Stakeholder(worksheet=worksheet, position=position, name=row["name"], interests=row["interests"])
        for position, row in enumerate(rows)
    )


def _replace_options(worksheet: Worksheet, rows: list[dict]) -> None:
    worksheet.options.all().delete()
    options = Option.objects.bulk_create(
        Option(worksheet=worksheet, position=position, title=row["title"], description=row["description"])
        for position, row in enumerate(rows)
    )
    Weighing.objects.bulk_create(
        Weighing(option=option, **weighing)
        for option, row in zip(options, rows, strict=True)
        for weighing in weighings_of(row)
        if weighing["score"] is not None or weighing["reason"]
    )


def delete_worksheet(worksheet: Worksheet) -> None:
    # Rows, weighings, invitations, comments and drafts go with it (on_delete=CASCADE).
    worksheet.delete()


# --- The plan version -----------------------------------------------------------------------------------------------


def plan_changed_since_start(worksheet: Worksheet) -> bool:
    plan = worksheet.plan
    return (
        plan is not None and plan.live_revision_id is not None and plan.live_revision_id != worksheet.plan_revision_id
    )


def guidance(worksheet: Worksheet) -> dict[str, list]:
    """The plan's steps per worksheet part, as they were in the version the worksheet was started from."""
    plan = None
    if worksheet.plan_revision is not None:
        plan = worksheet.plan_revision.as_object()
    elif worksheet.plan_id:
        plan = worksheet.plan
    by_section: dict[str, list] = {section: [] for section in Section.ORDER}
    if plan is not None:
        for step in plan.steps:
            by_section.setdefault(step.value["section"], []).append(step.value)
    return by_section


def plan_text(plan: DilemmaPlanPage) -> str:
    """A plan's readable text for the search index: introduction and every step's guidance."""
    lines = [strip_tags(str(plan.intro))]
    for step in plan.steps:
        value = step.value
        lines.append(value["title"])
        lines.extend(value["guiding_questions"])
        lines.extend(strip_tags(str(value[name])) for name in ("hints", "worked_example"))
    return "\n".join(line for line in lines if line)


# --- Personal data --------------------------------------------------------------------------------------------------


def personal_data_warnings(forms: StepForms) -> list[dict]:
    """Likely personal data in the step's text, per field, with the words around it (personal_data.passages rows).
    A warning only: the person decides."""
    fields = [forms.form[name] for name in forms.form.fields]
    if forms.rows is not None:
        for row_form in forms.rows.forms:
            fields.extend(row_form[name] for name in row_form.fields)
    texts = [(field.html_name, str(field.label), field.value()) for field in fields]
    return passages((name, label, value) for name, label, value in texts if isinstance(value, str) and value)


# --- Sharing and comments -------------------------------------------------------------------------------------------


def invite(worksheet: Worksheet, invitee) -> Invitation:
    """The invitation and its mail's task are committed together: an invitation is never left unmailed."""
    from knowledge.dilemmas.tasks import send_invitation_mail

    with transaction.atomic():
        invitation = Invitation.objects.create(worksheet=worksheet, invitee=invitee)
        send_invitation_mail.enqueue(invitation.pk)
    return invitation


def revoke(invitation: Invitation) -> None:
    invitation.delete()


def add_comment(worksheet: Worksheet, author, text: str) -> Comment:
    return Comment.objects.create(worksheet=worksheet, author=author, text=text)


# --- Drafts kept over an expired session ----------------------------------------------------------------------------
#
# A post without a session cannot say who sent it, so a draft is kept only when the post carries the signed grant
# that the step page was rendered with for a person who may write the worksheet (`draft_grant`). Without it nothing
# is stored: otherwise anyone could store any amount of text against any worksheet id.


class DraftRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def draft_grant(worksheet: Worksheet, user) -> str:
    """Put into the step form: lets this person's text be kept if their session expires while the page is open."""
    return signing.dumps({"w": worksheet.pk, "u": user.pk, "a": _grant_fingerprint(user)}, salt=DRAFT_GRANT_SALT)


def _grant_fingerprint(user) -> str:
    # Changes with the password, so tokens of a page opened before a password change no longer keep anything.
    return salted_hmac(DRAFT_GRANT_SALT, user.get_session_auth_hash()).hexdigest()[:20]


def _grant_holder(token: str, worksheet_id: int):
    """The person the token was issued to, if it is for this worksheet, still valid, and they may write it."""
    from accounts.models import User

    try:
        payload = signing.loads(token or "", salt=DRAFT_GRANT_SALT, max_age=DRAFT_GRANT_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("w") != worksheet_id or not isinstance(payload.get("u"), int):
        return None
    user = User.objects.filter(pk=payload["u"], is_active=True).first()
    if user is None or not constant_time_compare(str(payload.get("a")), _grant_fingerprint(user)):
        return None
    return user if permissions.editable_worksheets(user).filter(pk=worksheet_id).exists() else None


def _draft_size(data: dict) -> int:
    return sum(len(key) + sum(len(value) for value in values) for key, values in data.items())


def purge_expired_drafts() -> int:
    return Draft.objects.filter(created_at__lt=timezone.now() - DRAFT_LIFETIME).delete()[0]


def keep_draft(worksheet_id: int, step: int, post) -> str | None:
    """Store what was posted without a valid session; the key goes into a cookie of the same browser.

    None (and nothing stored) without a valid token for this worksheet; DraftRefused when it is too large, or
    when the person already has as many drafts waiting as we keep.
    """
    purge_expired_drafts()
    if step not in STEP_SECTIONS:
        return None
    user = _grant_holder(post.get(DRAFT_GRANT_FIELD, ""), worksheet_id)
    if user is None:
        return None
    data = {key: post.getlist(key) for key in post if key not in ("csrfmiddlewaretoken", DRAFT_GRANT_FIELD)}
    if _draft_size(data) > DRAFT_MAX_CHARS:
        raise DraftRefused(
            _(
                "Your session has expired, and what you typed is too long to keep until you log in again (at most "
                "%(limit)s characters). Keep a copy of your text, then log in again."
            )
            % {"limit": formats.number_format(DRAFT_MAX_CHARS, force_grouping=True)}
        )
    key = secrets.token_urlsafe(32)
    # Not locked: two tabs racing past the count store one draft too many at worst, and the size is bounded anyway.
    if Draft.objects.filter(user=user).exclude(worksheet_id=worksheet_id, step=step).count() >= DRAFT_MAX_PER_PERSON:
        raise DraftRefused(
            _(
                "Your session has expired, and several unsaved texts are already waiting for you. Log in again to "
                "save them; what you typed now has not been kept."
            )
        )
    # One per worksheet step: a later autosave replaces the earlier one.
    Draft.objects.update_or_create(user=user, worksheet_id=worksheet_id, step=step, defaults={"key": key, "data": data})
    return key


def draft_for(key: str | None, worksheet: Worksheet, user) -> Draft | None:
    """The kept draft of this browser for `worksheet`, if it was kept for `user`."""
    if not key or not user.is_authenticated:
        return None
    return Draft.objects.filter(
        key=key, user=user, worksheet=worksheet, created_at__gte=timezone.now() - DRAFT_LIFETIME
    ).first()


def discard_draft(draft: Draft) -> None:
    draft.delete()


# --- The memo -------------------------------------------------------------------------------------------------------


@dataclass
class MemoRow:
    option: Option
    cells: list  # one Weighing (or None) per value type, in ValueType order


def weighing_table(worksheet: Worksheet) -> list[MemoRow]:
    rows = []
    for option in worksheet.options.prefetch_related("weighings"):
        by_type = {weighing.value_type: weighing for weighing in option.weighings.all()}
        rows.append(MemoRow(option, [by_type.get(value_type) for value_type in ValueType.values]))
    return rows
