"""RSS and Atom feeds of a public group's threads.

Feed readers are anonymous, so a feed exists only for public groups and lists only what a visitor may read:
platform and private groups answer 404, as if they had no feed at all.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from forum import display, permissions
from forum.markup import plain_text

FEED_ITEMS = 30


class GroupRssFeed(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(permissions.visible_groups(AnonymousUser()), slug=slug)

    def title(self, group):
        return _("%(group)s – forum") % {"group": group.name}

    def link(self, group):
        return group.get_absolute_url()

    def description(self, group):
        return group.description

    def items(self, group):
        return (
            permissions.visible_threads(AnonymousUser())
            .filter(group=group)
            .select_related("author", "first_post")
            .order_by("-created_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        return Truncator(plain_text(thread.first_post.body_html if thread.first_post else "")).words(60)

    def item_author_name(self, thread):
        return display.thread_byline(thread)

    def item_pubdate(self, thread):
        return thread.created_at

    def item_updateddate(self, thread):
        return thread.last_activity_at


class GroupAtomFeed(GroupRssFeed):
    feed_type = Atom1Feed
    subtitle = GroupRssFeed.description
