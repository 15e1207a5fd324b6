"""`manage.py import_subscribers FILE.csv [--confirmed]`: an existing list of alert subscribers
from another platform (Cision, IRM, a spreadsheet).

The CSV has a header row with these columns (any order; extra columns are ignored):

    email            the address
    companies        company slugs, names or tickers, separated by ";"; "*" (or empty) for all
    categories       category codes or labels (earnings; Dividend; ...), ";"-separated; empty for all
    calls            optional: yes/no, whether releases announcing a call are wanted (default yes)
    consent_source   where the person consented, e.g. "Cision signup form"
    consent_date     when, as an ISO date or date and time

Every row is checked before any is saved: one bad row stops the import with each problem and
its line number, and nothing is stored. Suppressed addresses (unsubscribed, erased, bounced)
are never imported. Without --confirmed each imported address is pending and is sent the
confirmation email, as a signup is; --confirmed is for lists already double-opted-in.
"""

import csv
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from alerts import consent
from alerts.services import ImportRecord, Preferences, subscribers_import
from releases.models import Company, PressRelease

REQUIRED = {"email", "companies", "categories", "consent_source", "consent_date"}
YES, NO = {"yes", "y", "true", "1", ""}, {"no", "n", "false", "0"}


def split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def company_for(name: str) -> Company | None:
    query = Q(slug__iexact=name) | Q(name__iexact=name) | Q(listings__ticker__iexact=name)
    return Company.objects.filter(query).distinct().order_by("pk").first()


def category_for(name: str) -> str | None:
    for value, label in PressRelease.Category.choices:
        if name.lower() in (value, label.lower()):
            return value
    return None


def consent_time(cell: str) -> datetime | None:
    cell = (cell or "").strip()
    moment = parse_datetime(cell)
    if moment is None:
        day = parse_date(cell)
        if day is None:
            return None
        moment = datetime.combine(day, time(12, 0))
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def read_records(rows, *, first_line: int = 2) -> tuple[list[ImportRecord], list[str]]:
    records, problems = [], []
    for line, row in enumerate(rows, start=first_line):
        email = (row.get("email") or "").strip()
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"line {line}: {email!r} is not an email address")
            continue
        names = split(row.get("companies"))
        all_companies = not names or names == ["*"]
        companies = []
        for name in [] if all_companies else names:
            company = company_for(name)
            if company is None:
                problems.append(f"line {line}: no company is called {name!r} (give its slug, name or ticker)")
            else:
                companies.append(company)
        categories = []
        for name in split(row.get("categories")) or PressRelease.Category.values:
            category = category_for(name)
            if category is None:
                problems.append(f"line {line}: {name!r} is not a category ({', '.join(PressRelease.Category.values)})")
            else:
                categories.append(category)
        calls = (row.get("calls") or "").strip().lower()
        if calls not in YES | NO:
            problems.append(f"line {line}: calls is {calls!r}; write yes or no")
        consented_at = consent_time(row.get("consent_date"))
        if consented_at is None:
            problems.append(f"line {line}: consent_date {row.get('consent_date')!r} is not a date (2024-05-31)")
        source = (row.get("consent_source") or "").strip()
        if not source:
            problems.append(f"line {line}: consent_source is empty; say where the person consented")
        if consented_at is None or not source:
            continue
        records.append(
            ImportRecord(
                line=line,
                email=email,
                preferences=Preferences(
                    all_companies=all_companies,
                    companies=tuple(companies),
                    categories=tuple(categories),
                    calls=calls in YES,
                ),
                consent_source=f"import: {source}",
                consented_at=consented_at,
            )
        )
    return records, problems


class Command(BaseCommand):
    help = "Import alert subscribers from a CSV file: email, companies, categories, consent_source, consent_date."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file, UTF-8, with a header row.")
        parser.add_argument(
            "--confirmed",
            action="store_true",
            help="The list was double-opted-in already: subscribe at once, send no confirmation email.",
        )

    def handle(self, *args, file: str, confirmed: bool, **options):
        try:
            with open(file, newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle)
                header = {name.strip().lower() for name in reader.fieldnames or []}
                missing = REQUIRED - header
                if missing:
                    raise CommandError(f"{file} has no column {', '.join(sorted(missing))} in its header row.")
                rows = [{(k or "").strip().lower(): v for k, v in row.items()} for row in reader]
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        records, problems = read_records(rows)
        if problems:
            raise CommandError("Nothing was imported:\n  " + "\n  ".join(problems))
        outcome = subscribers_import(records=records, confirmed=confirmed, consent_version=consent.IMPORTED)
        state = "confirmed" if confirmed else "pending, each sent a confirmation email"
        self.stdout.write(f"{outcome.created} subscribers added and {outcome.updated} updated ({state}).")
        if outcome.confirmed_already:
            self.stdout.write(f"{len(outcome.confirmed_already)} already subscribed, left as they chose.")
        if outcome.suppressed:
            self.stdout.write(f"{len(outcome.suppressed)} left out: they unsubscribed, were erased or bounced.")
