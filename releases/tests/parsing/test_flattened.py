"""Pages saved as text with their layout lost: a menu, the headline and the dateline run into one long line."""

import pytest

from releases.parsing import parse_press_release
from releases.parsing.document import to_document
from releases.parsing.sections import run_in_headline

MENU = " ".join(f"Menu Item {n} Markets Screener Watchlist Calendar Portfolio Insights Dividends Crypto" for n in range(30))


@pytest.mark.parametrize(
    "header, dateline, headline, location, when, listing",
    [
        ("Press Releases ORBIS MINERALS ANNOUNCES FIRST QUARTER 2023 PRODUCTION RESULTS Business Wire",
         "PERTH, Australia--(BUSINESS WIRE)--April 20, 2023-- Orbis Minerals Ltd (ASX: ORB)",
         "ORBIS MINERALS ANNOUNCES FIRST QUARTER 2023 PRODUCTION RESULTS", "PERTH, Australia", "2023-04-20",
         ("ASX", "ORB")),
        ("News Release Kestrel Foods Reports Record Holiday Sales GlobeNewswire",
         "LONDON, Jan. 12, 2021 (GLOBE NEWSWIRE) -- Kestrel Foods plc (LSE: KFP)",
         "Kestrel Foods Reports Record Holiday Sales", "LONDON", "2021-01-12", ("LSE", "KFP")),
        ("Press Releases MAPLE ROBOTICS INC. TO HOST INVESTOR DAY | CNW | Mar 3, 2022",
         "TORONTO, March 3, 2022 /CNW/ - Maple Robotics Inc. (TSX: MRI)",
         "MAPLE ROBOTICS INC. TO HOST INVESTOR DAY", "TORONTO", "2022-03-03", ("TSX", "MRI")),
    ],
    ids=["upper-case-headline-business-wire", "title-case-after-label-globenewswire", "upper-case-then-wire-and-date"],
)
def test_a_headline_and_dateline_run_into_a_long_menu_line_are_found(header, dateline, headline, location, when,
                                                                       listing):
    text = (f"{MENU}   {header} {dateline} today reported results for the period and raised its outlook for "
            "the year.\nRevenue rose 12 percent.\n\nAbout the Company\n\nIt makes things people need.\n")
    result = parse_press_release(text)
    assert result.headline == headline
    assert (result.dateline.location, str(result.dateline.date)) == (location, when)
    assert [(x.exchange, x.ticker) for x in result.listings] == [listing]


@pytest.mark.parametrize(
    "before, expected",
    [
        ("Top Stocks Plans & Pricing Press Releases ACME CORP. ANNOUNCES SECOND QUARTER 2022 FINANCIAL RESULTS PR "
         "Newswire ", "ACME CORP. ANNOUNCES SECOND QUARTER 2022 FINANCIAL RESULTS"),
        ("Home News Press Releases Acme Names a New Chief Executive Officer ", "Acme Names a New Chief Executive Officer"),
        ("Thanks to all who came. — Jane Doe, Founder ", None),
        ("Home NEWS TOP ", None),
    ],
    ids=["upper-case-run-before-wire-credit", "title-case-after-label", "pull-quote", "menu-words-only"],
)
def test_run_in_headline(before, expected):
    assert run_in_headline(before) == expected


@pytest.mark.parametrize(
    "heading, name",
    [("ABOUT NORDWERK AG", "Nordwerk AG"), ("ABOUT KESTREL FOODS PLC", "Kestrel Foods plc"),
     ("About ORBIS MINERALS", "Orbis Minerals")],
)
def test_an_about_heading_run_into_its_text_in_another_case_is_a_section(heading, name):
    text = ("Acme Reports Results\n\nNEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today reported "
            f"results for the year.\n\n{heading} {name} is a maker of fine things for homes and offices. For further "
            "information, please refer to www.example.com.\n\nFORWARD LOOKING STATEMENTS This release contains "
            "forward-looking statements.\n")
    assert parse_press_release(text).about == (f"{name} is a maker of fine things for homes and offices. For further "
                                               "information, please refer to www.example.com.")


COMMA_JOINED = (
    "BOSTON, Mass., March 2, 2017 /PRNewswire/ -- Kestrel Robotics (Nasdaq: KRB), a maker of warehouse robots, today "
    "announced that it will report results on March 9, 2017., , The live audio webcast will be available on the "
    "investor relations website at http://ir.kestrel-robotics.com. A replay will be available after the call., "
    "About Kestrel Robotics, Inc., Kestrel Robotics builds robots for grocers and parcel carriers. Learn more at "
    "www.kestrel-robotics.com or by calling (800) 555-0134., Note to Investors, Please visit "
    "http://ir.kestrel-robotics.com where Kestrel discloses information about the company., "
    "CONTACT:Dana WhitfieldPR ManagerPress@kestrel-robotics.com, , SOURCE Kestrel Robotics"
)


def test_a_page_saved_with_its_paragraphs_joined_by_commas_is_split_back_into_paragraphs():
    texts = [b.text for b in to_document(COMMA_JOINED).blocks]
    assert texts[0].startswith("BOSTON, Mass., March 2, 2017 /PRNewswire/")
    assert texts[0].endswith("on March 9, 2017.")
    assert texts[1].startswith("The live audio webcast") and texts[1].endswith("after the call.")
    assert texts[2].startswith("About Kestrel Robotics, Inc., Kestrel Robotics builds")
    assert texts[3].startswith("Note to Investors, Please visit")
    assert texts[4:] == ["CONTACT:\nDana Whitfield\nPR Manager\nPress@kestrel-robotics.com", "SOURCE Kestrel Robotics"]


def test_the_about_section_of_a_comma_joined_page_stops_at_its_note_to_investors():
    result = parse_press_release(COMMA_JOINED)
    assert result.about == ("Kestrel Robotics builds robots for grocers and parcel carriers. Learn more at "
                            "www.kestrel-robotics.com or by calling (800) 555-0134.")
    assert result.company.website == "www.kestrel-robotics.com"
    assert (result.dateline.location, str(result.dateline.date)) == ("BOSTON, Mass.", "2017-03-02")


@pytest.mark.parametrize(
    "text",
    [
        "SANTA CLARA, Calif., Aug. 17, 2009 -- Acme Corp., Beta Inc., and Gamma Ltd. agreed to merge. Acme said so.",
        "Acme Web Services, Inc. (AWS), an Amazon.com, Inc. company, said it would. See Amazon.com, Inc. filings, "
        "Orbis.com, Ltd. filings and Kestrel.com, Inc. filings.",
        "James E. Goodwin, Jr., Chairman, said: the year was good., He added that it was., Then he left.",
    ],
    ids=["dateline-and-company-list", "company-names-with-dot-com", "two-joins-only"],
)
def test_text_without_the_comma_join_signature_is_left_as_it_is(text):
    assert [b.text for b in to_document(text).blocks] == [text]


@pytest.mark.parametrize(
    "contact, lines",
    [
        ("Carla MendesMedia RelationsMedia@orbis-minerals.com.au", ["Carla Mendes", "Media Relations",
                                                                    "Media@orbis-minerals.com.au"]),
        ("Media contact:Jan de VriesIR OfficerJan.deVries@nordwerk.nl",
         ["Media contact:Jan de Vries", "IR Officer", "Jan.deVries@nordwerk.nl"]),
        ("Tom McDonaldInvestor Relations+1 416 555 0199", ["Tom McDonald", "Investor Relations", "+1 416 555 0199"]),
    ],
    ids=["name-title-email", "label-and-mixed-case-name", "name-with-inner-capital-and-phone"],
)
def test_the_lines_of_a_contact_run_together_in_a_comma_joined_page_are_parted(contact, lines):
    text = ("TORONTO, June 1, 2020 /CNW/ -- Acme Inc. will report results on June 8, 2020., A webcast will follow "
            "the call., Replays will be available for a month., , " + contact + ", , SOURCE Acme Inc.")
    blocks = [b.lines for b in to_document(text).blocks]
    assert lines in blocks
