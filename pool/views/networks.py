"""Placeholder: replaced by the real views."""

from django.http import Http404


def directory(request, **kwargs):
    raise Http404


def detail(request, **kwargs):
    raise Http404


def join(request, **kwargs):
    raise Http404


def decide_membership(request, **kwargs):
    raise Http404


def edit_agreements(request, **kwargs):
    raise Http404


def ledger(request, **kwargs):
    raise Http404


def ledger_csv(request, **kwargs):
    raise Http404
