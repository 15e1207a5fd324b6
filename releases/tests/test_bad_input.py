"""Bad files, through the parser and through the admin upload.

Each gets a sentence a person understands or a sanitized result; an upload that fails
stores nothing (no rows, no pending file) and the site keeps serving. Hostile HTML is
followed from upload through review and publication to the public page.
Complements test_upload.py and parsing/test_release.py, which cover the plain cases.
Three of these (a zip bomb inflated, mixed encodings garbled, quadratic markdown links)
found parser defects, since fixed.
"""

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from releases.models import PressRelease
from releases.parsing import ParseError, parse_press_release
from releases.services import release_publish

from .pdfs import CALL_RELEASE, encrypted_pdf, scanned_pdf
from .test_upload import UPLOAD_URL, counts, review_post_data

BASE_DIR = Path(__file__).resolve().parents[2]
LEAD = "NEW YORK, Oct 20, 2011 (BUSINESS WIRE) -- Acme Corp. (NYSE: ACM) today announced results for its quarter."


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Builds a valid .docx whose document.xml inflates to `megabytes` MB: a zip bomb small
# enough to pass the upload size limit. Shared with the subprocess that measures memory.
DOCX_BOMB = r'''
def docx_bomb(template: bytes, megabytes: int) -> bytes:
    import io, zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename != "word/document.xml":
                dst.writestr(item, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            with dst.open(item.filename, "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                for _ in range(megabytes):
                    part.write(b" " * (1024 * 1024))
                part.write(tail)
    return out.getvalue()
'''
exec(DOCX_BOMB)

HOSTILE_HTML = f"""<html><head><title>Acme</title><script>alert('head')</script></head><body>
<h1>Acme Corp. Announces Results<script>alert('h1')</script></h1>
<p>{LEAD} <img src=x onerror="alert('img')"> <a href="javascript:alert('link')">Details</a>
<a href="https://www.acme.example/ir" onclick="alert('click')">Investors</a></p>
<p style="background:url(javascript:alert('css'))">Revenue rose on strong demand in every region we serve.</p>
<iframe src="https://evil.example/"></iframe><svg onload="alert('svg')"></svg>
<p>Plain &lt;script&gt;steal()&lt;/script&gt; text stays text.</p>
</body></html>"""

MIXED_ENCODING = (
    "Acme Corp. Announces Café Opening\n\n".encode()  # UTF-8 é
    + LEAD.encode()
    + b" The CEO said \x93we are delighted\x94 (cp1252 quotes).\n"  # Windows-1252 “ ”
)

# (id, file name, content, the sentence's words) for files that must be refused.
REFUSED = [
    ("empty", "empty.txt", b"", "empty"),
    ("whitespace", "blank.txt", b" \r\n\t\n  ", "empty"),
    ("binary", "release.txt", bytes(range(256)) * 40, "binary"),
    ("image-as-html", "release.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 4000, "binary"),
    ("truncated-docx", "release.docx", docx_bytes("Acme Corp. Announces Results", LEAD)[:3000], "Word"),
    ("zip-bomb-docx", "bomb.docx", docx_bomb(docx_bytes("Acme Corp. Announces Results", LEAD), 60), "Word"),
    ("deeply-nested-html", "nested.html", b"<html><body>" + b"<div>" * 100_000 + b"</body></html>", "release"),
    ("scanned-pdf", "scan.pdf", scanned_pdf(), "it may be a scan"),
    ("encrypted-pdf", "locked.pdf", encrypted_pdf(CALL_RELEASE), "encrypted"),
    ("damaged-pdf", "release.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 16, "damaged"),
]


# The parser


@pytest.mark.parametrize("name, content, words", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_unusable_file_is_refused_with_a_sentence(name, content, words):
    with pytest.raises(ParseError, match=words) as caught:
        parse_press_release(content, filename=name)
    message = str(caught.value)
    assert message[0].isupper() and message.rstrip().endswith(".")
    assert "Traceback" not in message


def test_truncated_html_is_read_up_to_where_it_stops():
    raw = f"<html><body><h1>Acme Corp. Announces Results</h1><p>{LEAD}</p><p>More <a href='java".encode()
    parsed = parse_press_release(raw, filename="cut.html")
    assert parsed.headline == "Acme Corp. Announces Results"
    assert "today announced results" in parsed.body_html
    assert "java" not in parsed.body_html


def test_hostile_html_parses_to_inert_html():
    parsed = parse_press_release(HOSTILE_HTML.encode(), filename="hostile.html")
    assert parsed.headline == "Acme Corp. Announces Results"
    assert_inert(parsed.body_html)
    assert '<a href="https://www.acme.example/ir"' in parsed.body_html
    assert "&lt;script&gt;steal()&lt;/script&gt;" in parsed.body_html


def test_xml_entity_expansion_is_not_performed():
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 8))
    raw = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol0 "lol">{laughs}]>'
        f"<html><body><h1>Acme Corp. Announces Results</h1><p>{LEAD} &lol7;</p></body></html>"
    ).encode()
    parsed = parse_press_release(raw, filename="laughs.html")
    assert "lollol" not in parsed.body_html
    assert len(parsed.body_html) < 2000


def test_mixed_utf8_and_cp1252_text_decodes_both():
    parsed = parse_press_release(MIXED_ENCODING, filename="mixed.txt")
    assert parsed.headline == "Acme Corp. Announces Café Opening"
    assert "\u201cwe are delighted\u201d" in parsed.body_html


def test_zip_bomb_docx_is_refused_without_inflating_it():
    # In a child process, so that its peak memory is the parser's alone.
    code = DOCX_BOMB + r'''
import io, json, resource, sys
sys.path.insert(0, ".")
import docx
from releases.parsing import ParseError, parse_press_release
template = io.BytesIO()
docx.Document().save(template)
bomb = docx_bomb(template.getvalue(), 300)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    parse_press_release(bomb, filename="bomb.docx")
    error = None
except ParseError as caught:
    error = str(caught)
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"size": len(bomb), "error": error, "grown_mb": grown // 1024}))
'''
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["size"] < 1024 * 1024
    assert outcome["error"]
    assert outcome["grown_mb"] < 50, outcome


def test_runs_of_markdown_brackets_parse_in_linear_time():
    code = (
        "import sys; sys.path.insert(0, '.'); from releases.parsing import parse_press_release; "
        f"parse_press_release({f'Acme Corp. Announces Results{chr(10) * 2}{LEAD}{chr(10) * 2}'!r} "
        "+ '[' * 16_000 + '](' * 16_000)"
    )
    # A timeout, not a benchmark: a linear parser needs well under a second here.
    subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, timeout=4, check=True, capture_output=True)


# The admin upload


def upload(client, content: bytes, name: str):
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, content), "text": ""})


LIVE_MARKUP = re.compile(
    r"<script[^>]*>[^<]*alert|<[^>]+\s(?:on\w+|style)\s*=|(?:href|src)\s*=\s*[\"']?\s*javascript:|<iframe[^>]*evil",
    re.IGNORECASE,
)  # e.g. <img src=x onerror="alert('img')">; escaped text such as &lt;script&gt; is not markup


def assert_page_inert(html: str) -> None:
    """A whole page: the admin's and the site's own <script src> tags are fine, injected code is not."""
    assert LIVE_MARKUP.findall(html) == []


def assert_inert(html: str) -> None:
    lowered = html.lower()
    for marker in ("<script", "alert(", "javascript:", "onerror", "onclick", "onload", "<iframe", "<svg", "style="):
        assert marker not in lowered, marker


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, words", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_unusable_upload_is_an_error_on_the_form_and_nothing_is_kept(staff_client, media_root, name, content, words):
    response = upload(staff_client, content, name)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="errornote"' in page
    assert words.lower() in page.lower()
    assert counts() == [0] * len(counts())
    assert not (media_root / "uploads").exists()
    assert staff_client.get("/").status_code == 200


@pytest.mark.django_db
def test_upload_over_the_request_limit_is_refused_and_the_site_keeps_serving(staff_client, settings, media_root):
    settings.IRSITE_MAX_UPLOAD_BYTES = 50_000
    settings.IRSITE_MAX_REQUEST_BYTES = 60_000
    response = upload(staff_client, b"a" * 70_000, "huge.txt")
    assert response.status_code == 413
    assert "the largest accepted is 60,000 bytes" in response.content.decode()
    assert counts() == [0] * len(counts())
    assert not (media_root / "uploads").exists()
    assert staff_client.get("/").status_code == 200


@pytest.mark.django_db
def test_hostile_upload_is_inert_on_the_review_page_and_the_public_page(staff_client, ir_staff, client):
    review = upload(staff_client, HOSTILE_HTML.encode(), "hostile.html")
    assert review.status_code == 302
    page = staff_client.get(review["Location"])
    assert page.status_code == 200
    assert_page_inert(page.content.decode())

    saved = staff_client.post(review["Location"], review_post_data(page))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    release = PressRelease.objects.get()
    assert_inert(release.body)
    release_publish(release=release, confirmed=True)

    public = client.get(release.get_absolute_url())
    assert public.status_code == 200
    html = public.content.decode()
    assert "Revenue rose on strong demand" in html
    assert "&lt;script&gt;steal()&lt;/script&gt;" in html
    assert_page_inert(html)
    assert public.headers["Content-Security-Policy"].startswith("default-src 'self'")


@pytest.mark.django_db
def test_hostile_pasted_text_stays_text(staff_client):
    text = f"Acme Corp. Announces <script>alert('t')</script> Results\n\n{LEAD} <img src=x onerror=alert(1)>\n"
    review = staff_client.post(UPLOAD_URL, {"text": text})
    assert review.status_code == 302
    page = staff_client.get(review["Location"]).content.decode()
    assert_page_inert(page)
    assert "&lt;script&gt;" in page
