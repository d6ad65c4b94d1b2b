"""PLACEHOLDER (skeleton): the dashboard area fills this in."""

from django.http import HttpResponse


def index(request):
    return HttpResponse("dashboard index")


def dashboard(request, slug):
    return HttpResponse("dashboard")


def export_csv(request, slug):
    return HttpResponse("csv")


def report(request, slug):
    return HttpResponse("report")
