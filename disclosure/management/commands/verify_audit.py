"""`manage.py verify_audit`: walk the audit chain. Exit 0 with the count of events when every
event matches; exit 1 naming the first event that does not."""

from django.core.management.base import BaseCommand

from disclosure.audit import verify_chain


class Command(BaseCommand):
    help = "Check that no audit event was changed, removed or inserted behind the application's back."

    def handle(self, *args, **options):
        report = verify_chain()
        if report.broken is None:
            self.stdout.write(f"The audit trail is intact: {report.intact} event(s) verified.")
            return
        event = report.broken
        self.stderr.write(
            f"The audit trail is broken at event #{event.sequence} (id {event.pk}, {event.at:%Y-%m-%d %H:%M:%S} UTC, "
            f"{event.get_action_display()} {event.object_repr} by {event.actor_name}): {report.problem}. "
            f"The {report.intact} event(s) before it match."
        )
        raise SystemExit(1)
