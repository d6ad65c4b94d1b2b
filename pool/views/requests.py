"""Placeholder: replaced by the real views."""

from django.http import Http404


def index(request, **kwargs):
    raise Http404


def create(request, **kwargs):
    raise Http404


def detail(request, **kwargs):
    raise Http404


def make_offer(request, **kwargs):
    raise Http404


def declare_conflict(request, **kwargs):
    raise Http404


def withdraw(request, **kwargs):
    raise Http404


def choose(request, **kwargs):
    raise Http404


def withdraw_offer(request, **kwargs):
    raise Http404


def approve(request, **kwargs):
    raise Http404


def refuse(request, **kwargs):
    raise Http404


def record_hours(request, **kwargs):
    raise Http404
