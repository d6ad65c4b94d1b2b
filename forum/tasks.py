"""Background work of the forum: telling people about a published post (queued with the change that publishes it)."""

from django_tasks import task

from forum import notifications


@task()
def announce_post(post_id: int, replies: bool, event: str) -> int:
    """Notify watchers and mentioned members about one post; see forum.notifications.announce_post."""
    return notifications.announce_post(post_id, replies=replies, event=event)
