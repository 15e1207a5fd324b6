"""Stage tables for sections.py: header (headline, subheadline, date), About sections, chrome."""

from datetime import date

import pytest

from releases.parsing.document import to_document
from releases.parsing.sections import about_sections, chrome_indexes, find_lead, inline_about, read_header


def header_of(text: str):
    document = to_document(text)
    order = list(range(len(document.blocks)))
    lead = find_lead(document.blocks, order, skip=set())
    before = [i for i in order if lead.index is not None and i < lead.index]
    return read_header(document.blocks, before, title=document.title, skip=set())


LEAD = "NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced results for the year."

HEADERS = [
    # id, text, headline, subheadline, header date
    ("plain", f"Acme Reports Record Results\n\n{LEAD}", "Acme Reports Record Results", None, None),
    ("markdown-h1-and-deck", f"# Acme Reports Record Results\n\nRevenue up on strong demand in all regions\n\n{LEAD}",
     "Acme Reports Record Results", "Revenue up on strong demand in all regions", None),
    ("bw-page-with-timestamp",
     "![Business Wire](/logo.png)\n\n# Acme Buys Beta\n\n_Deal Accelerates Growth in Europe_\n\n"
     "March 08, 2019 10:26 AM Eastern Standard Time\n\n"
     "PURCHASE, N.Y.--(BUSINESS WIRE)--Acme (NYSE: ACM) today announced it has agreed to buy Beta.",
     "Acme Buys Beta", "Deal Accelerates Growth in Europe", date(2019, 3, 8)),
    ("prn-repost-credit-and-place-line",
     "ACME REPORTS RESULTS\n\nPR Newswire\n\nMIGDAL HAEMEK, Israel, Feb. 12, 2025\n\n"
     "Q4 revenues of $117 million\n\n"
     "MIGDAL HAEMEK, Israel, Feb. 12, 2025 /PRNewswire/ — Acme Ltd. , today announced its financial results.",
     "ACME REPORTS RESULTS", "Q4 revenues of $117 million", date(2025, 2, 12)),
    ("figure-bullets-are-not-a-deck",
     "Acme Reports Record Second Quarter Results\n-- Revenues Up 12% to $539.5 Million\n"
     "-- Same Store Revenues Increase 6.1%\n-- EPS $.47; Up 15%\n" + LEAD + "\n" +
     "\n".join(f"Body line {n} of a release exported one line per paragraph." for n in range(8)),
     "Acme Reports Record Second Quarter Results", None, None),
    ("exhibit-letterhead",
     "Exhibit 99.1\n\nNews\n\nMedia Contact: Marc Rice\n404-506-5333\nmedia@acme.com\n\nJan. 25, 2005\n\n"
     "Economic strength drives\nAcme earnings above expectations\n\n"
     "ATLANTA - Acme Company today reported fourth quarter earnings of $204.5 million, or 27 cents a share.",
     "Economic strength drives Acme earnings above expectations", None, date(2005, 1, 25)),
    # A PR Newswire page saved as Markdown (2020): page title, menus, then the headline again as a setext heading
    ("prn-markdown-page",
     "Acme Adds a Director to Its Board\n\n* [Blog](/resources/articles/)\n\nSearch\n\n"
     "When typing in this field, a list of search results will appear and be automatically updated as you type.\n\n"
     "Acme Adds a Director to Its Board\n=================================\n\n"
     "Acme, provider of wireless sensor networks, expands its Board of Directors.\n\n---\n\n"
     "News provided by\n----------------\n\n[**Acme, Inc.**](/news/acme%2C-inc./)\n\nFeb 27, 2020, 08:37 ET\n\n"
     "Share this article\n------------------\n\n"
     "STRATHAM, N.H., Feb. 27, 2020 /PRNewswire/ -- Acme, Inc. today announced the appointment of a director.",
     "Acme Adds a Director to Its Board", "Acme, provider of wireless sensor networks, expands its Board of Directors.",
     date(2020, 2, 27)),
    # An ACCESSWIRE release quoted in Markdown (2024): the headline and its date in one bold run
    ("bold-headline-with-date-line",
     "**Gold Terra Announces Town Hall Meeting October 1st at the Yellowknife Historical Society Museum\n"
     "Sep 26, 2024**\n\n**VANCOUVER, BC / ACCESSWIRE / September 26, 2024 / Gold Terra Resource Corp. "
     "(TSXV:YGT)** (\"Gold Terra\") is pleased to announce that it will host a Town Hall Meeting.",
     "Gold Terra Announces Town Hall Meeting October 1st at the Yellowknife Historical Society Museum", None,
     date(2024, 9, 26)),
    ("letterhead-with-address",
     "Exhibit 99.1\n\nACME CORPORATION\n100 Main Street, Springfield, IL 62701\n\nFOR IMMEDIATE RELEASE\n\n"
     "Acme Corporation Announces Fourth Quarter Results\n\n" + LEAD,
     "Acme Corporation Announces Fourth Quarter Results", None, None),
    # AsiaNet's feed (2017): the issuer's source line and the wire's serial over the headline
    ("asianet-serial-over-the-headline",
     "Source: Acme Corporation\nMEDIA RELEASE PR67261\nAcme Launches a Website for Its Mobile Robots\n\n" + LEAD,
     "Acme Launches a Website for Its Mobile Robots", None, None),
    ("embargo-line", "EMBARGOED UNTIL 8:00 A.M. ET, FEBRUARY 3, 2010\n\nAcme Announces Results\n\n" + LEAD,
     "Acme Announces Results", None, None),
    ("deck-in-the-headline-block",
     "NEWS RELEASE\nFebruary 3, 2010\n\nAcme Corporation Announces Fourth Quarter Results\n"
     "Record revenue of $1.2 billion\n\n" + LEAD,
     "Acme Corporation Announces Fourth Quarter Results", "Record revenue of $1.2 billion", date(2010, 2, 3)),
    ("upper-case-headline-wrapped",
     "ACME CORPORATION REPORTS RECORD\nFOURTH QUARTER AND FULL YEAR RESULTS\n\n" + LEAD,
     "ACME CORPORATION REPORTS RECORD FOURTH QUARTER AND FULL YEAR RESULTS", None, None),
    ("front-matter-title",
     '---\ntitle: "Acme to Report Results on Thursday"\n---\n\nInvestor Call Scheduled for 4:30 P.M ET\n\n'
     "STONY BROOK, NY / ACCESS Newswire / February 12, 2025 / Acme Sciences, Inc. today announced results.",
     "Acme to Report Results on Thursday", "Investor Call Scheduled for 4:30 P.M ET", None),
    # SEC exhibits: a period banner over the date, a title cut over two paragraphs, highlights with no title
    ("period-banner-is-not-the-headline",
     "Exhibit 99.1\n\nAcme Inc.\n\n1Q 2022 Earnings Release\n\nApril 28, 2022\n\nFOR IMMEDIATE RELEASE\n\n"
     "Acme Reports First-Quarter 2022 Results\n\n" + LEAD,
     "Acme Reports First-Quarter 2022 Results", None, date(2022, 4, 28)),
    ("headline-cut-at-a-connective",
     "Acme Reports Third Quarter 2012 Results and\n\nReaffirms Full Year Guidance\n\n" + LEAD,
     "Acme Reports Third Quarter 2012 Results and Reaffirms Full Year Guidance", None, None),
    ("headline-cut-at-its-verb", "EXHIBIT 99.1\n\nRock of Anvils Acquires\n\nAmerican Hammer Corporation\n\n" + LEAD,
     "Rock of Anvils Acquires American Hammer Corporation", None, None),
    ("complete-headline-keeps-its-deck",
     "Acme Reports Record Third Quarter Results\n\nRaises Full Year Guidance on Strong Demand\n\n" + LEAD,
     "Acme Reports Record Third Quarter Results", "Raises Full Year Guidance on Strong Demand", None),
    ("highlights-without-a-title",
     "Exhibit 99.1\n\nHighlights:\n\nGAAP net loss of $19 million, or ($0.06) per share\n\n"
     "Revenue of $1.06 billion, down 27 percent from last year\n\n" + LEAD, None, None, None),
    # a plural noun that is also a verb ends a complete title: the paragraph under it is the deck
    ("title-ending-in-a-plural-noun",
     "Acme Publishes Its 2024 Annual and Sustainability Reports\n\n"
     "The reports describe progress on emissions targets and board governance.\n\n" + LEAD,
     "Acme Publishes Its 2024 Annual and Sustainability Reports",
     "The reports describe progress on emissions targets and board governance.", None),
    ("short-title-ending-in-a-plural-noun",
     "Acme Celebrates Customer Service Wins\n\nCompany recognised for the fifth year in a row by analysts\n\n" + LEAD,
     "Acme Celebrates Customer Service Wins", "Company recognised for the fifth year in a row by analysts", None),
    ("title-ending-in-names",
     "Acme Unveils New Brand Names\n\nRebranding of all product lines to be complete by June\n\n" + LEAD,
     "Acme Unveils New Brand Names", "Rebranding of all product lines to be complete by June", None),
    ("connective-never-takes-in-a-sentence",
     "Acme Reports Record Revenue and\n\nThe board raised the dividend by ten percent.\n\n" + LEAD,
     "Acme Reports Record Revenue and", "The board raised the dividend by ten percent.", None),
    ("bare-name-and-verb-takes-in-its-object", "Acme Holdings Announces\n\nRecord Third Quarter Results\n\n" + LEAD,
     "Acme Holdings Announces Record Third Quarter Results", None, None),
    ("page-title-printed-over-paragraphs",
     '---\ntitle: "ACME: RESULTS FOR 2024 REVENUE +12.4% TARGETS RAISED"\n---\n\nACME: RESULTS FOR 2024\n\n'
     "REVENUE +12.4%\n\nTARGETS RAISED\n\n" + LEAD,
     "ACME: RESULTS FOR 2024 REVENUE +12.4% TARGETS RAISED", None, None),
    # a deck over bulleted highlights stays; the highlights and their heading do not
    ("deck-over-bulleted-highlights",
     "Acme Reports 2024 Results\n\nAnnual Revenues Increased 43% to $268 million\n\n"
     "* Biodiesel revenues increased 20% to $93 million.\n* Ethanol revenues increased 55% to $162 million.\n\n"
     + LEAD, "Acme Reports 2024 Results", "Annual Revenues Increased 43% to $268 million", None),
    ("heading-of-bulleted-highlights",
     "Acme Reports 2024 Results\n\nFourth quarter highlights compared to fourth quarter 2023:(1)\n\n"
     "* Net income increased from $19.6 million to $31.4 million.\n* Revenue increased 13% to $278.5 million.\n\n"
     + LEAD, "Acme Reports 2024 Results", None, None),
    # a Cision page: the issuer's name alone under the title
    ("issuer-line-under-the-title",
     '---\ntitle: "2024 Year-end report: Strong end to the year"\n---\n\nAcme Fastigheter AB\n\n'
     "* Rental income increased 8 percent to SEK 4,174 million (3,881).\n\n" + LEAD,
     "2024 Year-end report: Strong end to the year", None, None),
]


@pytest.mark.parametrize("text, headline, subheadline, when", [row[1:] for row in HEADERS],
                         ids=[row[0] for row in HEADERS])
def test_header(text, headline, subheadline, when):
    header = header_of(text)
    assert header.headline == headline
    assert header.subheadline == subheadline
    assert header.date == when


ABOUTS = [
    # id, text after the lead, expected (name, text) pairs
    ("heading-then-paragraphs",
     "About Acme, Inc.\n\nAcme makes anvils.\n\nIt sells them worldwide. Visit www.acme.com.\n\n"
     "Forward-Looking Statements\n\nThis release contains forward-looking statements.",
     [("Acme, Inc.", "Acme makes anvils. It sells them worldwide. Visit www.acme.com.")]),
    ("caps-heading-stops-at-fls-sentence",
     "ABOUT ACME LTD.\n\nAcme makes anvils.\n\nThis press release contains statements that may constitute "
     "\"forward-looking statements\" within the meaning of the Private Securities Litigation Reform Act of 1995.",
     [("ACME LTD.", "Acme makes anvils.")]),
    ("two-companies-stop-at-contacts",
     "About Acme\n\nAcme makes anvils.\n\nAbout Beta\n\nBeta makes rockets.\n\nMedia Contact:\nJane Doe",
     [("Acme", "Acme makes anvils."), ("Beta", "Beta makes rockets.")]),
    ("inline-repeated-name",
     "About Eutelsat Group Eutelsat Group is a global leader in satellite communications.\n\n###",
     [("Eutelsat Group", "Eutelsat Group is a global leader in satellite communications.")]),
    ("inline-colon", "About Acme: Acme makes anvils for coyotes.\n\nSOURCE Acme",
     [("Acme", "Acme makes anvils for coyotes.")]),
    ("stops-at-trademark-legend",
     "About Acme\n\nAcme makes anvils.\n\nAcme and the Acme logo are registered trademarks of Acme Corp.",
     [("Acme", "Acme makes anvils.")]),
    ("about-the-call-is-not-about", "About the Conference Call\n\nThe call starts at 5 p.m.", []),
    ("a-note-on-measures-is-not-about", "ABOUT NON-GAAP FINANCIAL MEASURES\n\nTo supplement our statements, we "
     "use non-GAAP measures.\n\nAbout the option exchange program\n\nThe program has not commenced.", []),
    ("a-list-of-brand-sites-cut-into-lines-stays-in-it",
     "About Acme\n\nAcme runs the largest network of rental sites.\n\nRentals.com\n\nFlats.com\n\n"
     "Together they draw 40 million visitors a month. Visit www.acme.com.",
     [("Acme", "Acme runs the largest network of rental sites. Rentals.com Flats.com Together they draw 40 million "
               "visitors a month. Visit www.acme.com.")]),
    ("heading-ending-in-the-domain", "About Nordtek – nordtek.com\n\nNordtek builds data centres.\n\nSOURCE Nordtek",
     [("Nordtek – nordtek.com", "Nordtek builds data centres.")]),
    ("a-reposts-link-to-the-wire-ends-it",
     "About Nordtek\n\nNordtek builds data centres.\n\nhttps://news.cision.com/nordtek/r/invitation,c4103225\n\n"
     "250210 - Invitation to a webinar",
     [("Nordtek", "Nordtek builds data centres.")]),
    ("a-lower-case-brand-is-about", "About lululemon athletica inc.\n\nlululemon makes apparel for yoga.",
     [("lululemon athletica inc.", "lululemon makes apparel for yoga.")]),
    ("call-paragraph-after-the-boilerplate",
     "About Acme\n\nAcme makes anvils.\n\nAcme's management will present more details on a conference call with "
     "investors today at 5:30 a.m. (Pacific). This event will be webcast live.",
     [("Acme", "Acme makes anvils.")]),
    ("securities-legend-ends-it",
     "About Acme\n\nAcme makes anvils.\n\nThis press release does not constitute an offer to sell or the "
     "solicitation of an offer to buy any securities.", [("Acme", "Acme makes anvils.")]),
    ("safe-harbour-run-into-the-paragraph",
     "About Acme\n\nAcme makes anvils. Visit www.acme.com. This press release contains forward-looking statements "
     "that do not relate solely to historical facts.", [("Acme", "Acme makes anvils. Visit www.acme.com.")]),
]


@pytest.mark.parametrize("text, expected", [row[1:] for row in ABOUTS], ids=[row[0] for row in ABOUTS])
def test_about_sections(text, expected):
    document = to_document(text)
    sections = about_sections(document.blocks, list(range(len(document.blocks))), stop=set())
    assert [(s.name, s.text) for s in sections] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("About BoraFounded in 2007, Bora is a leading company.", ("Bora", "Founded in 2007, Bora is a leading company.")),
        ("About ImmunoGen, Inc. develops anticancer products.", None),
        ("About ACMEACME is a leading provider of anvils.", ("ACME", "ACME is a leading provider of anvils.")),
        ("About 40% of revenue came from services.", None),
        ("About Orbis Minerals Ltd (ASX: ORB): Orbis explores for copper.", ("Orbis Minerals Ltd (ASX: ORB)",
                                                                             "Orbis explores for copper.")),
        ("About Kestrel Foods plc (LSE: KFP, OTCQX: KSTFF): Kestrel bakes bread.",
         ("Kestrel Foods plc (LSE: KFP, OTCQX: KSTFF)", "Kestrel bakes bread.")),
        ("ABOUT NORDWERK AG Nordwerk AG designs software.", ("NORDWERK AG", "Nordwerk AG designs software.")),
        ("About Maple Robotics, Inc., Maple builds robots.", ("Maple Robotics, Inc.", "Maple builds robots.")),
        ("About Maple Robotics, Inc, Maple Robotics, Inc. builds robots.",
         ("Maple Robotics, Inc", "Maple Robotics, Inc. builds robots.")),
        ("About Vexa Bio AG (SIX:VXB) Vexa Bio is a Swiss incubator.", ("Vexa Bio AG (SIX:VXB)",
                                                                      "Vexa Bio is a Swiss incubator.")),
        ("About Nordtek - specialist in digital transformation Nordtek is a tech company.",
         ("Nordtek - specialist in digital transformation", "Nordtek is a tech company.")),
    ],
    ids=["glued", "camel-case-name-is-not-glue", "glued-repeated-name", "not-a-heading", "listing-in-heading",
         "two-listings-in-heading", "capitals-heading-repeated-in-its-case", "suffix-heading-then-comma",
         "suffix-heading-repeated-after-comma", "listing-then-the-short-name", "tagline-then-the-name"],
)
def test_inline_about(text, expected):
    assert inline_about(text) == expected


def test_newswire_repost_chrome_is_found():
    text = (
        "Acme news\n\nA paragraph of the release that goes on for a while.\n\nAnother paragraph.\n\nMore text.\n\n"
        "---\n\n[Original/Source Press Release](https://www.newmediawire.com/news/x)\n\n"
        "[Newsramp.com TLDR](https://newsramp.com/x)\n\n## Release Summary\n\nSomething\n\n## Site Navigation\n\nHome"
    )
    document = to_document(text)
    chrome = chrome_indexes(document.blocks)
    kept = [b.text for i, b in enumerate(document.blocks) if i not in chrome]
    assert kept == ["Acme news", "A paragraph of the release that goes on for a while.", "Another paragraph.",
                    "More text."]


def test_site_menus_of_a_markdown_page_are_chrome_and_the_release_links_are_not():
    text = (
        "* [Blog](/resources/articles/)\n\n* [Client Login](https://app.prnewswire.com/login/auto)\n\n"
        "* [Contact](/contact-us/) [Products](/products/overview/)\n\n"
        "For more information visit [www.rubee.com](https://www.rubee.com).\n\n"
        "[Acme Corp.](/news/acme-corp./) reported results for the year.\n\n"
        "WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?\n\n440k+ Newsrooms & Influencers"
    )
    document = to_document(text)
    chrome = chrome_indexes(document.blocks)
    kept = [b.text for i, b in enumerate(document.blocks) if i not in chrome]
    assert kept == ["For more information visit www.rubee.com.", "Acme Corp. reported results for the year."]


def test_pr_newswire_page_furniture_is_not_a_subheadline():
    text = (
        "# Acme Reports Record Results\n\nNews provided by\n\nAcme Pharmaceuticals Holdings Inc.\n\n"
        "Jan 05, 2021, 08:00 ET\n\nShare this article\n\n"
        "NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Pharmaceuticals Holdings Inc. (NYSE: ACM) today announced."
    )
    header = header_of(text)
    assert header.headline == "Acme Reports Record Results"
    assert header.subheadline is None
    assert header.date == date(2021, 1, 5)


def test_ein_presswire_trailer_is_chrome():
    text = (
        "Acme Opens a Clinic\n\nAUSTIN, TEXAS, UNITED STATES, March 2, 2023 /EINPresswire.com/ -- Acme Health opened.\n\n"
        "More text of the release.\n\nAnother paragraph.\n\nAnn Lee\nAcme Health\n+1 512-555-0100\n\nemail us here\n\n"
        "Visit us on social media:\n\nFacebook\nLinkedIn\n\nLegal Disclaimer:\n\nEIN Presswire provides this news content."
    )
    document = to_document(text)
    chrome = chrome_indexes(document.blocks)
    kept = [b.text for i, b in enumerate(document.blocks) if i not in chrome]
    assert kept[-1] == "Ann Lee\nAcme Health\n+1 512-555-0100"


def test_about_stops_before_a_call_announcement_which_stays_in_the_body():
    text = ("About Acme Acme Corp. (NYSE: ACM) makes anvils. It has 300 employees. Acme management will host a "
            "live webcast today at 7 a.m. (PT). Listeners may log on at www.acme.com.")
    document = to_document(text)
    (section,) = about_sections(document.blocks, list(range(len(document.blocks))), stop=set())
    assert section.text == "Acme Corp. (NYSE: ACM) makes anvils. It has 300 employees."
    assert section.blocks == ()


def test_a_webcast_company_is_described_in_full():
    text = "About Castly\n\nCastly runs webcast services for listed companies. It was founded in 2001."
    document = to_document(text)
    (section,) = about_sections(document.blocks, list(range(len(document.blocks))), stop=set())
    assert section.text == "Castly runs webcast services for listed companies. It was founded in 2001."


def test_a_dateline_glued_to_a_pull_quote_is_found():
    # EIN Presswire page flattened to text (2023): the pull quote's author runs into the dateline's place
    text = (
        "Read Less App Launches\n\n\"I wanted to make the news more accessible and faster to read.\"— Thom Morgan"
        "ALEXANDRIA, VA, UNITED STATES, September 6, 2023 /EINPresswire.com/ -- \"Read Less\" is set to change the "
        "narrative for those who struggle to read."
    )
    document = to_document(text)
    lead = find_lead(document.blocks, list(range(len(document.blocks))), skip=set())
    assert lead.dateline.location == "ALEXANDRIA, VA, UNITED STATES"
    assert lead.dateline.wire == "EIN Presswire"
    assert lead.text.startswith('"Read Less" is set to change')


def test_an_issuer_line_under_the_title_names_the_issuer():
    header = header_of('---\ntitle: "2024 Year-end report"\n---\n\nAcme Fastigheter AB\n\n' + LEAD)
    assert (header.issuer, header.subheadline) == ("Acme Fastigheter AB", None)
