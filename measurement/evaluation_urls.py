"""The party evaluation, open to anyone with a code: no login, no account, nothing that says who answered."""

from django.urls import path

from measurement.views import evaluation

app_name = "evaluation"

urlpatterns = [
    path("", evaluation.enter_code, name="enter"),
    path("<str:code>/", evaluation.answer, name="answer"),
    path("<str:code>/thanks/", evaluation.thanks, name="thanks"),
]
