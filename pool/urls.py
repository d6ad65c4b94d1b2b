from django.urls import path

from pool.views import externals, find, networks, profiles, requests

app_name = "pool"

urlpatterns = [
    path("", requests.index, name="index"),
    # mediators: the member's own profile, finding one, the coordinator's confirmations
    path("find/", find.find, name="find"),
    path("profile/", profiles.my_profile, name="my_profile"),
    path("profile/delete/", profiles.delete_profile, name="delete_profile"),
    path("mediators/<int:pk>/", profiles.profile_detail, name="profile"),
    path("organisation/<slug:slug>/mediators/", profiles.organisation_mediators, name="organisation_mediators"),
    path(
        "organisation/<slug:slug>/mediators/<int:pk>/consent/",
        profiles.decide_consent,
        name="decide_consent",
    ),
    path("organisation/<slug:slug>/requesters/", profiles.requesters, name="requesters"),
    path("organisation/<slug:slug>/requesters/<int:pk>/remove/", profiles.remove_requester, name="remove_requester"),
    # external mediators, kept by the organisation's coordinators
    path("organisation/<slug:slug>/externals/new/", externals.create, name="external_create"),
    path("externals/<int:pk>/", externals.detail, name="external"),
    path("externals/<int:pk>/edit/", externals.edit, name="external_edit"),
    path("externals/<int:pk>/delete/", externals.delete, name="external_delete"),
    # regional networks
    path("networks/", networks.directory, name="networks"),
    path("networks/<slug:slug>/", networks.detail, name="network"),
    path("networks/<slug:slug>/join/", networks.join, name="network_join"),
    path("networks/<slug:slug>/memberships/<int:pk>/decide/", networks.decide_membership, name="network_decide"),
    path("networks/<slug:slug>/agreements/", networks.edit_agreements, name="network_agreements"),
    path("networks/<slug:slug>/ledger/", networks.ledger, name="network_ledger"),
    path("networks/<slug:slug>/ledger.csv", networks.ledger_csv, name="network_ledger_csv"),
    # asking a network for a mediator
    path("networks/<slug:slug>/ask/", requests.create, name="request_create"),
    path("requests/<int:pk>/", requests.detail, name="request"),
    path("requests/<int:pk>/offer/", requests.make_offer, name="offer"),
    path("requests/<int:pk>/conflict/", requests.declare_conflict, name="declare_conflict"),
    path("requests/<int:pk>/withdraw/", requests.withdraw, name="request_withdraw"),
    path("offers/<int:pk>/choose/", requests.choose, name="offer_choose"),
    path("offers/<int:pk>/withdraw/", requests.withdraw_offer, name="offer_withdraw"),
    path("offers/<int:pk>/approve/", requests.approve, name="offer_approve"),
    path("offers/<int:pk>/refuse/", requests.refuse, name="offer_refuse"),
    path("loans/<int:pk>/hours/", requests.record_hours, name="loan_hours"),
]
