"""PLACEHOLDER (skeleton): the benchmark/settings area fills this in."""

from django.http import HttpResponse


def edit_settings(request, slug):
    return HttpResponse("settings")


def access(request, slug):
    return HttpResponse("access")


def revoke_access(request, slug, pk):
    return HttpResponse("revoke")
