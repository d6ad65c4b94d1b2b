"""Placeholder: replaced by the real views."""

from django.http import Http404


def my_profile(request, **kwargs):
    raise Http404


def delete_profile(request, **kwargs):
    raise Http404


def profile_detail(request, **kwargs):
    raise Http404


def organisation_mediators(request, **kwargs):
    raise Http404


def decide_consent(request, **kwargs):
    raise Http404


def requesters(request, **kwargs):
    raise Http404


def remove_requester(request, **kwargs):
    raise Http404
