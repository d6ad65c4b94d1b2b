from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import privacy_views, views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/check-your-mail/", views.signup_done, name="signup_done"),
    path("verify/resend/", views.resend_verification, name="resend_verification"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("profile/", views.profile, name="profile"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path("organisations/<slug:slug>/members/<int:pk>/remove/", views.remove_member, name="organisation_member_remove"),
    path("membership/confirm/<str:token>/", views.reconfirm, name="reconfirm"),
    path("my/data/", privacy_views.my_data, name="my_data"),
    path("my/account/delete/", privacy_views.delete_account, name="delete_account"),
]
