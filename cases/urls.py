from django.urls import path

from cases.views import organisation, register, route, work

app_name = "cases"

urlpatterns = [
    # the register: my cases (all of them for coordinators), registering one, a case's page
    path("", register.index, name="index"),
    path("new/", register.create, name="create"),
    path("<int:pk>/", register.detail, name="detail"),
    path("<int:pk>/edit/", register.edit, name="edit"),
    path("<int:pk>/people/", register.parties, name="parties"),
    path("<int:pk>/people/<int:party_pk>/remove/", register.remove_party, name="remove_party"),
    path("<int:pk>/assigned/", register.assignments, name="assignments"),
    path("<int:pk>/assigned/<int:assignment_pk>/remove/", register.unassign, name="unassign"),
    # working the case: contacts, the informal approach and its letter, the protocol's checklist
    path("<int:pk>/contacts/new/", work.add_contact, name="add_contact"),
    path("<int:pk>/contacts/<int:contact_pk>/edit/", work.edit_contact, name="edit_contact"),
    path("<int:pk>/informal/new/", work.add_informal, name="add_informal"),
    path("<int:pk>/informal/<int:informal_pk>/edit/", work.edit_informal, name="edit_informal"),
    path("<int:pk>/informal/<int:informal_pk>/letter.docx", work.letter, name="letter"),
    path("<int:pk>/protocol/", work.choose_protocol, name="choose_protocol"),
    path("<int:pk>/checklist/<int:item_pk>/", work.tick, name="tick"),
    # the mediation route and the outcome
    path("<int:pk>/mediation/", route.start_mediation, name="start_mediation"),
    path("<int:pk>/mediation/officials/new/", route.add_official, name="add_official"),
    path("<int:pk>/mediation/officials/<int:official_pk>/confirm/", route.confirm_mandate, name="confirm_mandate"),
    path("<int:pk>/mediation/officials/<int:official_pk>/remove/", route.remove_official, name="remove_official"),
    path("<int:pk>/mediation/step/", route.reach_step, name="reach_step"),
    path("<int:pk>/mediation/meetings/new/", route.add_meeting, name="add_meeting"),
    path("<int:pk>/close/", route.close, name="close"),
    path("<int:pk>/reopen/", route.reopen, name="reopen"),
    path("<int:pk>/hours/", route.hours, name="hours"),
    # the coordinators' side: the audit log, retention and the letter templates
    path("<int:pk>/log/", organisation.case_log, name="case_log"),
    path("organisation/<slug:slug>/log/", organisation.log, name="log"),
    path("organisation/<slug:slug>/settings/", organisation.settings, name="settings"),
    path("organisation/<slug:slug>/letters/<str:language>/", organisation.letter_template, name="letter_template"),
]
