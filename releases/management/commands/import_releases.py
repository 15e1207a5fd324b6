"""`manage.py import_releases PATH...`: files, folders and .zip archives of releases in,
stored releases out, through the same parser and service as the admin upload.

A progress bar goes to stderr; a summary (created / already present / failed, with each
failure's reason) to stdout. Each file is its own transaction: one that fails leaves
nothing behind and the others go on. The exit status is 1 when any file failed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from disclosure.audit import acting
from releases import parsing
from releases.parsing.errors import ParseError
from releases.services import release_create_from_upload

EXTENSIONS = {".txt", ".html", ".htm", ".docx", ".pdf"}


@dataclass(frozen=True)
class Source:
    label: str  # what the summary calls it: a path, or archive.zip:member
    name: str  # the file's own name, stored as the release's source name
    read: object  # () -> bytes


class SourceError(Exception):
    """A path that yields no release: missing, unreadable, a damaged archive."""


class Command(BaseCommand):
    help = "Import press releases from files, folders and .zip archives (.txt, .html, .htm, .docx, .pdf)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A release file, a folder or a .zip archive.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish each new release as of its own dateline date (a release without one stays a draft).",
        )

    def execute(self, *args, **options):
        # Every write the command makes is logged as the command's, with no user.
        with acting(command="import_releases"):
            return super().execute(*args, **options)

    def handle(self, *args, paths, publish=False, **options):
        sources, failed = [], []
        for path in paths:
            try:
                sources.extend(collect(Path(path)))
            except SourceError as error:
                failed.append((path, str(error)))

        created, present, notes = [], [], []
        for done, source in enumerate(sources, start=1):
            self.progress(done, len(sources), source.label)
            try:
                outcome = import_one(source, publish=publish)
            except (ParseError, ValidationError, SourceError, OSError) as error:
                failed.append((source.label, reason(error)))
                continue
            except Exception as error:  # a parser or storage bug: report it, keep going
                failed.append((source.label, f"unexpected error ({type(error).__name__}: {error})"))
                continue
            (created if outcome.created else present).append(source.label)
            notes.extend(f"{source.label}: {note}" for note in outcome.notes)
            if publish and outcome.created and outcome.release.published_at is None:
                notes.append(f"{source.label}: no release date found; left as a draft.")
        if sources:
            self.stderr.write("")

        self.stdout.write(f"Created: {len(created)}")
        self.stdout.write(f"Already present: {len(present)}")
        self.stdout.write(f"Failed: {len(failed)}")
        for label, why in failed:
            self.stdout.write(f"  {label}: {why}")
        if notes:
            self.stdout.write("Notes:")
            for note in notes:
                self.stdout.write(f"  {note}")
        if failed:
            raise CommandError(f"{len(failed)} file(s) could not be imported; see above.")

    def progress(self, done: int, total: int, label: str, width: int = 30) -> None:
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total} {label[-50:]:<50}", ending="")
        self.stderr.flush()


def reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def import_one(source: Source, *, publish: bool):
    raw = source.read()
    if len(raw) > settings.IRSITE_MAX_UPLOAD_BYTES:
        raise SourceError(f"larger than the upload limit of {settings.IRSITE_MAX_UPLOAD_BYTES} bytes")
    parsed = parsing.parse_within(raw, filename=source.name, seconds=settings.IRSITE_PARSE_TIME_LIMIT)
    publish_at = None
    if publish and parsed.dateline.date:
        publish_at = timezone.make_aware(datetime.combine(parsed.dateline.date, time(0, 0)))
    return release_create_from_upload(parsed=parsed, source=raw, source_name=source.name, publish_at=publish_at)


def collect(path: Path) -> list[Source]:
    """A path -> its release files: the file, a folder's files (recursively, sorted), a zip's members."""
    if not path.exists():
        raise SourceError("no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not is_hidden(p.relative_to(path)))
        return [source for file in files for source in collect_file(file)]
    return collect_file(path)


def collect_file(path: Path) -> list[Source]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return zip_sources(path)
    if suffix in EXTENSIONS:
        return [file_source(path)]
    return []


def file_source(path: Path) -> Source:
    return Source(label=str(path), name=path.name, read=path.read_bytes)


def zip_sources(path: Path) -> list[Source]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and Path(info.filename).suffix.lower() in EXTENSIONS
                and not is_hidden(Path(info.filename))
            ]
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceError(f"not a readable .zip archive ({error})") from None
    return [
        Source(label=f"{path}:{info.filename}", name=Path(info.filename).name, read=member_reader(path, info))
        for info in sorted(members, key=lambda info: info.filename)
    ]


def member_reader(path: Path, info: zipfile.ZipInfo):
    def read() -> bytes:
        # The size is checked before inflating, so a zip bomb is refused unread.
        if info.file_size > settings.IRSITE_MAX_UPLOAD_BYTES:
            raise SourceError(f"larger than the upload limit of {settings.IRSITE_MAX_UPLOAD_BYTES} bytes")
        with zipfile.ZipFile(path) as archive:
            return archive.read(info)

    return read


def is_hidden(relative: Path) -> bool:
    """Dot files and macOS archive litter (__MACOSX/) are not releases."""
    return any(part.startswith(".") or part == "__MACOSX" for part in relative.parts)
