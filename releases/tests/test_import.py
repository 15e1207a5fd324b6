"""`import_releases`: folders and zip archives in, one service call per file."""

import shutil
import zipfile
from datetime import datetime, time

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease

from .pdfs import CALL_RELEASE, release_pdf

pytestmark = pytest.mark.django_db

DEMO_FILES = ["maple-ridge-dividend.txt", "solara-energy-conference.txt"]


@pytest.fixture
def release_folder(tmp_path, corpus_dev, settings):
    folder = tmp_path / "back-catalogue"
    (folder / "2011").mkdir(parents=True)
    shutil.copy(corpus_dev / "000.txt", folder / "2011" / "000.txt")
    for name in DEMO_FILES:
        shutil.copy(settings.BASE_DIR / "demo" / "releases" / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "acme-call.pdf").write_bytes(release_pdf(CALL_RELEASE, footer=True))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a release")  # damaged: named as a PDF, not one
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder


def run(*args):
    """The command's stdout and stderr, and whether it failed."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_releases", *args, stdout=out, stderr=err)
        failed = False
    except CommandError:
        failed = True
    return out.getvalue(), err.getvalue(), failed


def test_folder_import_creates_releases_and_reports_the_bad_file(release_folder):
    out, err, failed = run(str(release_folder))

    assert failed
    assert "Created: 4" in out
    assert "Already present: 0" in out
    assert "Failed: 2" in out
    assert f"{release_folder / 'empty.txt'}: " in out
    assert f"{release_folder / 'notes.pdf'}: This PDF is damaged or incomplete" in out
    assert "5/6" not in out and "[" in err and "6/6" in err
    assert PressRelease.objects.count() == 4
    call = ConferenceCall.objects.get(release__company__name="Acme Widgets, Inc.")
    live = set(call.dial_ins.filter(kind="live").values_list("number", flat=True))
    assert live == {"1-800-555-0100", "1-212-555-0199"}
    assert set(Company.objects.values_list("name", flat=True)) == {
        "Acme Widgets, Inc.",
        "ImmunoGen, Inc.",
        "Maple Ridge Bancorp, Inc.",
        "Solara Grid Systems, Inc.",
    }
    assert PressRelease.objects.filter(published_at__isnull=False).count() == 0


def test_second_import_finds_everything_already_present(release_folder):
    run(str(release_folder))
    counts = [m.objects.count() for m in (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn)]
    out, _, _ = run(str(release_folder))
    assert "Created: 0" in out
    assert "Already present: 4" in out
    assert [m.objects.count() for m in (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn)] == counts


def test_zip_import_with_one_bad_member(release_folder, tmp_path):
    archive = tmp_path / "releases.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(release_folder.rglob("*.txt")):
            zf.write(path, path.relative_to(release_folder))
        zf.writestr("__MACOSX/._000.txt", b"\x00\x05\x16\x07")
        zf.writestr("binary.htm", bytes(range(256)) * 64)

    out, _, failed = run(str(archive))

    assert failed
    assert "Created: 3" in out
    assert "Failed: 2" in out
    assert f"{archive}:binary.htm: " in out
    assert f"{archive}:empty.txt: " in out
    assert "__MACOSX" not in out
    assert PressRelease.objects.get(company__name="Maple Ridge Bancorp, Inc.").source_name == "maple-ridge-dividend.txt"


def test_publish_publishes_each_release_as_of_its_dateline_date(release_folder):
    run("--publish", str(release_folder))
    release = PressRelease.objects.get(company__name="Maple Ridge Bancorp, Inc.")
    assert release.published_at == timezone.make_aware(datetime.combine(release.dateline_date, time(0, 0)))
    assert PressRelease.objects.published().count() == 4


def test_missing_path_and_damaged_zip_are_failures_not_tracebacks(tmp_path):
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"PK\x03\x04 not really")
    out, _, failed = run(str(tmp_path / "nowhere"), str(damaged))
    assert failed
    assert "no such file or folder" in out
    assert "not a readable .zip archive" in out
    assert PressRelease.objects.count() == 0


def test_oversized_file_is_refused(release_folder, settings):
    settings.IRSITE_MAX_UPLOAD_BYTES = 100
    out, _, failed = run(str(release_folder / "maple-ridge-dividend.txt"))
    assert failed
    assert "larger than the upload limit" in out
    assert PressRelease.objects.count() == 0


def test_a_file_past_the_time_limit_fails_and_the_others_are_imported(release_folder, settings):
    settings.IRSITE_PARSE_TIME_LIMIT = 0.5
    (release_folder / "endless.txt").write_bytes(b"word " * 900_000)
    out, _, failed = run(str(release_folder / "endless.txt"), str(release_folder / "maple-ridge-dividend.txt"))
    assert failed
    assert "Created: 1" in out
    assert f"{release_folder / 'endless.txt'}: Reading this file took longer than 0.5 seconds" in out
    assert PressRelease.objects.count() == 1


def test_every_dev_corpus_release_is_imported_or_refused_with_a_reason(corpus_dev):
    releases = sorted(p for p in corpus_dev.iterdir() if p.suffix in {".txt", ".html"})
    out, _, _ = run(str(corpus_dev))
    created = PressRelease.objects.count()
    failures = out.partition("Failed:")[2].partition("Notes:")[0]
    refused = [line for line in failures.splitlines() if line.startswith(f"  {corpus_dev}")]
    assert created + len(refused) == len(releases)
    assert f"Created: {created}" in out
    assert not [line for line in refused if "unexpected error" in line or "took longer" in line]
