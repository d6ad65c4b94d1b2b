from django.urls import path

from forum.moderation import views

app_name = "forum_moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("posts/<int:pk>/report/", views.report, name="report"),
    path("audit/", views.audit_log, name="audit"),
    path("members/<int:user_id>/", views.member_history_page, name="member_history"),
    # kind: item, post, revision, thread, member, account or person (see forum.moderation.actions.targets)
    path("act/<slug:kind>/<int:pk>/<slug:action_id>/", views.act, name="act"),
]
