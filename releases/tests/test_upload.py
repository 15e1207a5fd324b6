"""The admin upload flow end to end: upload -> review page -> save -> rows exist."""

import hashlib
import pickle
import re
import shutil

import pytest
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from releases import parsing
from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease
from releases.parsing.errors import ParseError
from releases.parsing.result import Doubt

from . import factories
from .pdfs import CALL_RELEASE, release_pdf

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:releases_pressrelease_upload")
MODELS = (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn)


def counts():
    return [model.objects.count() for model in MODELS]


def management(prefix, total, initial):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def review_post_data(page) -> dict:
    """What a browser would post back from the review page as shown, every field as filled in."""
    data = {}
    for form in [page.context["review"].release]:
        data.update({name: form[name].value() or "" for name in form.fields})
    for formset in page.context["review"].formsets:
        data.update(
            {
                formset.management_form.add_prefix(name): formset.management_form[name].value()
                for name in ("TOTAL_FORMS", "INITIAL_FORMS")
            }
        )
        for form in formset.forms:
            for name, field in form.fields.items():
                value = form[name].value()
                if name in ("DELETE", "has_replay"):
                    if value:
                        data[form.add_prefix(name)] = "on"
                    continue
                if value is None and isinstance(field, forms.ChoiceField):
                    value = field.choices[0][0]  # a browser posts a select's first option
                if hasattr(value, "strftime"):
                    value = value.strftime("%Y-%m-%dT%H:%M" if hasattr(value, "hour") else "%Y-%m-%d")
                data[form.add_prefix(name)] = "" if value is None else value
    return data


@pytest.fixture
def release_000(corpus_dev):
    return (corpus_dev / "000.txt").read_bytes()


def upload(client, content: bytes, name="000.txt"):
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, content), "text": ""})


def test_changelist_has_upload_button(staff_client):
    content = staff_client.get(reverse("admin:releases_pressrelease_changelist")).content.decode()
    assert f'href="{UPLOAD_URL}"' in content
    assert "Upload release" in content


def test_upload_page_shows_form(staff_client):
    response = staff_client.get(UPLOAD_URL)
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()


def test_upload_review_save_creates_release_with_everything(staff_client, ir_staff, release_000, media_root):
    response = upload(staff_client, release_000)
    assert response.status_code == 302
    assert counts() == [0] * len(MODELS)
    assert len(list((media_root / "uploads" / "pending").iterdir())) == 2  # the file and its parse

    page = staff_client.get(response["Location"])
    content = page.content.decode()
    assert page.status_code == 200
    assert "ImmunoGen, Inc. Announces Conference Call" in content
    assert 'value="WALTHAM, Mass."' in content
    assert 'value="IMGN"' in content
    assert "913-312-0940" in content
    assert 'value="7751636"' in content
    assert 'value="2011-10-27T16:30"' in content
    assert 'value="America/New_York"' in content

    data = review_post_data(page)
    data["contacts-0-name"] = "Carol Hausner"
    data["contacts-0-role"] = "investors"
    data["contacts-0-email"] = "info@immunogen.com"
    data["contacts-0-phones"] = "781-895-0600"
    saved = staff_client.post(response["Location"], data)

    release = PressRelease.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("admin:releases_pressrelease_change", args=[release.pk])
    assert release.status == PressRelease.Status.DRAFT
    assert release.uploaded_by == ir_staff
    assert release.source_name == "000.txt"
    assert release.source_file.read() == release_000
    assert release.company.listings.get().ticker == "IMGN"
    assert "Carol Hausner" in release.contacts.values_list("name", flat=True)
    call = release.calls.get()
    assert call.passcode == "7751636"
    assert call.timezone == "America/New_York"
    assert call.local_starts_at.strftime("%Y-%m-%d %H:%M") == "2011-10-27 16:30"
    assert list(call.dial_ins.values_list("number", "e164")) == [("913-312-0940", "+19133120940")]
    assert call.replay_until.isoformat() == "2011-11-03"
    assert not list((media_root / "uploads" / "pending").iterdir())
    followed = staff_client.get(saved["Location"])
    assert "was saved as a draft" in followed.content.decode()


def test_corrections_on_review_page_are_what_is_stored(staff_client, release_000):
    review_url = upload(staff_client, release_000)["Location"]
    data = review_post_data(staff_client.get(review_url))
    data.update(
        {
            "headline": "Corrected headline",
            "category": "earnings",
            "calls-0-passcode": "999",
            "calls-0-timezone": "America/Chicago",
            "calls-0-dial_in": "913-312-0940\n+44 20 3059 8125",
            "listings-1-exchange": "tsx",
            "listings-1-ticker": "IMG",
            "contacts-1-name": "Barbara Yates",
            "contacts-1-role": "media",
            "contacts-1-phones": "781-258-6153",
        }
    )
    data["contacts-0-DELETE"] = "on"
    data["contacts-TOTAL_FORMS"] = "2"
    assert staff_client.post(review_url, data).status_code == 302

    release = PressRelease.objects.get()
    assert release.headline == "Corrected headline"
    assert release.category == "earnings"
    assert sorted(release.company.listings.values_list("exchange", "ticker")) == [("NASDAQ", "IMGN"), ("TSX", "IMG")]
    assert list(release.contacts.values_list("name", flat=True)) == ["Barbara Yates"]
    call = release.calls.get()
    assert call.passcode == "999"
    assert call.timezone == "America/Chicago"
    assert call.local_starts_at.hour == 16
    assert list(call.dial_ins.values_list("e164", flat=True)) == ["+19133120940", "+442030598125"]


def test_review_page_says_which_stored_company_the_release_joins(staff_client, monkeypatch):
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: factories.parsed_release())
    new = staff_client.get(upload(staff_client, b"first")["Location"]).content.decode()
    assert "a new company will be created" in new

    company = factories.company(name="ImmunoGen Inc")
    factories.listing(company=company, exchange="NASDAQ", ticker="IMGN")
    known = staff_client.get(upload(staff_client, b"second")["Location"]).content.decode()
    assert "will be added to the stored company" in known
    assert reverse("admin:releases_company_change", args=[company.pk]) in known


def test_review_page_body_preview_is_sanitized(staff_client, monkeypatch):
    hostile = factories.parsed_release(body_html='<p onmouseover="steal()">Hi<script>alert(1)</script></p>')
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: hostile)
    content = staff_client.get(upload(staff_client, b"x")["Location"]).content.decode()
    assert "<p>Hi</p>" in content
    assert "alert(1)" not in content and "steal()" not in content


def test_docx_upload_is_read_like_text(staff_client, release_000):
    import io

    import docx

    document = docx.Document()
    for paragraph in release_000.decode("utf-8").split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)

    review = staff_client.get(upload(staff_client, buffer.getvalue(), name="000.docx")["Location"])
    content = review.content.decode()
    assert "ImmunoGen, Inc. Announces Conference Call" in content
    assert 'value="7751636"' in content


def test_pdf_upload_is_read_like_text(staff_client):
    review = staff_client.get(upload(staff_client, release_pdf(CALL_RELEASE), name="acme-call.pdf")["Location"])
    content = review.content.decode()
    assert "Acme Widgets, Inc. Announces Conference Call" in content
    assert 'value="4417822"' in content
    assert "ir@acmewidgets.com" in content


def test_review_page_flags_what_was_not_found(staff_client, monkeypatch):
    parsed = factories.parsed_release(
        calls=(factories.parsed_call(passcode=None, zone=None),),
        contacts=(factories.parsed_contact(emails=()),),
        doubts=(Doubt("dateline.date", "Two dates found in the dateline."),),
    )
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: parsed)
    review = staff_client.get(upload(staff_client, b"any text")["Location"])
    content = review.content.decode()
    assert content.count("No passcode found: check whether callers need one.") == 2  # in the list, at its field
    assert 'id="id_calls-0-timezone_flag"><strong>Check:</strong> The call&#x27;s time was printed without a time zone' in content
    assert 'id="id_contacts-0-email_flag"><strong>Check:</strong> No email address found' in content
    assert 'id="id_dateline_date_flag"><strong>Check:</strong> Two dates found in the dateline.' in content


def test_unreachable_contact_is_an_error_on_the_review_page(staff_client, monkeypatch):
    parsed = factories.parsed_release(contacts=(factories.parsed_contact(phones=(), emails=()),))
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: parsed)
    review_url = upload(staff_client, b"any text")["Location"]
    response = staff_client.post(review_url, review_post_data(staff_client.get(review_url)))
    assert response.status_code == 200
    assert "A contact needs a phone number or an email" in response.content.decode()
    assert counts() == [0] * len(MODELS)


def test_service_error_is_shown_and_nothing_saved(staff_client, monkeypatch):
    parsed = factories.parsed_release(company=factories.CompanyInfo(), listings=())
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: parsed)
    review_url = upload(staff_client, b"any text")["Location"]
    data = review_post_data(staff_client.get(review_url))
    response = staff_client.post(review_url, data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert counts() == [0] * len(MODELS)


def test_same_file_again_leads_to_stored_release(staff_client, release_000):
    review_url = upload(staff_client, release_000)["Location"]
    staff_client.post(review_url, review_post_data(staff_client.get(review_url)))
    release = PressRelease.objects.get()
    before = counts()

    again = upload(staff_client, release_000, name="renamed.txt")

    assert again["Location"] == reverse("admin:releases_pressrelease_change", args=[release.pk])
    assert counts() == before
    assert "uploaded before" in staff_client.get(again["Location"]).content.decode()


def test_review_posted_twice_leads_to_the_release_saved_the_first_time(staff_client, release_000):
    review_url = upload(staff_client, release_000)["Location"]
    data = review_post_data(staff_client.get(review_url))
    first = staff_client.post(review_url, data)
    second = staff_client.post(review_url, data)
    assert second["Location"] == first["Location"]
    assert PressRelease.objects.count() == 1


def test_pasted_text_is_parsed_like_a_file(staff_client, release_000):
    response = staff_client.post(UPLOAD_URL, {"text": release_000.decode("utf-8")})
    assert response.status_code == 302
    page = staff_client.get(response["Location"])
    assert "pasted-release.txt" in page.content.decode()


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"", "empty.txt", "The submitted file is empty."),
        (b"x", "release.rtf", "is not a file the parser reads"),
        (b"\x00\x01\x02\x03PK\x00\x00" * 200, "binary.txt", ""),
    ],
    ids=["empty", "wrong-extension", "binary"],
)
def test_unusable_upload_shows_error_and_saves_nothing(staff_client, media_root, content, name, message):
    response = upload(staff_client, content, name=name)
    assert response.status_code == 200
    assert 'class="errornote"' in response.content.decode()
    assert message in response.content.decode()
    assert counts() == [0] * len(MODELS)
    assert not (media_root / "uploads").exists()


def test_parse_error_is_shown_on_the_form(staff_client, monkeypatch):
    def refuse(raw, filename="", seconds=None):
        raise ParseError("This does not look like a press release: it has no headline.")

    monkeypatch.setattr(parsing, "parse_within", refuse)
    response = upload(staff_client, b"hello")
    assert response.status_code == 200
    assert "This does not look like a press release" in response.content.decode()
    assert counts() == [0] * len(MODELS)


def test_a_parse_past_the_time_limit_is_stopped_and_saves_nothing(staff_client, settings):
    settings.IRSITE_PARSE_TIME_LIMIT = 0.001
    response = upload(staff_client, b"word " * 800_000)
    assert response.status_code == 200
    assert "took longer than 0.001 seconds, so it was stopped and nothing was saved" in response.content.decode()
    assert counts() == [0] * len(MODELS)


def test_parser_crash_is_a_message_not_a_traceback(staff_client, monkeypatch):
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: 1 / 0)
    response = upload(staff_client, b"hello")
    assert response.status_code == 200
    assert "could not read this release" in response.content.decode()


def test_oversized_file_is_refused_before_parsing(staff_client, settings, monkeypatch):
    settings.IRSITE_MAX_UPLOAD_BYTES = 1000
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: pytest.fail("parsed"))
    response = upload(staff_client, b"a" * 1001)
    assert response.status_code == 200
    assert "the largest release accepted is 1000" in response.content.decode()
    assert counts() == [0] * len(MODELS)


def test_tampered_review_link_is_refused(staff_client, release_000):
    review_url = upload(staff_client, release_000)["Location"]
    token = review_url.rstrip("/").rsplit("/", 1)[1]
    forged = review_url.replace(token, re.sub(r".$", lambda m: "A" if m.group() != "A" else "B", token))
    response = staff_client.get(forged, follow=True)
    assert response.redirect_chain == [(UPLOAD_URL, 302)]
    assert "link is not valid; upload the file again" in response.content.decode()


def test_review_after_pending_file_is_gone_asks_to_upload_again(staff_client, release_000, media_root):
    review_url = upload(staff_client, release_000)["Location"]
    shutil.rmtree(media_root / "uploads" / "pending")
    response = staff_client.get(review_url, follow=True)
    assert response.redirect_chain == [(UPLOAD_URL, 302)]
    assert "no longer waiting for review" in response.content.decode()


def test_upload_needs_add_permission(client, ir_staff):
    ir_staff.groups.clear()
    client.force_login(ir_staff)
    assert client.get(UPLOAD_URL).status_code == 403


def test_upload_needs_login(client):
    response = client.get(UPLOAD_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_unreviewed_uploads_are_purged_after_their_link_expires(staff_client, release_000, media_root):
    import os
    import time

    upload(staff_client, release_000)
    pending = media_root / "uploads" / "pending"
    stale = pending / hashlib.sha256(release_000).hexdigest()
    assert sorted(p.name for p in pending.iterdir()) == [stale.name, f"{stale.name}.parsed"]
    old = time.time() - 2 * 24 * 3600
    os.utime(stale, (old, old))

    upload(staff_client, b"ImmunoGen Announces Something Else\n\nWALTHAM, Mass., Oct 21, 2011 -- ImmunoGen, Inc. said.")

    assert not [p.name for p in pending.iterdir() if p.name.startswith(stale.name)]


def counting_parses(monkeypatch) -> list[str]:
    """The real parser, with a list of the files it was asked to read."""
    parses, real = [], parsing.parse_within

    def parse_within(raw, filename="", seconds=None):
        parses.append(filename)
        return real(raw, filename=filename, seconds=seconds)

    monkeypatch.setattr(parsing, "parse_within", parse_within)
    return parses


def test_review_page_shows_the_parse_of_the_upload_without_parsing_again(staff_client, release_000, monkeypatch):
    parses = counting_parses(monkeypatch)
    review_url = upload(staff_client, release_000)["Location"]
    page = staff_client.get(review_url)
    staff_client.get(review_url)
    response = staff_client.post(review_url, review_post_data(page))
    assert response.status_code == 302
    assert parses == ["000.txt"]
    assert PressRelease.objects.get().headline.startswith("ImmunoGen, Inc. Announces Conference Call")


def test_a_stored_parse_whose_seal_does_not_match_is_not_read_but_parsed_again(
    staff_client, release_000, media_root, monkeypatch
):
    parses = counting_parses(monkeypatch)
    review_url = upload(staff_client, release_000)["Location"]
    (stored,) = (media_root / "uploads" / "pending").glob("*.parsed")
    stored.write_bytes(b"0" * 64 + pickle.dumps(factories.parsed_release(headline="Not what was uploaded")))
    page = staff_client.get(review_url)
    assert page.status_code == 200
    assert parses == ["000.txt", "000.txt"]
    assert page.context["review"].release["headline"].value().startswith("ImmunoGen, Inc. Announces Conference Call")


def test_admin_links_to_the_release_on_the_public_site(staff_client):
    release = factories.release()
    content_type = ContentType.objects.get_for_model(PressRelease)
    response = staff_client.get(reverse("admin:view_on_site", args=[content_type.pk, release.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(release.get_absolute_url())


def test_every_dev_corpus_release_reaches_its_review_page_or_a_stated_refusal(staff_client, corpus_dev):
    for release in sorted(p for p in corpus_dev.iterdir() if p.suffix in {".txt", ".html"}):
        response = upload(staff_client, release.read_bytes(), name=release.name)
        if response.status_code == 302:
            review = staff_client.get(response["Location"])
            assert review.status_code == 200, release.name
            assert "<h1>Review the uploaded release</h1>" in review.content.decode(), release.name
        else:  # refused on the upload form, with the parser's sentence
            assert response.status_code == 200, release.name
            assert "errornote" in response.content.decode(), release.name
    assert counts() == [0] * len(MODELS)
