"""`manage.py load_demo`: the demo releases in demo/ in, published records and a demo
IR staff login out. Idempotent: a second run creates nothing new.

Every file goes through the parser and `release_create_from_upload`, exactly like an
admin upload. demo/templates/upcoming-earnings-call.txt is filled with today's date and
a call two weeks ahead, so the site always shows an upcoming call; it is skipped while
its company still has one.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.utils import timezone

from disclosure.audit import acting
from releases import parsing
from releases.models import ConferenceCall
from releases.parsing.errors import ParseError
from releases.services import release_create_from_upload

DEMO_USERNAME = "demo-ir"
IR_STAFF_GROUP = "IR staff"
CALL_TEMPLATE = "upcoming-earnings-call.txt"
CALL_DAYS_AHEAD = 14


def demo_dir() -> Path:
    return Path(settings.BASE_DIR) / "demo"


def fill_call_template(template: str, *, today: date) -> str:
    """The template's {release_date} and {call_date}, as a wire prints them."""
    call_day = today + timedelta(days=CALL_DAYS_AHEAD)
    return template.format(
        release_date=f"{today:%B} {today.day}, {today.year}",
        call_date=f"{call_day:%A}, {call_day:%B} {call_day.day}, {call_day.year}",
    )


class Command(BaseCommand):
    help = "Load the demo releases (published) and create a demo IR staff login. Safe to run again."

    def execute(self, *args, **options):
        # Every write the command makes is logged as the command's, with no user.
        with acting(command="load_demo"):
            return super().execute(*args, **options)

    def handle(self, *args, **options):
        failures = 0
        for path in sorted((demo_dir() / "releases").glob("*.txt")):
            failures += not self.load(path.read_bytes(), name=path.name)

        template = demo_dir() / "templates" / CALL_TEMPLATE
        if template.exists():
            today = timezone.localdate()
            raw = fill_call_template(template.read_text(encoding="utf-8"), today=today).encode("utf-8")
            failures += not self.load(raw, name=f"northwind-call-{today.isoformat()}.txt", skip_if_upcoming=True)

        self.create_demo_user()
        if failures:
            self.stderr.write(self.style.WARNING(f"{failures} demo file(s) could not be loaded; see above."))

    def load(self, raw: bytes, *, name: str, skip_if_upcoming: bool = False) -> bool:
        try:
            parsed = parsing.parse_within(raw, filename=name, seconds=settings.IRSITE_PARSE_TIME_LIMIT)
        except ParseError as error:
            self.stderr.write(self.style.ERROR(f"{name}: {error}"))
            return False
        if skip_if_upcoming:
            tickers = [listing.ticker for listing in parsed.listings]
            upcoming = ConferenceCall.objects.upcoming().filter(company__listings__ticker__in=tickers)
            if tickers and upcoming.exists():
                self.stdout.write(f"{name}: skipped, {upcoming.first().company} already has an upcoming call")
                return True
        # 08:00 on the dateline's day, but never later than now: today's release loaded at
        # 07:30 is public, not under embargo until 08:00.
        publish_at = timezone.now()
        if parsed.dateline.date:
            publish_at = min(publish_at, timezone.make_aware(datetime.combine(parsed.dateline.date, time(8, 0))))
        try:
            outcome = release_create_from_upload(parsed=parsed, source=raw, source_name=name, publish_at=publish_at)
        except ValidationError as error:
            self.stderr.write(self.style.ERROR(f"{name}: {' '.join(error.messages)}"))
            return False
        state = "created" if outcome.created else "already present"
        self.stdout.write(f"{name}: {state} ({outcome.release.company}: {outcome.release.headline})")
        return True

    def create_demo_user(self) -> None:
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(f"Demo staff login “{DEMO_USERNAME}” exists already (password unchanged).")
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username=DEMO_USERNAME, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name=IR_STAFF_GROUP))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo IR staff login (shown once): username {DEMO_USERNAME}  password {password}\n"
                f"Sign in at /admin/. To set a new password: .venv/bin/python manage.py changepassword {DEMO_USERNAME}"
            )
        )
