"""The archive's paginator fetches a page's keys, then its rows: the same pages, in the same
order, as slicing the list itself."""

from datetime import date, timedelta

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from releases.models import PressRelease
from releases.paginators import DeferredJoinPaginator

from . import site_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases():
    company = f.company()
    moment = timezone.now() - timedelta(days=3)
    # Ties on published_at, then on the dateline (some missing: NULLs sort last on SQLite and
    # first on PostgreSQL, and read in reverse must mirror either): the pk decides at last.
    datelines = [None, date(2026, 1, 2), date(2026, 1, 1)]
    rows = [
        f.release(company=company, published_at=moment - timedelta(hours=n // 3), dateline_date=datelines[n % 3])
        for n in range(23)
    ]
    f.draft(company=company)
    return rows


@pytest.mark.parametrize("statement", [False, True], ids=["queryset", "published_versions"])
@pytest.mark.parametrize("per_page, orphans", [(5, 0), (5, 2), (7, 0), (50, 0)])
def test_pages_hold_the_same_rows_in_the_same_order_as_slicing(releases, per_page, orphans, statement):
    # Pages past the middle are read from the far end, in reverse: the same rows all the same.
    queryset = PressRelease.objects.published().select_related("company")
    expected = Paginator(queryset, per_page, orphans=orphans)
    versions = PressRelease.objects.published_versions if statement else None
    found = DeferredJoinPaginator(queryset, per_page, orphans=orphans, versions=versions)
    assert found.num_pages == expected.num_pages
    for number in expected.page_range:
        assert [r.pk for r in found.page(number)] == [r.pk for r in expected.page(number)]
        assert all(r.company.name for r in found.page(number))  # select_related kept


def test_a_filtered_list_pages_the_same_way(releases):
    queryset = PressRelease.objects.published().filter(pk__in=[r.pk for r in releases[::2]])
    expected, found = Paginator(queryset, 4), DeferredJoinPaginator(queryset, 4)
    assert [[r.pk for r in found.page(n)] for n in found.page_range] == [
        [r.pk for r in expected.page(n)] for n in expected.page_range
    ]


@pytest.mark.parametrize("per_page", [5, 7])
def test_pages_within_a_known_head_read_nothing_and_the_rest_read_as_before(releases, per_page,
                                                                           django_assert_num_queries):
    queryset = PressRelease.objects.published()
    expected = Paginator(queryset, per_page)
    head = list(queryset.values_list("pk", "updated_at")[:10])
    found = DeferredJoinPaginator(queryset, per_page, count=queryset.count(), head=head)
    with django_assert_num_queries(0):
        first = found.page(1)  # its rows are fetched only when used
    assert first.versions == head[:per_page]
    for number in expected.page_range:
        assert [r.pk for r in found.page(number)] == [r.pk for r in expected.page(number)]


def test_a_list_given_as_a_function_is_built_only_when_a_page_needs_it(releases):
    built = []

    def build():
        built.append(1)
        return PressRelease.objects.published()

    expected = Paginator(build(), 5)
    built.clear()
    known = DeferredJoinPaginator(
        build, 5, count=expected.count, versions=PressRelease.objects.published_versions,
        rows=lambda keys: PressRelease.objects.filter(pk__in=keys),
    )
    assert [r.pk for r in known.page(2)] == [r.pk for r in expected.page(2)]
    assert built == []
    counted = DeferredJoinPaginator(build, 5)
    assert [r.pk for r in counted.page(5)] == [r.pk for r in expected.page(5)]
    assert built == [1]
