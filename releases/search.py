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
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .fragments import code_digest, text_digest
from .models import Company, PressRelease
from .pagecache import generation, horizon, page_cache_seconds

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
FTS_TABLE = "releases_pressrelease_fts"  # migration 0008
FTS_MATCH = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
TRIGRAM = 3  # the trigram index finds no shorter string
HEADLINE_VECTOR = "headline_vector"  # migration 0011, PostgreSQL only


def search_vector() -> SearchVector:
    """Headline as weight A, subheadline and body as B. Migration 0005 indexes exactly this
    expression (GIN, PostgreSQL only); change both together or the index goes unused."""
    return SearchVector("headline", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "subheadline", "body", weight="B", config=SEARCH_CONFIG
    )


def headline_vector() -> RawSQL:
    """The headline's tsvector (SEARCH_CONFIG), stored by PostgreSQL (migration 0011)."""
    return RawSQL(f'"{PressRelease._meta.db_table}"."{HEADLINE_VECTOR}"', [], output_field=SearchVectorField())


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
        # second for a common word in 10,000 releases; the filter itself uses the index,
        # and the headline's vector is stored (migration 0011).
        return (
            releases.alias(search=search_vector())
            .filter(search=query)
            .annotate(rank=SearchRank(headline_vector(), query))
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


# This process's copy of the latest filter choices, by cache key: a key names one generation
# and horizon, so the copy cannot be stale, and reading it skips unpickling a few hundred
# companies on every archive page.
_latest_choices: dict[str, dict] = {}


def filter_choices(published: QuerySet) -> dict:
    """The years with published releases and the companies with one, as ready <option> tags
    and by submitted value for validation, worked out once per cache generation (and embargo
    horizon): on SQLite the years alone cost tens of milliseconds, and a few hundred
    companies' options as many again."""
    token = generation()
    # The code's digest too: after a deploy, another version's choices may differ in shape.
    key = f"irsite:archive-choices:{token}:{horizon(token)}:{code_digest()}" if token else None
    choices = _latest_choices.get(key) if key else None
    if choices is not None:
        return choices
    choices = cache.get(key) if key else None
    if choices is None:
        companies = Company.objects.filter(Exists(published.filter(company=OuterRef("pk")))).order_by("name")
        companies = list(companies.values_list("pk", "slug", "name"))
        years = [str(year) for year in published_years(published)]
        year_options = option_tags([("", "All"), *((year, year) for year in years)])
        company_options = option_tags([("", "All"), *((slug, name) for _, slug, name in companies)])
        choices = {
            "years": {year: int(year) for year in years},
            "year_options": year_options,
            "companies": {slug: (pk, name) for pk, slug, name in companies},
            "company_options": company_options,
            # Names the form as shown: unchanged by a write that changes no year or company.
            "digest": text_digest(f"{year_options}\n{company_options}"),
        }
        if key:
            cache.set(key, choices, timeout=page_cache_seconds())
    if key:
        _latest_choices.clear()  # the previous generation's
        _latest_choices[key] = choices
    return choices


def option_tags(choices) -> str:
    return "\n".join(f'<option value="{escape(key)}">{escape(label)}</option>' for key, label in choices)


CATEGORIES = {str(value): str(value) for value in PressRelease.Category.values}
CATEGORY_OPTIONS = option_tags([("", "All"), *PressRelease.Category.choices])


class PlainSelect(forms.Select):
    """A <select> written in Python from ready-made <option> tags (`options_html`): the
    template per <option> of Django's widget cost more than the rest of the archive page
    with a few hundred companies. The chosen option is marked on the way out."""

    options_html = ""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        options = self.options_html
        chosen = "" if value is None else escape(str(value))
        if chosen:
            options = options.replace(f'<option value="{chosen}">', f'<option value="{chosen}" selected>', 1)
        return format_html('<select name="{}"{}>\n{}\n</select>', name, flatatt(attrs), mark_safe(options))


class PickField(forms.Field):
    """One of `values` ({submitted text: cleaned value}), shown by a PlainSelect. A dict
    lookup, where a ChoiceField normalised and deep-copied its choices for every form, and a
    ModelChoiceField built and ran a query for every filtered archive page."""

    widget = PlainSelect
    default_error_messages = {
        "invalid_choice": "Select a valid choice. That choice is not one of the available choices."
    }

    def __init__(self, *, values: dict | None = None, options_html: str = "", **kwargs):
        super().__init__(required=False, **kwargs)
        self.values = values or {}
        self.widget.options_html = options_html

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if str(value) not in self.values:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return self.clean_value(str(value), self.values[str(value)])

    def clean_value(self, text: str, value):
        return value


class ListedCompanyField(PickField):
    """A company by slug, among `values` ({slug: (pk, name)}), cleaned to a Company with its
    pk, slug and name."""

    def clean_value(self, text: str, value) -> Company:
        pk, name = value
        return Company(pk=pk, slug=text, name=name)


class ReleaseFilterForm(forms.Form):
    """The archive's GET form. Choices come from published releases only, so the
    year and company lists cannot reveal an embargoed release."""

    q = forms.CharField(
        label="Search", required=False, max_length=MAX_QUERY_LENGTH, strip=True, widget=forms.SearchInput
    )
    year = PickField(label="Year")
    company = ListedCompanyField(label="Company")
    category = PickField(label="Category", values=CATEGORIES, options_html=CATEGORY_OPTIONS)

    def __init__(self, *args, published: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices(published)
        self.choices_digest = choices["digest"]
        for name, values, options in (("year", "years", "year_options"), ("company", "companies", "company_options")):
            self.fields[name].values = choices[values]
            self.fields[name].widget.options_html = choices[options]

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

    def filters(self) -> dict:
        """The valid year, company and category chosen (for PressRelease.objects.published_versions)."""
        data = self.cleaned_data if self.is_bound else {}
        return {name: data[name] for name in ("year", "company", "category") if data.get(name)}

    @property
    def has_words(self) -> bool:
        return bool(self.is_bound and (self.cleaned_data.get("q") or "").split())

    def cache_name(self) -> str:
        """The valid filters, as text that names the list they select."""
        data = self.cleaned_data if self.is_bound else {}
        company = data.get("company")
        return repr([data.get("q") or "", data.get("year"), company.pk if company else None, data.get("category")])

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)
