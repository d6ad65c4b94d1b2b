from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
    # The tag page for a project that leaves search.tag_urls out; tag links prefer /tags/ (search.services.tag_url).
    path("tags/<str:slug>/", views.tag, name="tag"),
]
