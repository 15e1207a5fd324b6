"""`manage.py db_worker`: django-tasks-db's worker, with the alerts sweep (alerts.tasks.sweep)
run beside it every ALERTS_SWEEP_SECONDS in a thread of its own.

The sweep is what makes the alerts independent of the queue: it fans out a release whose
embargo lifted even if the task scheduled for that moment was lost, and resumes rows a killed
worker left leased. Every worker sweeps; the sweep's writes are idempotent, so several
workers on several servers sweep at once without harm. This command takes the package's
name because the alerts app comes before django_tasks_db in INSTALLED_APPS.
"""

import logging
import os
import threading

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from alerts.tasks import sweep

logger = logging.getLogger("alerts.sweep")


def sweep_forever(stop: threading.Event, interval: float) -> None:
    while not stop.wait(interval):
        try:
            close_old_connections()
            done = sweep()
            if any(done.values()):
                logger.info("Alerts sweep: %s", done)
        except Exception:
            logger.exception("Alerts sweep failed; trying again in %s s", interval)
        finally:
            connections.close_all()


class Command(db_worker.Command):
    help = "Run a database background worker, with the email alerts' periodic sweep."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-sweep", action="store_false", dest="sweep", help="Do not run the alerts sweep in this worker."
        )

    def handle(self, *args, sweep: bool = True, reload: bool = False, **options):
        # With autoreload, the parent only watches files: the sweep runs in the child.
        if sweep and (not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"):
            thread = threading.Thread(
                target=sweep_forever,
                args=(threading.Event(), settings.ALERTS_SWEEP_SECONDS),
                name="alerts-sweep",
                daemon=True,
            )
            thread.start()
        return super().handle(*args, reload=reload, **options)
