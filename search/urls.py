from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
    # Until config/urls.py includes search.tag_urls at "tags/" (then tag links point there).
    path("tags/<str:slug>/", views.tag, name="tag"),
]
