from django.urls import path

from knowledge.dilemmas import views

app_name = "dilemmas"

urlpatterns = [
    path("worksheets/", views.worksheet_list, name="list"),
    path("worksheets/start/<int:plan_id>/", views.start, name="start"),
    path("worksheets/<int:pk>/", views.worksheet_view, name="worksheet"),
    path("worksheets/<int:pk>/step/<int:number>/", views.step, name="step"),
    path("worksheets/<int:pk>/step/<int:number>/autosave/", views.autosave, name="autosave"),
    path("worksheets/<int:pk>/comments/", views.comment, name="comment"),
    path("worksheets/<int:pk>/sharing/", views.sharing, name="sharing"),
    path("worksheets/<int:pk>/sharing/<int:invitation_id>/revoke/", views.revoke, name="revoke"),
    path("worksheets/<int:pk>/memo/", views.memo, name="memo"),
    path("worksheets/<int:pk>/memo/download/", views.memo_download, name="memo_download"),
    path("worksheets/<int:pk>/delete/", views.delete, name="delete"),
]
