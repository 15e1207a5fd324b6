"""`manage.py import_subscribers`: a list from another platform, checked whole before any row is saved."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from alerts import services
from alerts.models import Subscriber, Suppression
from releases.tests import factories as release_factories

from . import factories

pytestmark = pytest.mark.django_db

HEADER = "email,companies,categories,calls,consent_source,consent_date\n"


def import_csv(tmp_path, text: str, *args) -> str:
    path = tmp_path / "list.csv"
    path.write_text(HEADER + text, encoding="utf-8")
    out = StringIO()
    call_command("import_subscribers", str(path), *args, stdout=out)
    return out.getvalue()


def test_a_confirmed_list_is_subscribed_at_once_with_its_consent(tmp_path):
    company = release_factories.company(name="Example Corp.", slug="example")
    release_factories.listing(company=company, ticker="EXMP")

    out = import_csv(
        tmp_path,
        "Ann@Example.net,EXMP,Earnings;dividend,no,Cision signup form,2024-05-31\n"
        "ben@example.net,*,,yes,Cision signup form,2023-01-02T09:30:00+00:00\n",
        "--confirmed",
    )

    assert "2 subscribers added" in out
    ann = Subscriber.objects.get(email="ann@example.net")
    assert ann.status == Subscriber.Status.CONFIRMED and list(ann.companies.all()) == [company]
    assert ann.categories == ["dividend", "earnings"] and not ann.calls
    assert ann.consent_source == "import: Cision signup form" and ann.consented_at.date().isoformat() == "2024-05-31"
    ben = Subscriber.objects.get(email="ben@example.net")
    assert ben.all_companies and len(ben.categories) == 8 and ben.calls
    assert mail.outbox == []


def test_without_confirmed_each_address_must_confirm(tmp_path, immediate_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_csv(tmp_path, "carl@example.net,*,earnings,,Old site,2024-01-01\n")

    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert [m.subject for m in mail.outbox] == ["Confirm your email alerts"]


def test_suppressed_and_already_confirmed_addresses_are_left_alone(tmp_path):
    services.suppress("gone@example.net", reason=Suppression.Reason.UNSUBSCRIBED)
    kept = factories.subscriber(email="kept@example.net", categories=["dividend"])

    out = import_csv(
        tmp_path,
        "gone@example.net,*,,,Old site,2024-01-01\nkept@example.net,*,earnings,,Old site,2024-01-01\n",
        "--confirmed",
    )

    assert "1 left out" in out and "1 already subscribed" in out
    assert not Subscriber.objects.filter(email="gone@example.net").exists()
    kept.refresh_from_db()
    assert kept.categories == ["dividend"]


def test_one_bad_row_stops_the_import_and_says_where(tmp_path):
    with pytest.raises(CommandError) as error:
        import_csv(
            tmp_path,
            "ok@example.net,*,,,Old site,2024-01-01\n"
            "not-an-address,*,,,Old site,2024-01-01\n"
            "dee@example.net,nowhere-inc,weather,,Old site,someday\n",
        )

    message = str(error.value)
    assert "line 3: 'not-an-address' is not an email address" in message
    assert "line 4: no company is called 'nowhere-inc'" in message
    assert "'weather' is not a category" in message and "'someday' is not a date" in message
    assert not Subscriber.objects.exists()


def test_a_file_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("address\nann@example.net\n")

    with pytest.raises(CommandError, match="no column categories, companies, consent_date, consent_source, email"):
        call_command("import_subscribers", str(path))
