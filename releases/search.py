"""The releases archive's filters and full-text search.

In: a queryset of published releases and the archive's query string. Out: the same
queryset narrowed by year, company, category and search words. PostgreSQL ranks matches
with its full-text search. Elsewhere every word must appear, in any case, somewhere in the
headline, subheadline or body, as a substring ("divid" finds "dividends"): on SQLite the
trigram index of migration 0008 finds words of three or more characters, and shorter words,
or a database without that index, fall back to LIKE over every row.
"""

from datetime import datetime

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .models import Company, PressRelease
from .pagecache import generation, horizon, page_cache_seconds

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
FTS_TABLE = "releases_pressrelease_fts"  # migration 0008
FTS_MATCH = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
TRIGRAM = 3  # the trigram index finds no shorter string


def search_vector() -> SearchVector:
    """Headline as weight A, subheadline and body as B. Migration 0005 indexes exactly this
    expression (GIN, PostgreSQL only); change both together or the index goes unused."""
    return SearchVector("headline", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "subheadline", "body", weight="B", config=SEARCH_CONFIG
    )


def search_releases(releases: QuerySet, text: str) -> QuerySet:
    """In: releases (already published-only) and the visitor's words. Out: those of the
    releases that match, ranked on PostgreSQL, in their given order elsewhere."""
    words = text.split()
    if not words:
        return releases
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        # Ranked by the headline alone, then newest first: ranking by the whole vector
        # turns every body of every match into a tsvector again, which took most of a
        # second for a common word in 10,000 releases; the filter itself uses the index.
        return (
            releases.alias(search=search_vector())
            .filter(search=query)
            .annotate(rank=SearchRank(SearchVector("headline", config=SEARCH_CONFIG), query))
            .order_by("-rank", "-published_at", "-pk")
        )
    if connection.vendor == "sqlite" and has_fts_index():
        indexed = [word for word in words if len(word) >= TRIGRAM]
        if indexed:
            match = " ".join(fts_string(word) for word in indexed)
            releases = releases.filter(pk__in=RawSQL(FTS_MATCH, [match]))
        words = [word for word in words if len(word) < TRIGRAM]
    for word in words:
        releases = releases.filter(
            Q(headline__icontains=word) | Q(subheadline__icontains=word) | Q(body__icontains=word)
        )
    return releases


def has_fts_index() -> bool:
    """Whether this SQLite database has migration 0008's index: a database that was migrated
    on an SQLite without the trigram tokenizer has none."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None


def fts_string(word: str) -> str:
    """The word as one FTS5 string, its quotes doubled (a"b -> "a""b"), so quotes, NEAR,
    AND, *, -, ^, : and parentheses are text to find, never query syntax."""
    return '"' + word.replace('"', '""') + '"'


def published_years(published: QuerySet) -> list[int]:
    """The years (in the site's zone) with a published release, newest first: one indexed
    MAX per year present, where truncating every release's date took 40 ms or more."""
    releases = published.order_by()
    years = []
    latest = releases.aggregate(at=Max("published_at"))["at"]
    while latest is not None:
        years.append(timezone.localtime(latest).year)
        start = datetime(years[-1], 1, 1, tzinfo=timezone.get_current_timezone())
        latest = releases.filter(published_at__lt=start).aggregate(at=Max("published_at"))["at"]
    return years


def filter_choices(published: QuerySet) -> dict:
    """The years with published releases, and the companies with one as ready <option> tags,
    worked out once per cache generation (and embargo horizon): on SQLite the years alone
    cost tens of milliseconds, and a few hundred companies' options as many again."""
    token = generation()
    key = f"irsite:archive-choices:{token}:{horizon(token)}" if token else None
    choices = cache.get(key) if key else None
    if choices is None:
        companies = Company.objects.filter(Exists(published.filter(company=OuterRef("pk")))).order_by("name")
        choices = {
            "year": [(str(year), str(year)) for year in published_years(published)],
            "company_options": option_tags([("", "All"), *companies.values_list("slug", "name")]),
        }
        if key:
            cache.set(key, choices, timeout=page_cache_seconds())
    return choices


def option_tags(choices) -> str:
    return "\n".join(f'<option value="{escape(key)}">{escape(label)}</option>' for key, label in choices)


class PlainSelect(forms.Select):
    """A <select> written in Python: the template per <option> of Django's widget cost more
    than the rest of the archive page with a few hundred companies. Its options may come
    ready-made (`options_html`, from filter_choices); the chosen one is marked on the way out."""

    options_html = ""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        options = self.options_html or option_tags(self.choices)
        chosen = "" if value is None else escape(str(value))
        if chosen:
            options = options.replace(f'<option value="{chosen}">', f'<option value="{chosen}" selected>', 1)
        return format_html('<select name="{}"{}>\n{}\n</select>', name, flatatt(attrs), mark_safe(options))


class ReleaseFilterForm(forms.Form):
    """The archive's GET form. Choices come from published releases only, so the
    year and company lists cannot reveal an embargoed release."""

    q = forms.CharField(
        label="Search", required=False, max_length=MAX_QUERY_LENGTH, strip=True, widget=forms.SearchInput
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None, widget=PlainSelect)
    company = forms.ModelChoiceField(
        label="Company",
        required=False,
        queryset=Company.objects.none(),
        to_field_name="slug",
        empty_label="All",
        widget=PlainSelect,
    )
    category = forms.ChoiceField(label="Category", required=False, widget=PlainSelect)

    def __init__(self, *args, published: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices(published)
        self.fields["year"].choices = [("", "All"), *choices["year"]]
        # The queryset validates a chosen slug (built only when one is given: an EXISTS is
        # costly to build); the cached options are what the page shows.
        if self.is_bound and self.data.get("company"):
            self.fields["company"].queryset = Company.objects.filter(Exists(published.filter(company=OuterRef("pk"))))
        self.fields["company"].widget.options_html = choices["company_options"]
        self.fields["category"].choices = [("", "All"), *PressRelease.Category.choices]

    def filter(self, releases: QuerySet) -> QuerySet:
        """The releases matching the valid fields; an invalid field filters nothing."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("year"):
            releases = releases.filter(published_at__year=data["year"])
        if data.get("company"):
            releases = releases.filter(company=data["company"])
        if data.get("category"):
            releases = releases.filter(category=data["category"])
        return search_releases(releases, data.get("q") or "")

    def cache_name(self) -> str:
        """The valid filters, as text that names the list they select."""
        data = self.cleaned_data if self.is_bound else {}
        company = data.get("company")
        return repr([data.get("q") or "", data.get("year"), company.pk if company else None, data.get("category")])

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)
