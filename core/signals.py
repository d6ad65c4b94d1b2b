"""Receivers that keep the page cache and a CDN in front of it in step with what readers may see.

The changes come from one place, `core.changes` (announced by the search app for everything its index follows): the
CDN purge is a task queued with the change, the new generation follows the commit; see core.page_cache for why one
new generation drops every stored page.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete

from core import changes, page_cache


def readable_content_changed(sender, sources, **kwargs):
    page_cache.bump()


def person_deleted(sender, instance, **kwargs):
    # A deleted member's name goes from their forum posts ("former member") by a set-null that sends no signal.
    # After the commit, not in a task: a new generation before it would let a request store the old name under it.
    # It stays a hook because it cannot fail the request (bump logs a cache error, robust=True logs anything else)
    # nor slow it (one cache write), and a lost bump only keeps a page until its cache timeout.
    transaction.on_commit(page_cache.bump, robust=True)


def connect() -> None:
    changes.committed.connect(readable_content_changed, dispatch_uid="core.page_cache.changed")
    post_delete.connect(person_deleted, sender=get_user_model(), dispatch_uid="core.page_cache.person_deleted")
