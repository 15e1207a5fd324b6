"""Content versions: every write to something a release's or a call's page shows moves that
release's or call's `updated_at`, and nothing else's."""

import pytest
from django.db.models.signals import post_save

from releases.models import ConferenceCall, PressRelease, ReleaseContact

from . import site_factories as f

pytestmark = pytest.mark.django_db


def versions(*rows) -> list:
    return [type(row).objects.get(pk=row.pk).updated_at for row in rows]


@pytest.fixture
def scene():
    company = f.company()
    release = f.release(company=company)
    other = f.release()  # another company's: never touched
    call = f.call(release=release)
    hand_entered = f.call(company=company, release=None)
    return company, release, other, call, hand_entered


def moved(before: list, after: list) -> list[bool]:
    return [b != a for b, a in zip(before, after, strict=True)]


@pytest.mark.parametrize(
    "write, expected",
    [
        # (release, other company's release, call, call entered by hand, company, other company)
        (lambda s: s[0].save(), [True, False, True, True, True, False]),
        (lambda s: f.listing(s[0]), [True, False, True, True, True, False]),
        (lambda s: s[1].save(), [True, False, False, False, True, False]),
        (lambda s: f.release(company=s[0]), [False, False, False, False, True, False]),
        (lambda s: f.dial_in(s[3]), [True, False, True, False, True, False]),
        (lambda s: f.dial_in(s[4]), [False, False, False, True, True, False]),
        (lambda s: s[3].save(), [True, False, True, False, True, False]),
        (lambda s: f.contact(s[0]), [False, False, False, False, True, False]),  # named in no release
    ],
    ids=["company", "listing", "release", "new release", "dial-in", "hand-entered call's dial-in", "call",
         "unlinked contact"],
)
def test_a_write_moves_the_versions_of_the_pages_that_show_it(scene, write, expected):
    company, release, other, call, hand_entered = scene
    rows = (release, other, call, hand_entered, company, other.company)
    before = versions(*rows)
    write(scene)
    assert moved(before, versions(*rows)) == expected


def test_contacts_move_the_releases_that_name_them_whichever_way_they_are_linked(scene):
    company, release, other, call, _ = scene
    contact = f.contact(company)
    for write in (
        lambda: release.contacts.add(contact),
        lambda: contact.save(),
        lambda: contact.releases.remove(release),
        lambda: ReleaseContact.objects.create(pressrelease=release, contact=contact),
        lambda: contact.releases.clear(),
        lambda: release.contacts.add(contact),
        lambda: contact.delete(),
    ):
        before = versions(release, other, company, other.company)
        write()
        assert moved(before, versions(release, other, company, other.company)) == [True, False, True, False]


def test_deleting_a_call_moves_its_release(scene):
    _, release, _, call, _ = scene
    before = versions(release)
    call.delete()
    assert moved(before, versions(release)) == [True]


def test_a_new_release_is_not_rewritten_by_its_own_calls(scene):
    from releases import services
    from releases.parsing import parse_press_release

    saved = []
    post_save.connect(lambda sender, **kw: saved.append(sender), sender=PressRelease, weak=False, dispatch_uid="t")
    try:
        text = (
            b"Acme Widgets Announces Results Call\n\nBOSTON, March 3, 2025 /PRNewswire/ -- Acme Widgets, Inc. "
            b"(NASDAQ: ACMW) will host a conference call on March 10, 2025 at 4:30 p.m. ET. "
            b"Dial-in: 1-877-407-0784. Passcode: 13751234.\n"
        )
        outcome = services.release_create_from_upload(
            parsed=parse_press_release(text, filename="acme.txt"), source=text, source_name="acme.txt"
        )
    finally:
        post_save.disconnect(dispatch_uid="t", sender=PressRelease)
    assert outcome.created and outcome.release.calls.exists()
    assert saved == [PressRelease]
    assert ConferenceCall.objects.get(release=outcome.release).updated_at >= outcome.release.updated_at
