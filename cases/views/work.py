"""Working a case: the contact log, the informal approach (BIA) and its confirmation letter, the protocol's
checklist."""

from django.http import Http404

from accounts.access import members_only


@members_only
def add_contact(request, pk):
    raise Http404


@members_only
def edit_contact(request, pk, contact_pk):
    raise Http404


@members_only
def add_informal(request, pk):
    raise Http404


@members_only
def edit_informal(request, pk, informal_pk):
    raise Http404


@members_only
def letter(request, pk, informal_pk):
    raise Http404


@members_only
def choose_protocol(request, pk):
    raise Http404


@members_only
def tick(request, pk, item_pk):
    raise Http404
