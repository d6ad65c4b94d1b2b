"""Forum pages about groups: the list, a group's page and members, joining, invitations, "my groups".

Every object is looked up through the visibility querysets: what someone may not see is a 404, never a 403, so a
private group does not even confirm that it exists.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from accounts import access, roles
from forum import display, mentions, services
from forum.errors import ForumError
from forum.forms import InviteForm
from forum.models import ForumGroup, GroupMembership, Thread

THREADS_PER_PAGE = 25


def _visible_group(request, slug):
    return get_object_or_404(ForumGroup.objects.visible_to(request.user), slug=slug)


def _moderated_group(request, slug):
    return get_object_or_404(ForumGroup.objects.moderated_by(request.user), slug=slug)


def index(request):
    groups = display.groups_for_list(request.user)
    mine = {}
    if request.user.is_authenticated:
        mine = dict(
            GroupMembership.objects.filter(user=request.user, group__in=[g.pk for g in groups]).values_list(
                "group_id", "status"
            )
        )
    for group in groups:
        group.my_status = mine.get(group.pk)
    return render(request, "forum/index.html", {"groups": groups})


def group_detail(request, slug):
    group = _visible_group(request, slug)
    user = request.user
    membership = services.membership_of(group, user)
    readable = ForumGroup.objects.readable_by(user).filter(pk=group.pk).exists()
    context = {
        "group": group,
        "membership": membership,
        "readable": readable,
        "can_moderate": services.can_moderate(group, user, membership),
        "is_platform_member": roles.is_member(user),
    }
    if readable:
        page = Paginator(display.threads_for_group(group, user), THREADS_PER_PAGE).get_page(request.GET.get("page"))
        context["page_obj"] = page
        context["threads"] = display.decorate_threads(page.object_list, user)
        context["member_count"] = GroupMembership.objects.active().filter(group=group).count()
        context["posting_blocked"] = posting_blocked(group, user)
        if context["can_moderate"]:
            context["requests"] = (
                GroupMembership.objects.filter(group=group, status=GroupMembership.Status.REQUESTED)
                .select_related("user")
                .order_by("created_at")
            )
    return render(request, "forum/group.html", context)


def posting_blocked(group, user, thread=None) -> str | None:
    """Why `user` cannot post here (shown instead of the form), or None. The rate limit is only checked on sending."""
    try:
        services.check_can_post(group, user, thread=thread, rate_limit=False)
    except ForumError as error:
        return error.message
    return None


def can_see_members(group, user) -> bool:
    """Member lists show civil servants by name: platform members of readable groups only, never visitors."""
    if not roles.is_member(user) and not roles.in_group(user, roles.MODERATORS):
        return False
    return ForumGroup.objects.readable_by(user).filter(pk=group.pk).exists()


def group_members(request, slug):
    group = _visible_group(request, slug)
    if not can_see_members(group, request.user):
        raise Http404
    members = display.with_members(group)
    handle_of = {user.pk: handle for handle, user in mentions.handles(group).items()}
    for membership in members:
        membership.handle = handle_of.get(membership.user_id, "")
    can_moderate = services.can_moderate(group, request.user)
    return render(
        request,
        "forum/group_members.html",
        {"group": group, "members": members, "can_moderate": can_moderate},
    )


@login_required
@require_POST
def join(request, slug):
    group = _visible_group(request, slug)
    try:
        membership = services.join_group(group, request.user)
    except ForumError as error:
        messages.error(request, error.message)
        return redirect(group.get_absolute_url())
    if membership.status == GroupMembership.Status.ACTIVE:
        messages.success(request, _("You are now a member of this group."))
    else:
        messages.info(request, _("Your request has been sent to the group's moderators."))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def leave(request, slug):
    group = _visible_group(request, slug)
    services.leave_group(group, request.user)
    messages.info(request, _("You have left the group."))
    if ForumGroup.objects.visible_to(request.user).filter(pk=group.pk).exists():
        return redirect(group.get_absolute_url())
    return redirect("forum:index")


@login_required
def invite(request, slug):
    group = _moderated_group(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite(group, form.user, by=request.user)
        except ForumError as error:
            form.add_error("email", error.message)
        else:
            messages.success(request, _("The invitation has been sent."))
            return redirect("forum:group_members", slug=group.slug)
    return render(request, "forum/invite.html", {"group": group, "form": form})


@login_required
@require_POST
def respond(request, pk):
    """The invited person accepts or declines."""
    membership = get_object_or_404(
        GroupMembership.objects.select_related("group"), pk=pk, user=request.user, status=GroupMembership.Status.INVITED
    )
    accept = request.POST.get("answer") == "accept"
    try:
        services.respond_to_invitation(membership, accept)
    except ForumError as error:
        messages.error(request, error.message)
        return redirect("forum:my_groups")
    if accept:
        messages.success(request, _("Welcome to the group."))
        return redirect(membership.group.get_absolute_url())
    messages.info(request, _("You have declined the invitation."))
    return redirect("forum:my_groups")


@login_required
@require_POST
def decide(request, pk):
    """A group moderator decides on a request to join."""
    membership = get_object_or_404(
        GroupMembership.objects.filter(group__in=ForumGroup.objects.moderated_by(request.user)), pk=pk
    )
    accept = request.POST.get("answer") == "accept"
    try:
        services.decide_request(membership, accept, by=request.user)
    except ForumError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The request has been accepted.") if accept else _("The request has been declined.")
        )
    return redirect(membership.group.get_absolute_url())


@login_required
def my_groups(request):
    memberships = (
        GroupMembership.objects.filter(user=request.user)
        .exclude(status__in=[GroupMembership.Status.DECLINED, GroupMembership.Status.REMOVED])
        .select_related("group")
        .order_by("group__name")
    )
    return render(request, "forum/my_groups.html", {"memberships": memberships})


def discuss_page(request, page_id):
    """ "Discuss in the forum" from a page: the thread about it that the reader may see, or a start for one."""
    page = access.readable_page_or_refuse(request.user, Page.objects.all(), page_id).specific
    thread = Thread.objects.visible_to(request.user).filter(related_page=page).order_by("-last_activity_at").first()
    if thread is not None:
        return redirect(thread.get_absolute_url())
    groups = []
    if request.user.is_authenticated:
        groups = [g for g in ForumGroup.objects.readable_by(request.user) if posting_blocked(g, request.user) is None]
    return render(request, "forum/discuss_page.html", {"page": page, "groups": groups})
