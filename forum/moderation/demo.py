"""Demo content for forum moderation (run by `manage.py demo_content` after forum.demo).

Gives the moderators something to do at once: a reported post and a held post waiting in the queue, and two
decisions already in the audit log (a post hidden in the private intervision group, a held post approved).
Idempotent: every post is looked up by its text in its thread before anything is created.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from core.demo import register
from forum import services as forum_services
from forum.models import ForumGroup, Post, PostStatus, Thread
from forum.moderation.models import AuditEntry, Report, ReviewItem
from forum.moderation.services import open_item
from search import indexing

REPORTED = {
    "group": "mediation-sociaal-domein",
    "author": "k.jansen@almere.example",
    "text": (
        "Eerlijk gezegd is mediation bij een Wmo-bezwaar vooral uitstel. Wie denkt dat een gesprek het besluit "
        "verandert, heeft nog nooit een bezwaarcommissie van binnen gezien."
    ),
    "reports": [
        ("lid@almere.example", Report.Reason.DISRESPECTFUL, "Dit gaat over collega's, niet over de vraag."),
        ("redacteur@almere.example", Report.Reason.OFF_TOPIC, ""),
    ],
}
HELD = {
    "group": "netwerk-overheidsmediators",
    "author": "s.bakker@amersfoort.example",
    "text": (
        "In Amersfoort willen we onze twee mediators ook beschikbaar stellen voor buurgemeenten. Hoe verrekenen "
        "jullie de inzet: per zaak, of ruilen jullie uren tegen uren?"
    ),
}
APPROVED = {
    "group": "netwerk-overheidsmediators",
    "author": "trainer@zeist.example",
    "moderator": "j.vandijk@hilversum.example",
    "text": (
        "Vanuit Zeist: wij rekenen per zaak af tegen een vast regiotarief. Dat scheelt discussie over uren die "
        "aan voorbereiding opgaan."
    ),
}
HIDDEN = {
    "group": "intervisie-regio-eemland",
    "author": "j.vandijk@hilversum.example",
    "moderator": "coordinator@amersfoort.example",
    "text": (
        "Voor wie het dossier wil nalezen: het gaat om het gezin aan de Kerkstraat, zaaknummer 2026-0412, "
        "de oudste zoon belde vorige week weer."
    ),
    "report": (
        "lid@almere.example",
        Report.Reason.PERSONAL_DATA,
        "Straat en zaaknummer maken het gezin herkenbaar.",
    ),
    "reason": (
        "Straatnaam en zaaknummer maken de inwoners herleidbaar. Plaats de casus gerust opnieuw, zonder die gegevens."
    ),
}


def _thread_of(slug):
    return Thread.objects.filter(group__slug=slug, status=PostStatus.PUBLISHED).order_by("created_at", "pk").first()


def _post(spec, status, hours_ago):
    thread = _thread_of(spec["group"])
    if thread is None:
        return None, False
    existing = Post.objects.filter(thread=thread, body_markdown=spec["text"]).first()
    if existing is not None:
        return existing, False
    when = timezone.now() - timedelta(hours=hours_ago)
    post = Post.objects.create(
        thread=thread,
        author=User.objects.get(email=spec["author"]),
        body_markdown=spec["text"],
        status=status,
        created_at=when,
        published_at=when if status == PostStatus.PUBLISHED else None,
    )
    # Created directly (with a date in the past) rather than through forum.services, so index it here.
    indexing.schedule(post)
    return post, True


def _decide(post, moderator_email, action, status, reason="", category=""):
    """The decision as a moderator took it a couple of hours after the post came in."""
    moderator = User.objects.get(email=moderator_email)
    when = post.created_at + timedelta(hours=2)
    item = open_item(post)
    item.status = status
    item.version += 1
    item.decided_at = when
    item.decided_by = moderator
    item.decided_by_name = moderator.get_full_name()
    item.decision = action
    item.decision_reason = reason
    item.decision_category = category
    item.save()
    AuditEntry.record(
        actor=moderator,
        action=action,
        target=post,
        group=post.thread.group,
        reason=reason,
        label=f"{post.thread.title} #{post.pk}",
        created_at=when,
        category=category,
    )


def load(progress):
    if not ForumGroup.objects.filter(slug=REPORTED["group"]).exists():
        progress.step("forum moderation skipped: the demo forum groups are missing")
        return

    progress.step("a reported post waiting in the queue")
    post, created = _post(REPORTED, PostStatus.PUBLISHED, hours_ago=20)
    if created:
        forum_services.refresh_thread_stats(post.thread)
        item = open_item(post)
        for hours, (email, reason, text) in enumerate(REPORTED["reports"], start=1):
            when = post.created_at + timedelta(hours=hours)
            Report.objects.create(
                item=item, reporter=User.objects.get(email=email), reason=reason, text=text, created_at=when
            )
        ReviewItem.objects.filter(pk=item.pk).update(created_at=post.created_at + timedelta(hours=1))

    progress.step("a held post waiting for pre-moderation")
    post, created = _post(HELD, PostStatus.HELD, hours_ago=3)
    if created:
        ReviewItem.objects.create(post=post, held=True, created_at=post.created_at)

    progress.step("two decisions in the audit log")
    post, created = _post(APPROVED, PostStatus.PUBLISHED, hours_ago=30)
    if created:
        forum_services.refresh_thread_stats(post.thread)
        ReviewItem.objects.create(post=post, held=True, created_at=post.created_at)
        _decide(post, APPROVED["moderator"], "approve", ReviewItem.Status.APPROVED)
    post, created = _post(HIDDEN, PostStatus.HIDDEN, hours_ago=50)
    if created:
        email, reason, text = HIDDEN["report"]
        item = ReviewItem.objects.create(post=post, created_at=post.created_at + timedelta(hours=1))
        reporter = User.objects.get(email=email)
        Report.objects.create(item=item, reporter=reporter, reason=reason, text=text, created_at=item.created_at)
        category = Report.Reason.PERSONAL_DATA
        _decide(post, HIDDEN["moderator"], "hide", ReviewItem.Status.REJECTED, HIDDEN["reason"], category)
        # What the author reads above their hidden post.
        Post.objects.filter(pk=post.pk).update(moderation_reason=category, moderation_note=HIDDEN["reason"])


register(load, order=80)
