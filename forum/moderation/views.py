"""Moderation pages: reporting a post, the review queue, an item, a post's moderation page, actions, the audit log.

Everything a moderator may not moderate is outside the queryset and answers 404 (not 403): a group moderator cannot
even learn that another group's item exists. The audit log shows site moderators everything, group moderators
the entries of their own groups.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.params import local_url, natural_int
from forum import permissions as forum_permissions
from forum.errors import ForumError
from forum.models import GroupMembership
from forum.moderation import actions, audit, member_history, permissions, services
from forum.moderation.forms import AuditFilterForm, QueueFilterForm, ReportForm
from forum.moderation.models import Report, ReviewItem

QUEUE_PER_PAGE = 25
AUDIT_PER_PAGE = 50


def _require_moderator(user):
    if not permissions.can_open_queue(user):
        raise Http404


# --- reporting ----------------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    """A member reports a post they can read (not their own). Nobody but moderators learns of it."""
    post = get_object_or_404(forum_permissions.reportable_posts(request.user).select_related("thread"), pk=pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(post, request.user, reason=form.cleaned_data["reason"], text=form.cleaned_data["text"])
        except services.ModerationError as error:
            form.add_error(None, str(error))
            status = 429 if isinstance(error, services.TooManyReports) else 409
        else:
            messages.success(request, _("Thank you. The moderators will look at this post."))
            return redirect(post.get_absolute_url())
    elif request.method == "POST":
        status = 400
    return render(request, "forum_moderation/report.html", {"form": form, "post": post}, status=status)


# --- the queue and its items --------------------------------------------------------------------------------------


@login_required
def queue(request):
    _require_moderator(request.user)
    data = request.GET.copy()
    data.setdefault("status", ReviewItem.Status.PENDING)
    form = QueueFilterForm(data, moderator=request.user)
    items = (
        permissions.reviewable_items(request.user)
        .select_related("post__thread__group", "post__author")
        .annotate(report_count=Count("reports"))
        .prefetch_related(Prefetch("reports", queryset=Report.objects.only("id", "item_id", "reason")))
        .order_by("created_at", "id")
    )
    if form.is_valid():
        if form.cleaned_data["status"]:
            items = items.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["group"]:
            items = items.filter(post__thread__group=form.cleaned_data["group"])
    page = Paginator(items, QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    for item in page:
        item.reasons = sorted({report.get_reason_display() for report in item.reports.all()})
    return render(request, "forum_moderation/queue.html", {"form": form, "page": page})


def _item_context(request, item, forms=None):
    forms = forms or {}
    labels = dict(actions.action_labels())
    events = services.history(item)
    for event in events:
        if event["kind"] == "action":
            event["entry"].action_label = labels.get(event["entry"].action, event["entry"].action)
    return {
        "item": item,
        "post": item.post,
        "reports": item.reports.select_related("reporter"),
        "events": events,
        "actions": [
            (action, forms.get(action.id) or action.form(request.user, item))
            for action in actions.for_target("item", request.user, item)
        ],
    }


@login_required
def item_detail(request, pk):
    item = get_object_or_404(actions.targets("item", request.user), pk=pk)
    return render(request, "forum_moderation/item.html", _item_context(request, item))


def _post_context(request, post, forms=None, revealed=None):
    forms = forms or {}

    def with_forms(kind, obj):
        return [
            (action, forms.get((kind, obj.pk, action.id)) or action.form(request.user, obj))
            for action in actions.for_target(kind, request.user, obj)
        ]

    membership = None
    if post.author_id:
        membership = GroupMembership.objects.filter(group=post.thread.group, user_id=post.author_id).first()
    revisions = list(post.revisions.select_related("editor"))
    return {
        "post": post,
        "thread": post.thread,
        "open_item": ReviewItem.objects.pending().filter(post=post).first(),
        "post_actions": with_forms("post", post),
        "thread_actions": with_forms("thread", post.thread),
        "membership": membership,
        "member_actions": with_forms("member", membership) if membership else [],
        "revisions": [(revision, with_forms("revision", revision)) for revision in revisions],
        "revealed": revealed,
    }


@login_required
def post_detail(request, pk):
    post = get_object_or_404(actions.targets("post", request.user), pk=pk)
    return render(request, "forum_moderation/post.html", _post_context(request, post))


# --- acting -------------------------------------------------------------------------------------------------------


def _post_of(kind, obj):
    return {"item": lambda: obj.post, "post": lambda: obj, "revision": lambda: obj.post}.get(kind, lambda: None)()


def _default_next(kind, obj):
    if kind == "item":
        return reverse("forum_moderation:item", kwargs={"pk": obj.pk})
    if kind in ("post", "revision"):
        return reverse("forum_moderation:post", kwargs={"pk": _post_of(kind, obj).pk})
    if kind == "thread":
        return obj.get_absolute_url()
    if kind in ("account", "person"):
        return reverse("forum_moderation:member_history", kwargs={"user_id": obj.pk})
    return obj.group.get_absolute_url()


def _safe_next(request, fallback):
    return local_url(request, request.POST.get("next") or request.GET.get("next")) or fallback


@login_required
@require_http_methods(["GET", "POST"])
def act(request, kind, pk, action_id):
    """One action on one target: GET shows its form on a page of its own, POST applies it."""
    action = actions.ACTIONS.get(action_id)
    if action is None or action.target != kind:
        raise Http404
    obj = get_object_or_404(actions.targets(kind, request.user), pk=pk)
    if not action.allowed(request.user, obj):
        if kind == "item" and not obj.is_open:
            return _already_handled(request, services.AlreadyHandled(obj), obj)
        raise Http404
    form = action.form(request.user, obj, request.POST if request.method == "POST" else None)
    context = {"action": action, "form": form, "kind": kind, "obj": obj, "post": _post_of(kind, obj)}
    if request.method == "GET":
        return render(request, "forum_moderation/action.html", context)
    data = {}
    if form is not None:
        if not form.is_valid():
            return render(request, "forum_moderation/action.html", context, status=400)
        data.update(form.cleaned_data)
    if kind == "item":
        # No number matches no version: the item then counts as changed since the moderator opened it.
        version = natural_int(request.POST.get("version"))
        data["version"] = -1 if version is None else version
    try:
        result = action.apply(request.user, obj, data)
    except services.AlreadyHandled as error:
        return _already_handled(request, error, obj)
    except ForumError as error:
        form.add_error(None, str(error))
        return render(request, "forum_moderation/action.html", context, status=400)
    if isinstance(action, actions.RevealAuthor):
        # Shown once, on this response: the name never travels in a message cookie or a URL.
        context = _post_context(request, obj, revealed=result)
        return render(request, "forum_moderation/post.html", context)
    messages.success(request, action.done_message())
    return redirect(_safe_next(request, _default_next(kind, obj)))


def _already_handled(request, error, item):
    item = get_object_or_404(actions.targets("item", request.user), pk=item.pk)
    context = _item_context(request, item)
    context["conflict"] = str(error)
    return render(request, "forum_moderation/item.html", context, status=409)


def _action_labels():
    """What the log calls each kind of entry: the moderator actions and the group decisions recorded beside them."""
    return [*actions.action_labels(), *audit.EVENT_LABELS.items()]


# --- the audit log ------------------------------------------------------------------------------------------------


@login_required
def audit_log(request):
    if not permissions.can_read_audit_log(request.user):
        raise Http404
    labels = _action_labels()
    form = AuditFilterForm(request.GET or None, actions=labels, groups=forum_permissions.moderated_groups(request.user))
    entries = (
        permissions.readable_audit_entries(request.user)
        .select_related("actor", "subject")
        .order_by("-created_at", "-id")
    )
    if form.is_valid():
        if form.cleaned_data["action"]:
            entries = entries.filter(action=form.cleaned_data["action"])
        if form.cleaned_data["group"]:
            entries = entries.filter(group=form.cleaned_data["group"])
    page = Paginator(entries, AUDIT_PER_PAGE).get_page(request.GET.get("page"))
    names = dict(labels)
    for entry in page:
        entry.action_label = names.get(entry.action, entry.action)
        entry.changes = audit.describe_changes(entry)
    return render(request, "forum_moderation/audit.html", {"form": form, "page": page})


# --- one member's moderation history ------------------------------------------------------------------------------


@login_required
def member_history_page(request, user_id):
    """What moderation recorded about one member, within what the moderator moderates; suspension and notes."""
    user = request.user
    account = get_object_or_404(permissions.members_with_visible_history(user), pk=user_id)
    context = member_history.history(user, account, page=request.GET.get("page"), labels=dict(_action_labels()))
    account_actions = []
    if permissions.can_suspend_account(user, account):
        account_actions = [
            (action, action.form(user, account)) for action in actions.for_target("account", user, account)
        ]
    context["account_actions"] = account_actions
    context["person_actions"] = [
        (action, action.form(user, account)) for action in actions.for_target("person", user, account)
    ]
    return render(request, "forum_moderation/member_history.html", context)
