"""The CMS side of protocols: the review report, and the suitability aid's questions and rules as snippets."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts import roles
from protocols import queries, services
from protocols.models import ProtocolPage, SuitabilityQuestion, SuitabilityRule

STATUS_CHOICES = [(key, label) for key, label in queries.REVIEW_LABELS.items()]


def can_see_review_report(user) -> bool:
    return roles.in_group(user, roles.EDITORS)


class ReviewStatusFilterSet(WagtailFilterSet):
    review_status = django_filters.ChoiceFilter(label=_("Review status"), choices=STATUS_CHOICES)

    class Meta:
        model = ProtocolPage
        fields = []


class ProtocolReviewReport(ReportView):
    page_title = _("Protocol reviews")
    header_icon = "date"
    index_url_name = "protocol_review_report"
    index_results_url_name = "protocol_review_report_results"
    filterset_class = ReviewStatusFilterSet
    paginate_by = 100
    columns = [
        TitleColumn("title", label=_("Protocol"), url_name="wagtailadmin_pages:edit"),
        Column("language", label=_("Language"), accessor=lambda page: page.locale.get_display_name()),
        Column("status", label=_("Review status"), accessor=lambda page: queries.REVIEW_LABELS[page.review_status]),
        DateColumn("next_review", label=_("Next review")),
        DateColumn("last_reviewed", label=_("Last reviewed on")),
        Column("review_owner", label=_("Responsible editor")),
    ]
    list_export = ["title", "review_status", "next_review", "last_reviewed", "review_owner"]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_review_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = services.with_review_status(ProtocolPage.objects.all()).select_related("locale", "review_owner")
        # Overdue first, then due soon, then by date: the report is a to-do list.
        return queryset.order_by("next_review", "title")


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_review_report(request.user)


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/protocol-reviews/", ProtocolReviewReport.as_view(), name="protocol_review_report"),
        path(
            "reports/protocol-reviews/results/",
            ProtocolReviewReport.as_view(results_only=True),
            name="protocol_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Protocol reviews"), reverse("protocol_review_report"), name="protocol-reviews", icon_name="date", order=800
    )


class SuitabilityQuestionViewSet(SnippetViewSet):
    model = SuitabilityQuestion
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "key", "sort_order", "active"]
    ordering = ["sort_order", "pk"]


class SuitabilityRuleViewSet(SnippetViewSet):
    model = SuitabilityRule
    icon = "cogs"
    menu_label = _("Rules")
    list_display = ["name", "outcome", "priority", "active"]
    list_filter = ["outcome", "active"]


class SuitabilityViewSetGroup(SnippetViewSetGroup):
    items = (SuitabilityQuestionViewSet, SuitabilityRuleViewSet)
    menu_icon = "help"
    menu_label = _("Suitability aid")
    menu_name = "suitability-aid"
    menu_order = 250


register_snippet(SuitabilityViewSetGroup)
