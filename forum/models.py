"""Forum: intervision groups spanning organisations, their threads and posts.

Who may read what is decided in `forum.permissions` and nowhere else. State changes (publishing, hiding, moving,
joining…) live in `forum.services`; reports, the review queue and the audit log live in `forum.moderation`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_single_line

# The longest text a post may have, also enforced by the database. Forms and services say so in words first;
# FORUM_MAX_POST_LENGTH may lower it, not raise it.
POST_LENGTH_LIMIT = 20_000


# --- groups -------------------------------------------------------------------------------------------------------


class ForumGroup(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can read")
        PLATFORM = "platform", _("Platform: members of the platform can read")
        PRIVATE = "private", _("Private: only group members know its content")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: members join directly")
        REQUEST = "request", _("On request: a group moderator decides")
        INVITATION = "invitation", _("Invitation only")

    class Premoderation(models.TextChoices):
        OFF = "off", _("Off")
        FIRST_POSTS = "first_posts", _("First posts of a new member")
        ALL = "all", _("All posts")

    name = models.CharField(_("name"), max_length=150, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PLATFORM
    )
    join_policy = models.CharField(_("join policy"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.OPEN)
    max_members = models.PositiveSmallIntegerField(
        _("maximum number of members"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(10000)],
        help_text=_("Leave empty for no limit. Intervision groups usually have 6 to 12 members."),
    )
    premoderation = models.CharField(
        _("pre-moderation"), max_length=16, choices=Premoderation.choices, default=Premoderation.OFF
    )
    premoderation_first_posts = models.PositiveSmallIntegerField(
        _("number of first posts to hold"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Used when pre-moderation holds the first posts of a new member."),
    )
    allow_pseudonyms = models.BooleanField(_("allow pseudonymous posts"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("forum group")
        verbose_name_plural = _("forum groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forum:group", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    @property
    def is_premoderated(self) -> bool:
        return self.premoderation != self.Premoderation.OFF

    @property
    def join_is_open(self) -> bool:
        """Members join at once (rather than asking, or waiting for an invitation)."""
        return self.join_policy == self.JoinPolicy.OPEN


class GroupMembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=GroupMembership.Status.ACTIVE)

    def moderators(self):
        return self.filter(role=GroupMembership.Role.MODERATOR)


class GroupMembership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MODERATOR = "moderator", _("Group moderator")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        REQUESTED = "requested", _("Requested")
        INVITED = "invited", _("Invited")
        DECLINED = "declined", _("Declined")
        REMOVED = "removed", _("Removed by a moderator")

    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED)
    # Pre-moderation of "the first N posts": counts this member's posts that were published in the group.
    posts_approved = models.PositiveIntegerField(_("approved posts"), default=0)
    suspended_until = models.DateTimeField(_("suspended until"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = GroupMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        ordering = ["group__name", "user__last_name", "user__first_name"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="forum_membership_unique")]

    def __str__(self):
        return f"{self.user} – {self.group}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_invited(self):
        return self.status == self.Status.INVITED

    @property
    def is_requested(self):
        return self.status == self.Status.REQUESTED

    @property
    def is_removed(self):
        return self.status == self.Status.REMOVED

    @property
    def is_moderator(self):
        return self.is_active and self.role == self.Role.MODERATOR

    def is_suspended(self, now=None) -> bool:
        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())


# --- threads and posts --------------------------------------------------------------------------------------------


class PostStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Awaiting moderation")
    HIDDEN = "hidden", _("Hidden by a moderator")
    REJECTED = "rejected", _("Rejected")


class ModerationReason(models.TextChoices):
    """Why a post was reported, and why a moderator hid or rejected it: one list, so reporters and authors read the
    same words."""

    PERSONAL_DATA = "personal_data", _("Personal or confidential data")
    DISRESPECTFUL = "disrespectful", _("Disrespectful")
    OFF_TOPIC = "off_topic", _("Off-topic")
    SPAM = "spam", _("Spam")
    OTHER = "other", _("Other")


# Not a moderator's choice: the post was held by itself once enough members reported it (forum.moderation).
HELD_AFTER_REPORTS = "reports"
POST_MODERATION_REASONS = [
    *ModerationReason.choices,
    (HELD_AFTER_REPORTS, _("Held for review after reports from several members")),
]


class Thread(models.Model):
    class Template(models.TextChoices):
        FREE = "free", _("Free discussion")
        CASE = "case", _("Case consultation")

    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="forum_threads"
    )
    is_pseudonymous = models.BooleanField(_("posted under a pseudonym"), default=False)
    template = models.CharField(_("kind of thread"), max_length=16, choices=Template.choices, default=Template.FREE)
    # Mirrors the first post's status, so thread lists filter without joining posts.
    status = models.CharField(_("status"), max_length=16, choices=PostStatus.choices, default=PostStatus.PUBLISHED)
    sticky = models.BooleanField(_("sticky"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("related page"),
    )
    first_post = models.OneToOneField("forum.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Denormalised from PUBLISHED posts only (forum.services.refresh_thread_stats): held or hidden posts never
    # show up in counts or "last post".
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    last_post = models.ForeignKey("forum.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-sticky", "-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["group", "-sticky", "-last_activity_at"], name="forum_thread_list_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forum:thread", kwargs={"pk": self.pk})

    @property
    def is_published(self):
        return self.status == PostStatus.PUBLISHED

    @property
    def is_held(self):
        return self.status == PostStatus.HELD

    @property
    def is_case_consultation(self):
        return self.template == self.Template.CASE


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PostStatus.PUBLISHED)


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="forum_posts"
    )
    is_pseudonymous = models.BooleanField(_("posted under a pseudonym"), default=False)
    body_markdown = models.TextField(_("text"))
    # Rendered from body_markdown by forum.markup (Markdown + nh3 allow-list) on every save: templates show it as is.
    body_html = models.TextField(editable=False, default="")
    status = models.CharField(_("status"), max_length=16, choices=PostStatus.choices, default=PostStatus.PUBLISHED)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set when the post is first published: replies and mentions are notified once, not again after an un-hide.
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    # Why the post is not published, for its author: on the post itself so that a thread page shows it without a
    # query per post. Set when a moderator hides or rejects it (or it is held after reports), cleared on publishing.
    moderation_reason = models.CharField(
        _("moderation reason"), max_length=20, choices=POST_MODERATION_REASONS, blank=True
    )
    moderation_note = models.TextField(_("moderator's explanation"), blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "status", "created_at"], name="forum_post_thread_idx"),
            models.Index(fields=["author", "created_at"], name="forum_post_author_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body_markdown"), POST_LENGTH_LIMIT), name="forum_post_length"
            ),
        ]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def save(self, *args, **kwargs):
        from forum.markup import render_markdown
        from forum.mentions import link_mentions

        group = self.thread.group
        self.body_html = render_markdown(self.body_markdown, before_sanitising=lambda html: link_mentions(html, group))
        if kwargs.get("update_fields") is not None and "body_markdown" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forum:post", kwargs={"pk": self.pk})

    @property
    def is_published(self):
        return self.status == PostStatus.PUBLISHED

    @property
    def is_held(self):
        return self.status == PostStatus.HELD

    @property
    def is_held_after_reports(self):
        return self.moderation_reason == HELD_AFTER_REPORTS


class PostRevision(models.Model):
    """An earlier text of a post, kept when the post is edited. The current text is on the post itself.

    A moderator may purge a revision with sensitive text: the text is blanked (forum.services.purge_revision), the
    row stays so the history shows that something was removed.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body_markdown = models.TextField(_("text"), blank=True)
    # Who wrote this version and when it was written; replaced_at is when the next edit superseded it.
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("written at"))
    replaced_at = models.DateTimeField(_("replaced at"), default=timezone.now)
    purged_at = models.DateTimeField(_("purged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        ordering = ["post", "-replaced_at", "-pk"]

    def __str__(self):
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_purged(self):
        return self.purged_at is not None


class PostMention(models.Model):
    """Who a post mentions, so that editing a post notifies only people newly mentioned."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="forum_mention_unique")]

    def __str__(self):
        return f"{self.post_id} → {self.user_id}"


class ThreadPseudonym(models.Model):
    """ "Participant 3": one number per person per thread, stable for the life of the thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="pseudonyms")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="forum_pseudonym_user_unique"),
            models.UniqueConstraint(fields=["thread", "number"], name="forum_pseudonym_number_unique"),
        ]

    def __str__(self):
        return f"{self.thread_id} #{self.number}"


class ThreadReadMarker(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="forum_read_marker_unique")]

    def __str__(self):
        return f"{self.user_id} read {self.thread_id}"


class ThreadWatch(models.Model):
    """Who gets a "reply" notification: authors and repliers watch automatically, anyone may stop."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="forum_watch_unique")]

    def __str__(self):
        return f"{self.user_id} watches {self.thread_id}"
