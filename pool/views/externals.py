"""Placeholder: replaced by the real views."""

from django.http import Http404


def create(request, **kwargs):
    raise Http404


def detail(request, **kwargs):
    raise Http404


def edit(request, **kwargs):
    raise Http404


def delete(request, **kwargs):
    raise Http404
