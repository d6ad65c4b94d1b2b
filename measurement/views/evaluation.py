"""PLACEHOLDER (skeleton): the evaluation area fills this in."""

from django.http import HttpResponse


def codes(request, pk):
    return HttpResponse("codes")


def slips(request, pk):
    return HttpResponse("slips")


def enter_code(request):
    return HttpResponse("enter")


def answer(request, code):
    return HttpResponse("answer")


def thanks(request, code):
    return HttpResponse("thanks")
