"""The coordinators' side of the register: the audit log, the retention period and the letter templates."""

from django.http import Http404

from accounts.access import members_only


@members_only
def case_log(request, pk):
    raise Http404


@members_only
def log(request, slug):
    raise Http404


@members_only
def settings(request, slug):
    raise Http404


@members_only
def letter_template(request, slug, language):
    raise Http404
