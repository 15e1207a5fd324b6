"""Adversarial uploads (adversarial.py) against the parse time limit: each ends in a release or in a
refusal with a sentence, never a hang or a crash, and all but the few listed as SLOW end well inside it.

Each input is parsed once, in parse_within's child process, with 2 seconds allowed: a pattern that
backtracks without bound shows up as the time-limit refusal. Then one input that used to take minutes
goes through the admin upload and import_releases.
"""

import time
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from releases.models import PressRelease
from releases.parsing import ParsedRelease, ParseError, parse_within

from .adversarial import SLOW, adversarial_inputs

SECONDS = 2.0
TIME_LIMIT_WORDS = "took longer than"
INPUTS = adversarial_inputs()


@pytest.mark.parametrize(("name", "filename", "raw"), INPUTS, ids=[name for name, _, _ in INPUTS])
def test_an_adversarial_input_ends_in_a_release_or_a_sentence_inside_the_limit(name, filename, raw):
    started = time.monotonic()
    try:
        outcome = parse_within(raw, filename=filename, seconds=SECONDS)
    except ParseError as error:
        outcome = error
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS + 1.5, f"{name}: parse_within came back after {elapsed:.1f} s"
    if isinstance(outcome, ParseError):
        message = str(outcome)
        assert message.endswith(".") and len(message) > 30, f"{name}: {message!r}"
        if name not in SLOW:
            assert TIME_LIMIT_WORDS not in message, f"{name} was stopped by the time limit: {message}"
    else:
        assert isinstance(outcome, ParsedRelease)


def test_the_slow_list_names_only_inputs_that_exist():
    assert SLOW <= {name for name, _, _ in INPUTS}


def the_input(filename):
    return next(raw for _, name, raw in INPUTS if name == filename)


# 78 capitals and "!" before a listing: pipeline.NAME_ONLY_RE took minutes on it before its word was atomic
CAPITALS = "capitals-listing.txt"


@pytest.mark.django_db
def test_an_adversarial_release_through_the_admin_upload(staff_client, settings):
    settings.IRSITE_PARSE_TIME_LIMIT = SECONDS
    upload = reverse("admin:releases_pressrelease_upload")
    response = staff_client.post(upload, {"file": SimpleUploadedFile(CAPITALS, the_input(CAPITALS)), "text": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    review = staff_client.get(response["Location"])
    assert "<h1>Review the uploaded release</h1>" in review.content.decode()


@pytest.mark.django_db
def test_adversarial_files_through_import_releases(tmp_path, settings):
    settings.IRSITE_PARSE_TIME_LIMIT = SECONDS
    for filename in (CAPITALS, "contacts-heading.txt", "url.txt", "words.txt"):
        (tmp_path / filename).write_bytes(the_input(filename))
    out = StringIO()
    with pytest.raises(CommandError):  # words.txt is refused: it has no headline nor a sentence
        call_command("import_releases", str(tmp_path), stdout=out, stderr=StringIO())
    out = out.getvalue()
    assert "Created: 3" in out
    assert f"{tmp_path / 'words.txt'}: This file does not read as a press release" in out
    assert TIME_LIMIT_WORDS not in out and "unexpected error" not in out
    assert PressRelease.objects.count() == 3
