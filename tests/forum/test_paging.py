"""Paging through a group's threads keeps the rest of the address (filters, a search query) as it was."""

from forum.models import Thread
from forum.views import THREADS_PER_PAGE


def test_the_paging_links_of_a_group_keep_the_other_parameters(client, public_group):
    Thread.objects.bulk_create(
        Thread(group=public_group, title=f"Onderwerp {number}") for number in range(THREADS_PER_PAGE + 1)
    )
    page = client.get(f"/nl/forum/groups/{public_group.slug}/", {"page": "1", "view": "compact"}).content.decode()
    assert 'rel="next" href="?page=2&amp;view=compact"' in page
