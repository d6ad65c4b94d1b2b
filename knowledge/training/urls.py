from django.urls import path

from knowledge.training import views

app_name = "training"

# Every pattern starts with an English prefix no page slug takes ("training/…", "my/…"); the page tree gets the rest.
urlpatterns = [
    path("training/calendar.ics", views.calendar_feed, name="calendar"),
    path("training/modules/<int:pk>/calendar.ics", views.module_calendar, name="module_calendar"),
    path("training/sessions/<int:pk>/enrol/", views.enrol, name="session_enrol"),
    path("training/sessions/<int:pk>/calendar.ics", views.session_calendar, name="session_calendar"),
    path("training/sessions/<int:pk>/participants/", views.participants, name="session_participants"),
    path("training/sessions/<int:pk>/participants.csv", views.participants_csv, name="session_participants_csv"),
    path("training/sessions/<int:pk>/cancel/", views.cancel_session, name="session_cancel"),
    path("training/enrolments/<int:pk>/", views.enrolment_detail, name="enrolment"),
    path("training/enrolments/<int:pk>/calendar.ics", views.enrolment_calendar, name="enrolment_calendar"),
    path("training/enrolments/<int:pk>/cancel/", views.cancel_enrolment, name="enrolment_cancel"),
    path("training/trajectory/<slug:slug>/", views.trajectory_overview, name="trajectory"),
    path("training/trajectory/<slug:slug>/edit/", views.trajectory_edit, name="trajectory_edit"),
    path("my/trainings/", views.my_trainings, name="my_trainings"),
]
