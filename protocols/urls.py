from django.urls import path

from protocols import views

app_name = "protocols"

urlpatterns = [
    path("protocols/<int:page_id>/history/", views.history, name="history"),
    path("protocols/<int:page_id>/history/compare/", views.compare, name="compare"),
    path("protocols/<int:page_id>/print/", views.print_view, name="print"),
    path("protocols/<int:page_id>/checklist/start/", views.checklist_start, name="checklist_start"),
    path("protocols/<int:page_id>/checklist/<int:run_id>/", views.checklist, name="checklist"),
    path("protocols/<int:page_id>/checklist/<int:run_id>/delete/", views.checklist_delete, name="checklist_delete"),
    path("protocols/suitability/", views.suitability, name="suitability"),
    path("protocols/suitability/save/", views.suitability_save, name="suitability_save"),
    path("protocols/suitability/saved/", views.saved_results, name="saved_results"),
    path("protocols/suitability/saved/<int:pk>/", views.saved_result, name="saved_result"),
]
