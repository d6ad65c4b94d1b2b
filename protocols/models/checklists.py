"""Members' private checklists: a run through one protocol's checklist items, and the items ticked in it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from protocols.models.pages import ProtocolPage


class ChecklistRun(models.Model):
    """A member working through a protocol's checklist items: private to that member."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checklist_runs")
    page = models.ForeignKey(ProtocolPage, on_delete=models.CASCADE, related_name="checklist_runs")
    label = models.CharField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_("Something to recognise this checklist by, such as an internal case number."),
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("checklist")

    def __str__(self):
        return self.label or f"{self.page_id}/{self.pk}"


class ChecklistTick(models.Model):
    """One ticked item. The key is derived from the step's block id and the item's text, so editing an item
    in the protocol un-ticks it instead of silently carrying a tick over to different wording."""

    run = models.ForeignKey(ChecklistRun, on_delete=models.CASCADE, related_name="ticks")
    item_key = models.CharField(max_length=64)
    ticked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "item_key"], name="protocols_unique_tick_per_item")]

    def __str__(self):
        return self.item_key
