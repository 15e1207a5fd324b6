"""Archive search on SQLite through the FTS5 trigram index of migration 0008, and what every
database must do with any words: find only published releases, never fail on hostile input."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from releases.models import PressRelease
from releases.search import FTS_TABLE, has_fts_index, search_releases

from . import site_factories as f

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")


def found(text: str) -> set[str]:
    return set(search_releases(PressRelease.objects.published(), text).values_list("headline", flat=True))


def indexed_rowids(text: str) -> set[int]:
    """The releases the FTS table itself matches, published or not."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [f'"{text}"'])
        return {row[0] for row in cursor.fetchall()}


def assert_index_matches_releases():
    """FTS5's own check that the index holds exactly the rows of releases_pressrelease."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")


@sqlite_only
def test_sqlite_database_has_the_fts_index_after_all_migrations():
    assert has_fts_index()


@sqlite_only
@pytest.mark.parametrize(
    "fields, words",
    [
        ({"headline": "Northwind Declares Quarterly Dividend"}, "dividend"),
        ({"subheadline": "Payable to holders of record on March 3"}, "holders RECORD"),
        ({"body": "<p>The board approved a share repurchase.</p>"}, "repurchase board"),
        ({"body": "<p>Dividends rise.</p>"}, "divid"),
        ({"headline": "Non-GAAP earnings up", "body": "<p>Net sales of $4.1 million.</p>"}, "non-gaap $4.1"),
    ],
    ids=["headline", "subheadline-any-case", "body-two-words", "part-of-a-word", "punctuation"],
)
def test_search_finds_every_word_anywhere_in_headline_subheadline_or_body(fields, words):
    fields.setdefault("headline", "Found")
    f.release(**fields)
    f.release(headline="Unrelated", body="<p>Nothing to see.</p>")
    assert found(words) == {fields["headline"]}


@sqlite_only
def test_search_needs_every_word():
    f.release(headline="Dividend declared", body="<p>Quarterly.</p>")
    f.release(headline="Dividend suspended", body="<p>Annual.</p>")
    assert found("dividend quarterly") == {"Dividend declared"}


@sqlite_only
@pytest.mark.parametrize(
    "words, expected",
    [("Q3", {"Q3 results", "Q3 dividend"}), ("q3 dividend", {"Q3 dividend"}), ("Q3 at", {"Q3 results"})],
    ids=["short-word-alone", "short-and-long-words", "two-short-words"],
)
def test_words_shorter_than_a_trigram_are_still_found(words, expected):
    f.release(headline="Q3 results", body="<p>Revenue rose at a fast pace.</p>")
    f.release(headline="Q3 dividend", body="<p>Paid in April.</p>")
    f.release(headline="Annual dividend", body="<p>Paid in May.</p>")
    assert found(words) == expected


@sqlite_only
def test_changed_text_is_found_by_its_new_words_only():
    release = f.release(headline="Northwind opens a plant", body="<p>In Ohio.</p>")
    release.headline = "Northwind closes a warehouse"
    release.save()
    PressRelease.objects.filter(pk=release.pk).update(body="<p>In Texas.</p>")
    assert found("warehouse texas") == {"Northwind closes a warehouse"}
    assert found("plant") == set() and found("ohio") == set()
    assert_index_matches_releases()


@sqlite_only
def test_deleted_release_leaves_the_index():
    kept = f.release(headline="Kept dividend")
    gone = f.release(headline="Deleted dividend")
    gone_pk = gone.pk
    gone.delete()
    assert indexed_rowids("dividend") == {kept.pk} and gone_pk not in indexed_rowids("Deleted")
    assert_index_matches_releases()


def test_search_never_finds_a_draft_or_embargoed_release(client):
    f.release(headline="Published dividend notice")
    f.draft(headline="Draft dividend notice")
    f.embargoed(headline="Embargoed dividend notice")
    assert found("dividend notice") == {"Published dividend notice"}
    html = client.get(reverse("releases:release-list") + "?q=dividend+notice").content.decode()
    assert "Published dividend notice" in html
    assert "Draft dividend notice" not in html and "Embargoed dividend notice" not in html


HOSTILE = {
    "lone-quote": '"',
    "unbalanced-quotes": 'div"idend "results',
    "near": "NEAR(dividend results, 2)",
    "star": "divid*",
    "minus": "-dividend",
    "parentheses": "(dividend OR results",
    "boolean-words": "AND OR NOT",
    "column-filter": "headline:dividend",
    "caret": "^dividend",
    "braces": "{headline body}:dividend",
    "sql": "'; DROP TABLE releases_pressrelease; --",
    "percent-underscore": "100% _",
    "backslash": "\\\\ \\",
    "long": ("dividend " + '"(*-' * 50)[:200],
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_search_text_never_errors(client, text):
    f.release(headline="Dividend declared")
    assert isinstance(found(text), set)
    response = client.get(reverse("releases:release-list"), {"q": text})
    assert response.status_code == 200


@sqlite_only
@pytest.mark.parametrize(
    "headline, text",
    [
        ('Northwind "NEAR" launch', '"near"'),
        ("Beta (preview) AND more", "(preview) AND"),
        ("Price up 10% -net", "10% -net"),
        ("Team: headline:body", "headline:body"),
    ],
    ids=["quotes", "parentheses-and-operator", "percent-and-minus", "column-filter"],
)
def test_query_syntax_in_search_words_is_text_to_find(headline, text):
    f.release(headline=headline)
    f.release(headline="Unrelated news", body="<p>near preview and net headline body</p>")
    assert found(text) == {headline}


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_migration_fills_the_index_from_existing_releases_and_reverses():
    # The company is written first: its table has gained columns since 0007.
    company = f.company()
    f.release(headline="Written before the index", company=company)
    call_command("migrate", "releases", "0007", stdout=StringIO())
    try:
        assert not has_fts_index()
        # Through the model as it was at 0007: today's has columns added since.
        state = MigrationExecutor(connection).loader.project_state(("releases", "0007_contact_on_company_page"))
        Historical = state.apps.get_model("releases", "PressRelease")
        company = state.apps.get_model("releases", "Company").objects.create(name="Before", slug="before")
        Historical.objects.create(company=company, headline="Written without the index", slug="without",
                                  published_at=timezone.now())
        assert found("written before") == {"Written before the index"}
        assert found("without") == {"Written without the index"}
    finally:
        # Every app: migrating releases back unapplied the apps that depend on it (alerts).
        call_command("migrate", stdout=StringIO())
    assert has_fts_index()
    assert found("written") == {"Written before the index", "Written without the index"}
    assert_index_matches_releases()


def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
