from django.urls import path

from measurement.views import benchmark, dashboard, evaluation, organisation

app_name = "measurement"

urlpatterns = [
    # the dashboard of an organisation, its CSV and its printable report
    path("", dashboard.index, name="index"),
    path("<slug:slug>/", dashboard.dashboard, name="dashboard"),
    path("<slug:slug>/figures.csv", dashboard.export_csv, name="export_csv"),
    path("<slug:slug>/report/", dashboard.report, name="report"),
    # the regional benchmark
    path("<slug:slug>/benchmark/", benchmark.benchmark, name="benchmark"),
    # the coordinators' choices: assumptions, benchmark name, management access
    path("<slug:slug>/settings/", organisation.edit_settings, name="settings"),
    path("<slug:slug>/access/", organisation.access, name="access"),
    path("<slug:slug>/access/<int:pk>/revoke/", organisation.revoke_access, name="revoke_access"),
    # handing out evaluation codes for a closed case
    path("cases/<int:pk>/evaluation/", evaluation.codes, name="evaluation_codes"),
    path("cases/<int:pk>/evaluation/slips/", evaluation.slips, name="evaluation_slips"),
]
