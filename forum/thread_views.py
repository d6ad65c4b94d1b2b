"""Forum pages about threads and posts: reading, starting, replying, quoting, editing, history, watching."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from core.page_cache import public_for_visitors
from core.params import positive_int
from forum import display, permissions, services
from forum.errors import ForumError
from forum.forms import PostForm, ThreadForm
from forum.markup import quote
from forum.models import PostStatus, ThreadPseudonym, ThreadReadMarker, ThreadWatch

POSTS_PER_PAGE = 20


def _visible_thread(request, pk):
    return get_object_or_404(permissions.visible_threads(request.user).select_related("group"), pk=pk)


@public_for_visitors
def thread_detail(request, pk):
    thread = _visible_thread(request, pk)
    group, user = thread.group, request.user
    membership = services.membership_of(group, user)
    can_moderate = permissions.can_moderate(user, group, membership)
    page = Paginator(display.posts_for_thread(thread, user), POSTS_PER_PAGE).get_page(request.GET.get("page"))
    pseudonyms = display.pseudonym_map(thread)
    last_read = None
    if user.is_authenticated:
        last_read = (
            ThreadReadMarker.objects.filter(thread=thread, user=user).values_list("last_read_at", flat=True).first()
        )
    posts = list(page.object_list)
    for post in posts:
        post.thread = thread  # already loaded: the permission checks below look at it without a query per post
        post.byline = display.byline(post, pseudonyms, moderator=can_moderate)
        post.is_new = user.is_authenticated and last_read is not None and post.created_at > last_read
        post.is_own = user.is_authenticated and post.author_id == user.pk
        post.can_edit = permissions.can_edit(user, post, membership=membership, moderator=can_moderate)
        post.can_report = permissions.can_report(user, post, readable=True)
    if posts:
        # Mark as read up to the newest post shown, so later pages still count as new.
        services.mark_read(thread, user, max(p.created_at for p in posts) if page.has_next() else None)
    blocked = permissions.posting_blocked(user, group, thread=thread, membership=membership)
    context = {
        "thread": thread,
        "group": group,
        "page_obj": page,
        "posts": posts,
        "can_moderate": can_moderate,
        "membership": membership,
        "posting_blocked": blocked,
        # Someone who writes under a pseudonym in this thread keeps it by default: one unticked box would unmask them.
        "form": PostForm(group=group, initial={"pseudonymous": user.pk in pseudonyms}) if blocked is None else None,
        "watching": user.is_authenticated and ThreadWatch.objects.filter(thread=thread, user=user).exists(),
        "first_new": next((p for p in posts if p.is_new), None),
        # The thread is readable to more people than the page may be: its title only for who may read it.
        "related_page": _readable_related_page(user, thread.related_page_id),
    }
    return render(request, "forum/thread.html", context)


def post_permalink(request, pk):
    post = get_object_or_404(permissions.visible_posts(request.user).select_related("thread"), pk=pk)
    before = (
        permissions.visible_posts(request.user)
        .filter(thread=post.thread, created_at__lte=post.created_at)
        .exclude(created_at=post.created_at, pk__gt=post.pk)
        .count()
    )
    page = (before - 1) // POSTS_PER_PAGE + 1
    url = reverse("forum:thread", kwargs={"pk": post.thread_id})
    return redirect(f"{url}?page={page}#post-{post.pk}" if page > 1 else f"{url}#post-{post.pk}")


def _readable_related_page(user, page_id):
    if page_id is None:
        return None
    return access.readable_pages(user).filter(pk=page_id).first()


def _related_page(request, value):
    pk = positive_int(value)
    return None if pk is None else _readable_related_page(request.user, pk)


@login_required
def new_thread(request, slug):
    group = get_object_or_404(permissions.readable_groups(request.user), slug=slug)
    blocked = permissions.posting_blocked(request.user, group)
    related_page = _related_page(request, request.POST.get("related_page") or request.GET.get("page"))
    initial = {}
    if related_page is not None and request.method == "GET":
        page_url = related_page.get_url(request)
        initial["title"] = related_page.title
        initial["body"] = _("About [%(title)s](%(url)s):") % {"title": related_page.title, "url": page_url} + "\n\n"
    form = ThreadForm(request.POST or None, group=group, initial=initial)
    if request.method == "POST" and blocked is None and form.is_valid():
        try:
            thread = services.create_thread(
                group,
                request.user,
                title=form.cleaned_data["title"],
                body_markdown=form.composed_markdown(),
                template=form.cleaned_data["template"],
                pseudonymous=form.cleaned_data.get("pseudonymous", False),
                related_page=related_page,
            )
        except ForumError as error:
            form.add_error(None, error.message)
        else:
            if thread.status == PostStatus.HELD:
                messages.info(request, _("Your thread awaits moderation. The group will see it once it is approved."))
            else:
                messages.success(request, _("Your thread has been posted."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "forum/thread_form.html",
        {"group": group, "form": form, "posting_blocked": blocked, "related_page": related_page},
    )


@login_required
def reply(request, pk):
    thread = _visible_thread(request, pk)
    group = thread.group
    blocked = permissions.posting_blocked(request.user, group, thread=thread)
    initial = {}
    quoted = positive_int(request.GET.get("quote"))
    if request.method == "GET" and quoted is not None:
        source = permissions.visible_posts(request.user).filter(thread=thread, pk=quoted).first()
        if source is not None:
            initial["body"] = quote(source.body_markdown)
    initial["pseudonymous"] = ThreadPseudonym.objects.filter(thread=thread, user=request.user).exists()
    form = PostForm(request.POST or None, group=group, initial=initial)
    if request.method == "POST" and blocked is None and form.is_valid():
        try:
            post = services.reply(
                thread,
                request.user,
                form.cleaned_data["body"],
                pseudonymous=form.cleaned_data.get("pseudonymous", False),
            )
        except ForumError as error:
            form.add_error(None, error.message)
        else:
            if post.status == PostStatus.HELD:
                messages.info(request, _("Your reply awaits moderation. The group will see it once it is approved."))
            else:
                messages.success(request, _("Your reply has been posted."))
            return redirect("forum:post", pk=post.pk)
    return render(
        request, "forum/reply_form.html", {"thread": thread, "group": group, "form": form, "posting_blocked": blocked}
    )


def _own_post(request, pk):
    post = get_object_or_404(permissions.visible_posts(request.user).select_related("thread", "thread__group"), pk=pk)
    if not permissions.can_edit(request.user, post):
        raise Http404
    return post


@login_required
def edit_post(request, pk):
    post = _own_post(request, pk)
    group = post.thread.group
    form = PostForm(request.POST or None, group=group, allow_pseudonym=False, initial={"body": post.body_markdown})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(post, request.user, form.cleaned_data["body"])
        except ForumError as error:
            form.add_error(None, error.message)
        else:
            if post.status == PostStatus.HELD:
                messages.info(request, _("Your changes await moderation."))
            else:
                messages.success(request, _("Your changes have been saved."))
            return redirect("forum:post", pk=post.pk)
    return render(request, "forum/post_edit.html", {"post": post, "thread": post.thread, "group": group, "form": form})


def post_history(request, pk):
    """Earlier versions of a post: for its author and the group's moderators only."""
    posts = permissions.posts_with_visible_history(request.user)
    post = get_object_or_404(posts.select_related("thread", "thread__group"), pk=pk)
    group = post.thread.group
    can_moderate = permissions.can_moderate(request.user, group)
    revisions = post.revisions.select_related("editor").order_by("-replaced_at", "-pk")
    return render(
        request,
        "forum/post_history.html",
        {"post": post, "thread": post.thread, "group": group, "revisions": revisions, "can_moderate": can_moderate},
    )


@login_required
@require_POST
def toggle_watch(request, pk):
    thread = _visible_thread(request, pk)
    if request.POST.get("watch") == "1":
        services.watch(thread, request.user)
        messages.success(request, _("You will be notified of new replies in this thread."))
    else:
        services.unwatch(thread, request.user)
        messages.info(request, _("You will no longer be notified of replies in this thread."))
    return redirect(thread.get_absolute_url())
