"""What the site-wide pieces keep in the database: the task workers' heartbeats."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A task worker that is alive, as far as the database knows: every worker writes its row every few seconds
    (`core.task_worker`). A task RUNNING under a worker whose row is older than the lease timeout, or gone, is
    recovered by the other workers (`core.task_recovery`)."""

    # The same id the worker writes into DBTaskResult.worker_ids when it claims a task (at most 64 characters there).
    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("task worker heartbeat")
        verbose_name_plural = _("task worker heartbeats")

    def __str__(self) -> str:
        return self.worker_id
