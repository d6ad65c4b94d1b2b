"""What the measurement app adds to pages of the apps below it, through their hooks."""

from django.template.loader import render_to_string
from wagtail import hooks

from measurement import permissions


@hooks.register("case_page_panels")
def evaluation_panel(request, case):
    """On a closed case's page, for those who may hand out evaluation codes: the way to them."""
    if request is None or not case.is_closed or not permissions.can_hand_out_evaluation(request.user, case):
        return None
    return render_to_string("measurement/includes/case_evaluation_panel.html", {"case": case}, request=request)
