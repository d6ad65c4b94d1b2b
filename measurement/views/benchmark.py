"""PLACEHOLDER (skeleton): the benchmark area fills this in."""

from django.http import HttpResponse


def benchmark(request, slug):
    return HttpResponse("benchmark")
