"""Forum URLs (included at forum/; moderation lives at forum/moderation/, included before these)."""

from django.urls import path

from forum import feeds, thread_views, views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("my/groups/", views.my_groups, name="my_groups"),
    path("discuss/page/<int:page_id>/", views.discuss_page, name="discuss_page"),
    path("threads/<int:pk>/", thread_views.thread_detail, name="thread"),
    path("threads/<int:pk>/reply/", thread_views.reply, name="reply"),
    path("threads/<int:pk>/watch/", thread_views.toggle_watch, name="watch"),
    path("posts/<int:pk>/", thread_views.post_permalink, name="post"),
    path("posts/<int:pk>/edit/", thread_views.edit_post, name="edit_post"),
    path("posts/<int:pk>/history/", thread_views.post_history, name="post_history"),
    path("memberships/<int:pk>/respond/", views.respond, name="respond"),
    path("memberships/<int:pk>/decide/", views.decide, name="decide"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
    path("groups/<slug:slug>/members/", views.group_members, name="group_members"),
    path("groups/<slug:slug>/join/", views.join, name="join"),
    path("groups/<slug:slug>/leave/", views.leave, name="leave"),
    path("groups/<slug:slug>/invite/", views.invite, name="invite"),
    path("groups/<slug:slug>/new/", thread_views.new_thread, name="new_thread"),
    path("groups/<slug:slug>/feed/rss/", feeds.GroupRssFeed(), name="feed_rss"),
    path("groups/<slug:slug>/feed/atom/", feeds.GroupAtomFeed(), name="feed_atom"),
]
