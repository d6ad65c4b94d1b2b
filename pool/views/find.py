"""Placeholder: replaced by the real views."""

from django.http import Http404


def find(request, **kwargs):
    raise Http404
