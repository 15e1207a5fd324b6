"""Pages saved as text with their layout lost: a menu, the headline and the dateline run into one long line."""

import pytest

from releases.parsing import parse_press_release
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
