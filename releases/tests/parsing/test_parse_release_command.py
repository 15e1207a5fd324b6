"""`manage.py parse_release`: JSON Lines in the contract's shape, error lines, exit status."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

RELEASE = (
    "Acme Corp. Announces Fourth Quarter Results\n\n"
    "NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp. (NYSE: ACM), a maker of anvils, today announced results "
    "for the quarter ended December 31, 2020.\n\n"
    "About Acme Corp.\n\nAcme Corp. makes anvils. Visit www.acme.com.\n"
)
KEYS = {"source", "headline", "subheadline", "dateline", "wire", "company", "listings", "about", "calls", "contacts"}


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("parse_release", *args, stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
    return code, out.getvalue(), err.getvalue()


def test_json_lines_in_the_contract_shape(tmp_path):
    release = tmp_path / "acme.txt"
    release.write_text(RELEASE)
    code, out, _ = run("--json", str(release))
    assert code == 0
    (line,) = out.splitlines()
    data = json.loads(line)
    assert set(data) == KEYS
    assert data["source"] == str(release)
    assert data["headline"] == "Acme Corp. Announces Fourth Quarter Results"
    assert data["dateline"] == {"location": "NEW YORK", "date": "2021-01-05"}
    assert data["wire"] == "PR Newswire"
    assert data["company"] == {"name": "Acme Corp.", "website": "www.acme.com"}
    assert data["listings"] == [{"exchange": "NYSE", "ticker": "ACM"}]
    assert data["about"] == "Acme Corp. makes anvils. Visit www.acme.com."
    assert data["calls"] == [] and isinstance(data["contacts"], list)


@pytest.mark.parametrize("content", [b"", b"\x00\xff\x00\xfe" * 64], ids=["empty", "binary"])
def test_a_bad_file_gives_an_error_line_and_exit_1_while_the_others_parse(tmp_path, content):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(RELEASE)
    bad.write_bytes(content)
    code, out, err = run("--json", str(bad), str(good))
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert set(first) == {"source", "error"} and first["source"] == str(bad)
    assert first["error"].endswith(".") and "Traceback" not in out + err
    assert second["headline"] == "Acme Corp. Announces Fourth Quarter Results"


def test_missing_file_is_an_error_line(tmp_path):
    code, out, _ = run("--json", str(tmp_path / "nope.txt"))
    assert code == 1
    assert json.loads(out) == {"source": str(tmp_path / "nope.txt"), "error": "No such file."}


def test_without_json_a_readable_summary(tmp_path):
    release = tmp_path / "acme.txt"
    release.write_text(RELEASE)
    code, out, _ = run(str(release))
    assert code == 0
    assert "headline:    Acme Corp. Announces Fourth Quarter Results" in out
    assert "NYSE: ACM" in out


def test_a_parser_bug_on_one_file_is_its_error_line_and_the_others_still_parse(tmp_path, monkeypatch):
    from releases.management.commands import parse_release

    from releases.parsing import ParserCrash

    real = parse_release.parse_within

    def buggy(raw, *, filename="", seconds):
        if filename.endswith("bug.txt"):  # as the child process reports a bug in the parser
            raise ParserCrash("IndexError: list index out of range")
        return real(raw, filename=filename, seconds=seconds)

    monkeypatch.setattr(parse_release, "parse_within", buggy)
    (tmp_path / "bug.txt").write_text(RELEASE)
    (tmp_path / "fine.txt").write_text(RELEASE)
    code, out, err = run("--json", str(tmp_path / "bug.txt"), str(tmp_path / "fine.txt"))
    bug, fine = (json.loads(line) for line in out.splitlines())
    assert code == 1
    assert set(bug) == {"source", "error"} and "IndexError" in bug["error"]
    assert fine["headline"] == "Acme Corp. Announces Fourth Quarter Results"
    assert "Traceback" not in out + err
