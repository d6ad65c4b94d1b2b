from django.urls import path

from knowledge.experiences import views

app_name = "experiences"

urlpatterns = [
    path("experiences/submit/", views.submit, name="submit"),
    path("experiences/submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("experiences/submissions/<int:pk>/edit/", views.edit, name="edit"),
    path("experiences/submissions/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("experiences/moderation/", views.moderation_queue, name="moderation"),
    path("experiences/moderation/<int:pk>/", views.review, name="review"),
    path("experiences/moderation/revisions/<int:pk>/purge/", views.purge_revision, name="purge_revision"),
    path("experiences/moderation/<int:pk>/<slug:action>/", views.decide, name="decide"),
    path("experiences/<int:page_id>/useful/", views.useful, name="useful"),
    path("my/contributions/", views.my_contributions, name="my_contributions"),
]
