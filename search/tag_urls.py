"""Tag pages at /<language>/tags/<slug>/: config/urls.py includes this with
`path("tags/", include("search.tag_urls")),` inside i18n_patterns, before the Wagtail catch-all."""

from django.urls import path

from search import views

app_name = "tags"

urlpatterns = [path("<str:slug>/", views.tag, name="tag")]
