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
from core.page_cache import public_for_visitors
from forum import display, mentions, permissions, services
from forum.errors import ForumError
from forum.forms import InviteForm
from forum.models import GroupMembership

THREADS_PER_PAGE = 25


def _visible_group(request, slug):
    return get_object_or_404(permissions.visible_groups(request.user), slug=slug)


def _moderated_group(request, slug):
    return get_object_or_404(permissions.moderated_groups(request.user), slug=slug)


@public_for_visitors
def index(request):
    groups = display.groups_for_list(request.user)
    mine = {}
    if request.user.is_authenticated:
        memberships = GroupMembership.objects.filter(user=request.user, group__in=[g.pk for g in groups])
        mine = {membership.group_id: membership for membership in memberships}
    for group in groups:
        group.my_membership = mine.get(group.pk)
    return render(request, "forum/index.html", {"groups": groups})


@public_for_visitors
def group_detail(request, slug):
    group = _visible_group(request, slug)
    user = request.user
    membership = services.membership_of(group, user)
    readable = permissions.can_read_group(user, group)
    context = {
        "group": group,
        "membership": membership,
        "readable": readable,
        "can_moderate": permissions.can_moderate(user, group, membership),
        "can_join": permissions.can_join(user, group),
        "can_see_members": permissions.can_see_members(user, group),
        "is_platform_member": roles.is_member(user),
    }
    if readable:
        page = Paginator(display.threads_for_group(group, user), THREADS_PER_PAGE).get_page(request.GET.get("page"))
        context["page_obj"] = page
        context["threads"] = display.decorate_threads(page.object_list, user)
        context["member_count"] = GroupMembership.objects.active().filter(group=group).count()
        context["posting_blocked"] = permissions.posting_blocked(user, group, membership=membership)
        if context["can_moderate"]:
            context["requests"] = (
                GroupMembership.objects.filter(group=group, status=GroupMembership.Status.REQUESTED)
                .select_related("user")
                .order_by("created_at")
            )
    return render(request, "forum/group.html", context)


def group_members(request, slug):
    group = _visible_group(request, slug)
    if not permissions.can_see_members(request.user, group):
        raise Http404
    members = display.with_members(group)
    handle_of = {user.pk: handle for handle, user in mentions.handles(group).items()}
    for membership in members:
        membership.handle = handle_of.get(membership.user_id, "")
    can_moderate = permissions.can_moderate(request.user, group)
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
    if permissions.visible_groups(request.user).filter(pk=group.pk).exists():
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
        GroupMembership.objects.filter(group__in=permissions.moderated_groups(request.user)), pk=pk
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
    thread = permissions.visible_threads(request.user).filter(related_page=page).order_by("-last_activity_at").first()
    if thread is not None:
        return redirect(thread.get_absolute_url())
    groups = []
    if request.user.is_authenticated:
        open_to_posting = permissions.groups_open_to_posting(request.user).values("pk")
        groups = permissions.readable_groups(request.user).filter(pk__in=open_to_posting)
    return render(request, "forum/discuss_page.html", {"page": page, "groups": groups})
