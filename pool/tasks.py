"""Background work of the pool: telling a network's pool mediators about a new request."""

from django_tasks import task

from pool import notifications


@task()
def announce_new_request(request_id: int) -> int:
    """Notify the pool mediators who may offer on the request; returns how many were told."""
    return notifications.notify_pool_mediators(request_id)
