"""PDF in: a release printed to PDF reads as its text does; a PDF that holds no readable text gets a sentence.

The PDFs are written by releases/tests/pdfs.py (the corpus has none): Helvetica text laid out on Letter pages.
"""

import re

import pytest

from releases.parsing import ParseError, parse_press_release
from releases.parsing import pdf as pdf_module
from releases.parsing.document import to_document
from releases.tests.pdfs import CALL_RELEASE, encrypted_pdf, release_pdf, scanned_pdf

# Printed side by side: "Investor Contact" and "Media Contact" in two columns
TWO_COLUMN_RELEASE = """Acme Widgets Sets the Date of Its Annual Investor Day in New York

NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Widgets, Inc. (NYSE: ACM) today said it will hold its investor day on March 20, 2025, with presentations by the management team and a question and answer session.

Investor Contact
Jane Doe
+1 617-555-0142
"""  # noqa: E501
BESIDE = {"Investor Contact": ["Media Contact", "John Roe", "+1 617-555-0187"]}

FIELDS = ("headline", "dateline", "wire", "listings", "calls", "contacts")


def markdown_free(text: str) -> str:
    """000.txt as a word processor would print it: [label](href) and <href> as their printed text."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("<http", "http").replace(".com>", ".com")


def fields(raw: bytes, name: str) -> dict:
    contract = parse_press_release(raw, filename=name).as_contract(name)
    return {field: contract[field] for field in FIELDS}


@pytest.mark.parametrize(
    "layout",
    [{}, {"header": "Acme Widgets, Inc. | News Release", "footer": True},
     {"line_gap": 2.0, "paragraph_gap": 10, "footer": True}],
    ids=["single-spaced", "running-header-and-page-numbers", "double-spaced-two-pages"],
)
@pytest.mark.parametrize("release", ["call", "000"], ids=["call-announcement", "immunogen-000"])
def test_a_release_printed_to_pdf_reads_as_its_text(release, layout, corpus_dev):
    text = CALL_RELEASE if release == "call" else markdown_free((corpus_dev / "000.txt").read_text())
    expected = fields(text.encode(), "release.txt")
    assert expected["headline"] and expected["calls"] and expected["contacts"]
    assert fields(release_pdf(text, **layout), "release.pdf") == expected


def test_pdf_blocks_keep_paragraphs_lines_and_the_headline():
    blocks = to_document(release_pdf(CALL_RELEASE, footer=True)).blocks
    assert blocks[0].tag == "h1"
    assert " ".join(blocks[0].lines).startswith("Acme Widgets, Inc. Announces Conference Call")
    lead = blocks[1]
    assert lead.lines == [lead.text] and lead.text.startswith("BOSTON, Feb. 3, 2025 /PRNewswire/ --")
    assert lead.text.endswith("ended December 31, 2024.")  # its wrapped lines joined
    assert ["Investor Contact:", "Jane Doe", "Vice President, Investor Relations", "+1 617-555-0142",
            "ir@acmewidgets.com"] in [b.lines for b in blocks]
    assert "Page 1 of 1" not in "\n".join(b.text for b in blocks)


def test_a_paragraph_cut_by_a_page_break_is_one_block_and_page_furniture_is_dropped():
    long = " ".join(f"clause {n} of a sentence that runs over the page break," for n in range(1, 90)) + " and ends."
    text = f"Acme Widgets Reports Results for the Year\n\n{long}\n\nAbout Acme\n\nAcme makes widgets."
    raw = release_pdf(text, header="Acme Widgets | News Release", footer=True)
    blocks = to_document(raw).blocks
    assert [b.text for b in blocks if "clause 1 of" in b.text] == [long]
    joined = "\n".join(b.text for b in blocks)
    assert "Page 1 of" not in joined and "Page 2 of" not in joined and "News Release" not in joined


def test_columns_printed_side_by_side_are_a_table_and_give_a_contact_each():
    raw = release_pdf(TWO_COLUMN_RELEASE, columns=BESIDE)
    tables = [b.text for b in to_document(raw).blocks if b.tag == "table"]
    assert tables == ["Investor Contact\tMedia Contact\nJane Doe\tJohn Roe\n+1 617-555-0142\t+1 617-555-0187"]
    contacts = parse_press_release(raw, filename="x.pdf").contacts
    assert [(c.role, c.name, c.phones) for c in contacts] == [
        ("investors", "Jane Doe", ("+1 617-555-0142",)), ("media", "John Roe", ("+1 617-555-0187",))]


def test_a_pdf_is_recognised_by_its_header_without_its_name():
    assert to_document(release_pdf(CALL_RELEASE), filename="upload").kind == "pdf"


@pytest.mark.parametrize(
    "raw, message",
    [
        (scanned_pdf(2), "This PDF has no text layer"),
        (encrypted_pdf(CALL_RELEASE), "encrypted"),
        (b"%PDF-1.4 not a release", "damaged"),
        (release_pdf(CALL_RELEASE)[:300], "damaged"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 20, "damaged"),
    ],
    ids=["scanned", "encrypted", "junk-after-header", "cut-short", "binary-after-header"],
)
def test_a_pdf_without_readable_text_gets_a_sentence(raw, message):
    with pytest.raises(ParseError, match=message) as caught:
        parse_press_release(raw, filename="release.pdf")
    assert str(caught.value)[0].isupper() and str(caught.value).endswith(".")


def test_the_scan_message_says_it_may_be_a_scan():
    with pytest.raises(ParseError, match=r"it may be a scan"):
        to_document(scanned_pdf(), filename="scan.pdf")


def test_a_pdf_of_too_many_pages_is_refused(monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 2)
    long = "\n\n".join(f"Paragraph {n} of a release that goes on and on for page after page." for n in range(200))
    with pytest.raises(ParseError, match=r"pages; a press release may have at most 2"):
        to_document(release_pdf(f"Acme Widgets Reports Results\n\n{long}"), filename="long.pdf")
