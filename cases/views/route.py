"""The mediation route: the mediator, the officials and their mandate, the steps and meetings; closing a case with
its outcome and hours."""

from django.http import Http404

from accounts.access import members_only


@members_only
def start_mediation(request, pk):
    raise Http404


@members_only
def add_official(request, pk):
    raise Http404


@members_only
def confirm_mandate(request, pk, official_pk):
    raise Http404


@members_only
def remove_official(request, pk, official_pk):
    raise Http404


@members_only
def reach_step(request, pk):
    raise Http404


@members_only
def add_meeting(request, pk):
    raise Http404


@members_only
def close(request, pk):
    raise Http404


@members_only
def reopen(request, pk):
    raise Http404


@members_only
def hours(request, pk):
    raise Http404
