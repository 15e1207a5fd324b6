"""to_document: bytes of every accepted kind -> blocks; unusable bytes -> ParseError."""

import io
import zipfile

import pytest

from releases.parsing import ParseError
from releases.parsing.document import to_document

RELEASE = "Acme Corp. Announces Results\n\nNEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today said.\n"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (RELEASE.replace("said", "said “hello” — again").encode("utf-8"), "“hello” — again"),
        (b"\xef\xbb\xbf" + RELEASE.encode("utf-8"), "Acme Corp. Announces Results"),
        (RELEASE.replace("said", "said “hello” — again").encode("cp1252"), "“hello” — again"),
        (RELEASE.replace("Corp.", "Café").encode("latin-1"), "Café"),
        (RELEASE.encode("utf-16"), "Acme Corp. Announces Results"),
        ("Café ".encode("utf-8") + "“quoted”".encode("cp1252") + RELEASE.encode("utf-8"), "Café “quoted”"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252-smart-quotes", "latin-1", "utf-16-bom", "utf-8-mixed-with-1252"],
)
def test_encodings_are_detected_and_smart_quotes_kept(raw, expected):
    document = to_document(raw)
    assert expected in "\n".join(b.text for b in document.blocks)
    assert not document.blocks[0].text.startswith("\ufeff")


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 50, "binary"),
        (b"PK\x03\x04not really a word file", "Word"),
    ],
    ids=["empty", "whitespace", "binary", "png", "broken-docx"],
)
def test_unusable_bytes_raise_a_readable_error(raw, message):
    with pytest.raises(ParseError, match=message):
        to_document(raw)


def test_markdown_text_keeps_links_and_headings():
    raw = (
        "# Acme Announces a Call\n\n"
        "NEW YORK -- [Acme Corp.](http://www.acme.com) will host a call. See <http://ir.acme.com>.\n\n"
        "![logo](/img/logo.png)\n\n"
        "* first item\n* second item\n"
    )
    blocks = to_document(raw).blocks
    assert (blocks[0].tag, blocks[0].text) == ("h1", "Acme Announces a Call")
    assert blocks[1].text == "NEW YORK -- Acme Corp. will host a call. See http://ir.acme.com."
    assert [link.href for link in blocks[1].links] == ["http://www.acme.com", "http://ir.acme.com"]
    assert [(b.tag, b.text) for b in blocks[2:]] == [("li", "first item"), ("li", "second item")]


def test_markdown_copy_of_a_newswire_page_keeps_setext_headings_titled_links_and_tables():
    # A PR Newswire page saved as Markdown (2020): "===" and "---" underlines, links with titles, a contacts table
    raw = (
        "[![Return to PR Newswire homepage](/logo.png \"Return to PR Newswire homepage\")](/)\n\n"
        "* [News in Focus](# \"News in Focus\")\n\n"
        "Acme Adds a Director to Its Board\n=================================\n\n"
        "News provided by\n----------------\n\n"
        "**Contacts:**\n\n|  |  |\n| --- | --- |\n| John Stevens, CEO | Tim Pierce, Vice President |\n"
        "| 617-395-7601 |  |\n"
    )
    blocks = to_document(raw).blocks
    assert [(b.tag, b.text) for b in blocks] == [
        ("li", "News in Focus"),
        ("h1", "Acme Adds a Director to Its Board"),
        ("h2", "News provided by"),
        ("p", "Contacts:"),
        ("table", "John Stevens, CEO\tTim Pierce, Vice President\n617-395-7601"),
    ]
    assert blocks[0].links[0].href == "#"


def test_hard_wrapped_paragraphs_are_joined_and_short_lines_kept():
    raw = (
        "PURCHASE, N.Y.--(BUSINESS WIRE)--Mastercard (NYSE: MA) today announced it has\n"
        "entered into an agreement to acquire Transfast.\n\n"
        "Investor Contact\nJessica Largent, 303.837.5484\njessica.largent@newmont.com\n"
    )
    blocks = to_document(raw).blocks
    assert blocks[0].text.endswith("announced it has entered into an agreement to acquire Transfast.")
    assert blocks[1].lines == ["Investor Contact", "Jessica Largent, 303.837.5484", "jessica.largent@newmont.com"]


def test_a_paragraph_printed_as_two_columns_keeps_its_columns():
    raw = (
        "Acme Robotics, Inc. today announced it has entered into an agreement to acquire Beta Corp.\n\n"
        "Jane Doe                                 Bob Smith\n"
        "Chief Financial Officer                  Managing Director\n"
        "408-555-0100                             443-555-0199\n"
    )
    columns = to_document(raw).blocks[1]
    assert columns.tag == "pre"
    assert columns.lines[1] == "Chief Financial Officer                  Managing Director"


def test_prose_justified_with_wide_gaps_is_no_table_of_columns():
    raw = (
        "Acme Robotics, Inc. today   announced it has entered into an agreement to acquire Beta Corp, a maker\n"
        "of warehouse shelving, for   $120 million in cash, subject to the approval of the shareholders\n"
        "of Beta Corp.\n"
    )
    assert to_document(raw).blocks[0].tag == "p"


def test_character_references_left_in_a_saved_page_are_read():
    assert to_document("# Acme Bank &amp; Trust Names a Chief Audit Executive\n").blocks[0].text == (
        "Acme Bank & Trust Names a Chief Audit Executive")


def test_html2text_line_breaks_keep_a_contact_block_whole_but_end_a_paragraph_after_a_sentence():
    raw = ("The webcast replay will be available for 90 days following the conclusion of the event.  \n  \n"
           "Michael Dillon\n  \n216-555-2000\n  \n[ir@acme.example.com](mailto:ir@acme.example.com)\n")
    assert [b.lines for b in to_document(raw).blocks] == [
        ["The webcast replay will be available for 90 days following the conclusion of the event."],
        ["Michael Dillon", "216-555-2000", "ir@acme.example.com"],
    ]


def test_one_paragraph_per_line_when_blank_lines_are_rare():
    raw = "\n".join(f"Paragraph number {n} of a release exported one line per paragraph." for n in range(12))
    assert len(to_document(raw).blocks) == 12


def test_front_matter_gives_the_title():
    raw = '---\ntitle: "Acme Reports Record Results"\ndate: "2025-02-12 20:10:00"\n---\n\nSubtitle line here\n'
    document = to_document(raw)
    assert document.title == "Acme Reports Record Results"
    assert [b.text for b in document.blocks] == ["Subtitle line here"]


def test_edgar_wrapper_yields_the_exhibit():
    raw = (
        "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>The cover form</p></body></html>\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n<html><body><p>Exhibit 99.1</p>"
        "<p>Acme Reports Results</p><p>NEW YORK -- Acme Corp. today reported.</p></body></html>\n</TEXT>\n</DOCUMENT>"
    ).encode()
    texts = [b.text for b in to_document(raw, filename="0001.txt").blocks]
    assert texts == ["Exhibit 99.1", "Acme Reports Results", "NEW YORK -- Acme Corp. today reported."]


NEWSWIRE_PAGE = """<!DOCTYPE html><html><head><title>Acme Wins | Business Wire</title>
<meta property="og:site_name" content="Business Wire"><script>var x = 1;</script><style>p {color: red}</style></head>
<body><nav class="site-nav"><a href="/">Home</a><a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies. Accept</div>
<article><header class="article-header"><h1>Acme Wins a Large Contract</h1></header>
<div class="bw-release-story">
<p>NEW YORK--(BUSINESS WIRE)--Acme Corp. (NYSE: ACM) today announced that it has won a contract worth a great deal
of money over many years, the largest in the history of the company, and it expects more to come soon.</p>
<ul><li>First point</li><li>Second point</li></ul>
<table><tr><td>Revenue</td><td>$10</td></tr><tr><td>Profit</td><td>$2</td></tr></table>
<div><p>Contacts<br>Jane Doe<br>jane@acme.com</p></div>
</div></article>
<footer class="site-footer">Copyright Business Wire. <a href="/privacy">Privacy</a></footer>
<aside class="related-news"><p>Other news that is not this release at all.</p></aside>
</body></html>"""


def test_newswire_page_keeps_the_release_and_drops_the_chrome():
    document = to_document(NEWSWIRE_PAGE.encode(), filename="page.html")
    texts = [b.text for b in document.blocks]
    assert document.kind == "html"
    assert document.title == "Acme Wins"
    assert texts[0] == "Acme Wins a Large Contract"
    assert texts[1].startswith("NEW YORK--(BUSINESS WIRE)--Acme Corp.")
    assert [b.text for b in document.blocks if b.tag == "li"] == ["First point", "Second point"]
    assert any(b.tag == "table" and b.text == "Revenue\t$10\nProfit\t$2" for b in document.blocks)
    assert ["Contacts", "Jane Doe", "jane@acme.com"] in [b.lines for b in document.blocks]
    joined = "\n".join(texts)
    for chrome in ("var x", "color: red", "Home", "cookies", "Privacy", "Other news"):
        assert chrome not in joined


def test_docx_paragraphs_and_tables_are_read():
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_heading("Acme Announces Results", level=0)
    word.add_paragraph("NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced results.")
    table = word.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Revenue", "$10"
    buffer = io.BytesIO()
    word.save(buffer)
    document = to_document(buffer.getvalue(), filename="draft.docx")
    assert document.kind == "docx"
    assert [(b.tag, b.text) for b in document.blocks] == [
        ("h1", "Acme Announces Results"),
        ("p", "NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced results."),
        ("table", "Revenue\t$10"),
    ]


def test_bullets_laid_out_as_a_table_are_list_items():
    raw = ("<html><body><p>Acme Reports Results</p><table><tr><td>•</td><td>Revenue up 10%</td></tr>"
           "<tr><td>•</td><td>New plant opened</td></tr></table>"
           "<table><tr><td>Revenue</td><td>$10</td></tr></table></body></html>")
    blocks = to_document(raw.encode(), filename="ex99.htm").blocks
    assert [(b.tag, b.text) for b in blocks] == [
        ("p", "Acme Reports Results"), ("li", "Revenue up 10%"), ("li", "New plant opened"),
        ("table", "Revenue\t$10"),
    ]


def test_a_docx_that_would_inflate_beyond_reason_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("word/document.xml", b"\0" * (51 * 1024 * 1024))
    with pytest.raises(ParseError, match="would expand to more than 50 MB"):
        to_document(archive.getvalue(), filename="bomb.docx")


def test_a_symbol_font_glyph_is_a_bullet():
    html = ("<html><body><p><b>Acme Reports Results</b></p><p><font face='Wingdings'>&#159;</font>"
            "<i>Revenue of $1.2 billion, up 10 Percent</i></p><p>NEW YORK, Jan. 5, 2021 -- Acme Corp. today said "
            "that its results for the year were the best it ever had, and that it expects more.</p></body></html>")
    blocks = to_document(html, filename="x.html").blocks
    assert (blocks[1].tag, blocks[1].text) == ("li", "Revenue of $1.2 billion, up 10 Percent")


@pytest.mark.parametrize("inner, kept", [
    ("dosed at 10 <font face='Symbol'>µ</font>g/kg", "10 µg/kg"),
    ("p<font style='font-family:Symbol'>&lt;</font>0.01 against placebo", "p<0.01"),
    ("a margin of <font face='Symbol'>±</font>2 points", "±2 points"),
    ("the <font face='Symbol'>a</font>-subunit of the receptor", "a-subunit"),
], ids=["micro", "less-than", "plus-minus", "greek-letter"])
def test_a_symbol_font_glyph_inside_a_sentence_is_no_bullet(inner, kept):
    html = (f"<html><body><p>Acme Reports Trial Results</p><p>BOSTON, Jan. 5, 2021 -- Acme Corp. said the drug, "
            f"{inner}, met its goal.</p></body></html>")
    text = " ".join(b.text for b in to_document(html, filename="x.html").blocks)
    assert "•" not in text and kept in text


def test_a_symbol_font_letter_that_is_no_bullet_glyph_opens_its_paragraph():
    html = ("<html><body><p>Acme Reports Trial Results</p><p><font face='Symbol'>a</font>-Synuclein levels fell by "
            "half in treated patients.</p></body></html>")
    blocks = to_document(html, filename="x.html").blocks
    assert (blocks[1].tag, blocks[1].text) == ("p", "a-Synuclein levels fell by half in treated patients.")


def test_an_exhibit_file_name_is_not_a_page_title():
    html = "<html><head><title>exv99w1</title></head><body><p>Acme Reports Results</p></body></html>"
    assert to_document(html, filename="x.html").title is None


def test_an_about_heading_glued_to_the_sentence_before_it_starts_a_block():
    text = "Please register at: Acme – Earnings Call 9M 2025.About Acme Group\n\nAcme Group makes anvils."
    assert [b.text for b in to_document(text).blocks] == [
        "Please register at: Acme – Earnings Call 9M 2025.", "About Acme Group", "Acme Group makes anvils."]


def test_lines_far_longer_than_a_wrap_are_paragraphs_of_their_own():
    long = "Acme Corp. today reported orders of $1.69 billion, down 8 percent compared with one year ago, " * 3
    text = ("Exhibit 99.1\n \nINVESTOR CONTACT:\nJane Doe\nAcme Technologies Corp. Reports Second-Quarter 2013 Results,\n"
            "Increases Stock Repurchase Program\nSANTA CLARA, Calif., May 14, 2013 - " + long + "\n" + long + "\n")
    assert [b.text for b in to_document(text).blocks][1:4] == [
        "INVESTOR CONTACT:", "Jane Doe",
        "Acme Technologies Corp. Reports Second-Quarter 2013 Results, Increases Stock Repurchase Program"]


WRAPPED_LEAD = ("NEW YORK, Feb. 5, 2025 (BUSINESS WIRE) -- Acme Corp. (NYSE: ACME) today reported results for the "
                "fourth quarter of 2024, with revenue up 12 percent on strong demand in all of its regions.")
TRACKING_URL = "https://www.example-wire.com/news/home/20250205000001/en/?utm_source=feed&id=" + "0123456789abcdef" * 12


@pytest.mark.parametrize("width, long_line", [
    (48, TRACKING_URL),
    (42, "<" + TRACKING_URL + ">"),
    (60, "Revenue\t" + "\t".join(f"{n},123.4" for n in range(30))),
], ids=["url-beside-48-columns", "bracketed-url-beside-42-columns", "table-row-beside-60-columns"])
def test_a_narrow_wrap_beside_one_long_line_stays_one_paragraph(width, long_line):
    import textwrap

    text = "Acme Corp. Reports Results\n\n" + "\n".join(textwrap.wrap(WRAPPED_LEAD, width)) + "\n" + long_line + "\n"
    blocks = [" ".join(b.lines) for b in to_document(text).blocks]
    assert any(block.startswith(WRAPPED_LEAD) for block in blocks)


def test_an_unwrapped_stretch_joins_a_narrow_wrapped_paragraph_at_its_own_width():
    import textwrap

    long = "Acme Corp. today reported orders of $1.69 billion, down 8 percent compared with one year ago. " * 3
    text = long.strip() + "\n" + "\n".join(textwrap.wrap(WRAPPED_LEAD, 46)) + "\n" + long.strip() + "\n"
    assert [" ".join(b.lines) for b in to_document(text).blocks] == [long.strip(), WRAPPED_LEAD, long.strip()]


HARD_WRAPPED_PARAGRAPHS = [
    WRAPPED_LEAD,
    "Revenue rose in every segment, led by industrial sensors, and the company raised its outlook for the full "
    "year to between $4.1 billion and $4.3 billion.",
    "Acme will host a conference call at 4:30 p.m. ET today.",
    "The call can be reached by dialing 1-800-555-0100, and a replay will be available until February 12, 2025 "
    "on the company's website.",
]


def test_a_text_hard_wrapped_without_blank_lines_parts_its_paragraphs_where_a_line_stops_short():
    import textwrap

    text = "Acme Corp. Reports Results\n" + "\n".join(
        "\n".join(textwrap.wrap(paragraph, 72)) for paragraph in HARD_WRAPPED_PARAGRAPHS) + (
        "\nContact:\nJane Doe\nAcme Corp.\n212-555-0111\n")
    blocks = [" ".join(b.lines) for b in to_document(text).blocks]
    assert blocks[:5] == ["Acme Corp. Reports Results", *HARD_WRAPPED_PARAGRAPHS]
    assert blocks[5:] == ["Contact:", "Jane Doe", "Acme Corp.", "212-555-0111"]


def test_a_markdown_table_printed_against_the_text_is_a_table_of_its_own():
    text = ("Acme will host a conference call today.\n| United States: | +1-877-344-7529 |\n| --- | --- |\n"
            "| Replay Access Code: | 4460802 |\nA live webcast will be available at ir.acme.com.\n")
    blocks = to_document(text).blocks
    assert [b.tag for b in blocks] == ["p", "table", "p"]


def padded_page(body: str, padding: str) -> str:
    """A page as a server template prints it: blank lines before the doctype, indentation between tags."""
    return padding + "<!doctype html>\n<html lang=\"en\"><head><title>Page</title></head><body>" + body + "</body></html>"


PADDED_BODY = ("<h1>Orbis Minerals Expands Its Drill Programme</h1><p>PERTH, Australia, 4 March 2024 -- Orbis Minerals "
               "Ltd (ASX: ORB) today announced a larger drill programme at its flagship project.</p>")


@pytest.mark.parametrize("filename", ["release.html", "release.htm", "", "upload.txt"])
@pytest.mark.parametrize("padding", ["\n" * 6000, " " * 9000, "\r\n\t" * 3000], ids=["newlines", "spaces", "mixed"])
def test_a_page_opening_with_thousands_of_blank_characters_is_read_as_html(filename, padding):
    document = to_document(padded_page(PADDED_BODY, padding).encode(), filename=filename)
    assert document.kind == "html"
    assert [b.text for b in document.blocks][0] == "Orbis Minerals Expands Its Drill Programme"


@pytest.mark.parametrize(
    "container",
    ['<div class="col-9">{}</div>', '<section>{}</section>', '<div><div class="body-text">{}</div></div>'],
    ids=["div", "section", "nested"],
)
def test_paragraphs_each_marked_article_body_are_read_together_with_the_list_between_them(container):
    # schema.org allows one articleBody property per paragraph; a list between them carries none
    paragraph = '<p itemprop="articleBody">{}</p>'
    inner = (paragraph.format("TORONTO, Feb. 3, 2015 /CNW/ -- Maple Robotics Inc. (TSX: MRI) will present at:")
             + "<ul><li>the Spring Growth Conference on March 2, 2015 at 10:00 a.m. ET;</li>"
             + "<li>the Northern Tech Summit on March 9, 2015 at 2:30 p.m. ET.</li></ul>"
             + paragraph.format("About Maple Robotics")
             + paragraph.format("Maple Robotics builds warehouse robots for grocers and parcel carriers. " * 3))
    page = ('<html><body><div class="page"><h1>Maple Robotics to Present at Investor Conferences</h1>'
            + container.format(inner) + '</div><div class="more"><p>Most read: an unrelated story about something '
            'else that the site prints under every release it carries, whichever company issued it.</p></div>'
            "</body></html>")
    texts = [b.text for b in to_document(page, filename="p.html").blocks]
    assert texts[0] == "Maple Robotics to Present at Investor Conferences"
    assert texts[1].startswith("TORONTO, Feb. 3, 2015 /CNW/")
    assert "the Northern Tech Summit on March 9, 2015 at 2:30 p.m. ET." in texts
    assert "About Maple Robotics" in texts
    assert not any("Most read" in t for t in texts)


@pytest.mark.parametrize("marker", ['class="gallery-wrap"', 'class="photo-carousel"', 'id="slideshow"',
                                    'class="image lightbox"'])
def test_a_photo_gallery_caption_is_not_read_as_the_release(marker):
    indent = "\n" + " " * 400
    gallery = (f"<div {marker}>" + indent * 10 + "<div class=\"caption\">Company logo www.example.com."
               + indent * 10 + "<a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div></div>")
    page = padded_page("<h1>Acme Opens a Plant</h1>" + gallery + "<p>DALLAS, May 2, 2016 /PRNewswire/ -- Acme Corp. "
                       "opened a plant.</p>", "")
    assert [b.text for b in to_document(page, filename="p.html").blocks] == [
        "Acme Opens a Plant", "DALLAS, May 2, 2016 /PRNewswire/ -- Acme Corp. opened a plant."]


@pytest.mark.parametrize(
    "exhibit",
    [
        "<HTML><BODY><P>Exhibit 99.1</P><P>Orbis Minerals Reports Drill Results</P><P>PERTH, Australia, March 4, "
        "2024 – Orbis Minerals Ltd today reported drill results.</P></BODY></HTML>",
        "Exhibit 99.1\n\nOrbis Minerals Reports Drill Results\n\nPERTH, Australia, March 4, 2024 – Orbis Minerals Ltd "
        "today reported drill results.\n",
    ],
    ids=["html", "text"],
)
@pytest.mark.parametrize("header", ["<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.htm\n<TEXT>\n",
                                    "<TYPE>EX-99\n<SEQUENCE>3\n<FILENAME>d512.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"])
def test_one_document_cut_from_an_edgar_submission_loses_its_header(exhibit, header):
    texts = [b.text for b in to_document((header + exhibit + "\n</TEXT>\n").encode(), filename="ex99.htm").blocks]
    assert texts[:2] == ["Exhibit 99.1", "Orbis Minerals Reports Drill Results"]
    assert not any(word in "\n".join(texts) for word in ("ex99-1.htm", "d512.txt", "PRESS RELEASE", "EX-99\n"))


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Text of press release issued by Orbis Minerals Ltd on March 4, 2024", None),
        ("Press Release dated May 2, 2019", None),
        ("News release of Kestrel Foods plc", None),
        ("Copy of the earnings release for the third quarter", None),
        ("Press Release: Kestrel Foods Reports Record Sales", "Press Release: Kestrel Foods Reports Record Sales"),
        ("Nordwerk AG Reports Results", "Nordwerk AG Reports Results"),
    ],
    ids=["text-of-press-release", "press-release-dated", "news-release-of", "copy-of-earnings-release",
         "label-then-headline-kept", "headline-kept"],
)
def test_a_filers_description_of_the_exhibit_is_not_a_page_title(title, expected):
    html = f"<html><head><title>{title}</title></head><body><p>Orbis Minerals Reports Results</p></body></html>"
    assert to_document(html, filename="x.htm").title == expected


@pytest.mark.parametrize(
    "text, lines",
    [
        ("Contact Orbis:Website: www.orbis.com.auE-Mail: info@orbis.com.auPhone: +61 8 5550 0100",
         ["Contact Orbis:", "Website: www.orbis.com.au", "E-Mail: info@orbis.com.au", "Phone: +61 8 5550 0100"]),
        (" Investor Relations:Jan de Vries, Nordwerk AGEmail: ir@nordwerk.de",
         ["Investor Relations:", "Jan de Vries, Nordwerk AG", "Email: ir@nordwerk.de"]),
        ("Media:Kestrel PressX: @Kestrel_FoodsLinkedIn: Kestrel Foods",
         ["Media:", "Kestrel Press", "X: @Kestrel_Foods", "LinkedIn: Kestrel Foods"]),
        ("Phone: 555-0100 and Fax: 555-0101", ["Phone: 555-0100 and Fax: 555-0101"]),
        ("The new iPhone: faster. The APEX: lighter.", ["The new iPhone: faster. The APEX: lighter."]),
    ],
    ids=["desk-web-mail-phone", "label-name-mail", "social-handles", "labels-with-spaces-kept",
         "words-ending-in-a-label-kept"],
)
def test_contact_lines_run_together_are_parted_at_their_labels(text, lines):
    assert to_document(text + "\n").blocks[0].lines == lines


@pytest.mark.parametrize("wrapper", ['<article class="news-release inline-gallery-template">',
                                     '<div class="release-body gallery-layout">', '<main class="gallery">'])
def test_a_release_laid_out_with_a_gallery_is_kept(wrapper):
    tag = wrapper[1:].split()[0]
    page = (f"<html><body>{wrapper}<h2>Acme Opens a Plant</h2><p>DALLAS, May 2, 2016 /PRNewswire/ -- Acme Corp. "
            f"opened a plant.</p></{tag}></body></html>")
    texts = [b.text for b in to_document(page, filename="p.html").blocks]
    assert "DALLAS, May 2, 2016 /PRNewswire/ -- Acme Corp. opened a plant." in texts


def test_paragraphs_a_scraper_glued_together_are_parted_again_but_not_inside_addresses():
    lead = ("BEIJING, Feb. 18, 2020 /PRNewswire/ -- Acme, Inc. (NASDAQ: ACME) today announced that it will report "
            "results on Wednesday, February 26, 2020, after the close of the U.S. markets.")
    call = ("The call will be webcast live at http://ir.acme.com/News.Release and by mail from John.Smith@acme.com "
            "on February 26, 2020.")
    text = (lead + call + "Both will be available on the website at http://ir.acme.com/.About Acme, Inc."
            "Acme, Inc. (NASDAQ: ACME) makes widgets. For more information, please visit: http://ir.acme.com/. "
            "Contact for Media and Investors:Jane Doe ir@acme.com")
    blocks = [b.text for b in to_document(text).blocks]
    assert blocks[:2] == [lead, call]
    assert "About Acme, Inc." in blocks
    assert any(block.startswith("Contact for Media and Investors:") for block in blocks)


def test_a_label_alone_under_a_credit_link_starts_a_line_of_its_own():
    text = ("This press release speaks only as of its date, and we undertake no obligation to update it, except as "
            "required by law. " * 3 + "\nView source version on businesswire.com: https://www.businesswire.com/news/home/"
            "20200113005315/en/\nInvestors:\nAcme Inc.\nJane Doe\n1-604-555-0100\n")
    assert any("Investors:" in b.lines for b in to_document(text).blocks)


@pytest.mark.parametrize("glued, heading, body", [
    ("About CognizantCognizant (Nasdaq-100: CTSH) is one of the world's leading professional services companies.",
     "About Cognizant", "Cognizant (Nasdaq-100: CTSH) is one of the world's leading professional services companies."),
    ("About Acme, Inc.Acme, Inc. is a leading technology driven e-commerce company.",
     "About Acme, Inc.", "Acme, Inc. is a leading technology driven e-commerce company."),
])
def test_an_about_heading_glued_to_its_section_is_parted_from_it(glued, heading, body):
    lead = ("NEW YORK, Jan. 13, 2020 /PRNewswire/ -- Acme will host a conference call on February 5, 2020 to discuss "
            "its results for the fourth quarter, and a replay will be available for sixty days after the call. " * 2)
    blocks = [b.text for b in to_document(lead.rstrip() + glued).blocks]
    assert blocks[-2:] == [heading, body]


def test_a_title_glued_to_the_dateline_is_parted_from_it():
    text = ('Acme disagrees with implication of "espionage"\n\nApr 11, 2019 7:55AM EDT\n\n'
            'Acme disagrees with implication of "espionage"VELDHOVEN, the Netherlands, April 11, 2019 - Acme disagrees '
            'with any implication that it has been the victim of espionage, as an article stated.\n')
    blocks = [b.text for b in to_document(text).blocks]
    assert blocks[2] == 'Acme disagrees with implication of "espionage"'
    assert blocks[3].startswith("VELDHOVEN, the Netherlands, April 11, 2019 - Acme")


def test_markdown_with_html_line_breaks_is_still_markdown():
    text = (
        '---\nlayout: markdown_page\ntitle: "Acme to Announce Results"\n---\n\n'
        "**SAN FRANCISCO, November 15, 2021** - Acme Inc. today announced the date of its results.\n\n"
        "**Media Contact:**\n<br>\nJane Doe\n<br>\nAcme Inc.<br>press@acme.example.com\n\n"
        "**Investor Contact:**\n\nJohn Roe \\\nAcme Inc. \\\nir@acme.example.com\n"
    )
    document = to_document(text)
    assert document.title == "Acme to Announce Results"
    assert document.blocks[-3].text == "Media Contact:\nJane Doe\nAcme Inc.\npress@acme.example.com"
    assert document.blocks[-1].text == "John Roe\nAcme Inc.\nir@acme.example.com"  # a backslash breaks a line too


def test_a_server_page_keeps_its_code_out_of_the_text():
    page = ('<%@ page language="java" %><html><body><% String x = "a%b"; %><p>Acme Announces a Sponsor</p>'
            "<p>GLASTONBURY, Conn., September 29, 2003 - Acme, Inc. today announced a sponsor.</p></body></html>")
    assert [b.text for b in to_document(page, filename="press.html").blocks][:1] == ["Acme Announces a Sponsor"]
