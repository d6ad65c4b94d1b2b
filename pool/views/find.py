"""Find a mediator: the member's own internal mediators, the pool of their networks and their external mediators.

Members only: no mediator's name ever reaches a visitor. The filters live in the address, so the suitability aid
can link here pre-filtered, and a visitor who follows that link lands on the same filtered list after logging in.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from accounts.access import members_only
from pool import permissions
from pool.forms.find import FindForm
from pool.queries import mediators as queries

PAGE_SIZE = 20


@members_only
def find(request):
    form = FindForm(request.GET or None)
    filters = form.filters()
    today = timezone.localdate()
    found = queries.find_mediators(request.user, filters, today=today)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page_obj": page,
        "count": len(found),
        "today": today,
        "askable_networks": permissions.askable_networks(request.user).order_by("name") if not found else [],
    }
    return render(request, "pool/find/find.html", context)
