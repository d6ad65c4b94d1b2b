"""Run a task worker that outlives database restarts and recovers the tasks of workers that died.

`manage.py db_worker` with the same options (queues, interval, batch, max tasks, worker id), plus the heartbeat and
lease settings; the worker itself is `core.task_worker.ResilientWorker`.
"""

import logging
import os
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import valid_interval, valid_max_tasks

from core.task_worker import ResilientWorker, new_worker_id


class Command(DbWorkerCommand):
    help = (
        "Run a database task worker that waits out database trouble instead of exiting, and puts back in the queue "
        "(or fails, after TASK_MAX_ATTEMPTS) the tasks of workers that stopped heart-beating."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)  # one per process, made at start (db_worker's is made at import)
        parser.add_argument(
            "--heartbeat-interval",
            type=valid_interval,
            default=settings.TASK_WORKER_HEARTBEAT_INTERVAL,
            help="Seconds between two heartbeats of this worker (default: TASK_WORKER_HEARTBEAT_INTERVAL, %(default)s)",
        )
        parser.add_argument(
            "--lease-timeout",
            type=valid_interval,
            default=settings.TASK_WORKER_LEASE_TIMEOUT,
            help="Seconds without a heartbeat after which a worker's running task is recovered "
            "(default: TASK_WORKER_LEASE_TIMEOUT, %(default)s)",
        )
        parser.add_argument(
            "--max-attempts",
            type=valid_max_tasks,
            default=settings.TASK_MAX_ATTEMPTS,
            help="Claims of one task before a lost one is marked FAILED (default: TASK_MAX_ATTEMPTS, %(default)s)",
        )
        parser.add_argument(
            "--backoff-max",
            type=valid_interval,
            default=settings.TASK_WORKER_BACKOFF_MAX,
            help="Longest wait between two tries to reach the database (default: TASK_WORKER_BACKOFF_MAX, %(default)s)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        logging.getLogger("core.task_worker").setLevel(logging.INFO if options["verbosity"] else logging.CRITICAL)
        if options["lease_timeout"] <= options["heartbeat_interval"]:
            raise CommandError("--lease-timeout must be longer than --heartbeat-interval")
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        reload = options["reload"] and not options["batch"]
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"] or new_worker_id(),
            heartbeat_interval=options["heartbeat_interval"],
            lease_timeout=options["lease_timeout"],
            max_attempts=options["max_attempts"],
            backoff_max=options["backoff_max"],
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child runs tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
