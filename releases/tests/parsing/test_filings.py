"""What a filing wraps around a release: a covering letter to the exchanges, an 8-K's pages before its exhibit.
Each test is an invented filing of that layout."""

from datetime import date

from releases.parsing import parse_press_release

LETTERHEAD = (
    "# Narmada Engineering Services Limited\n\n"
    "July 26, 2025\n\n"
    "# National Stock Exchange of India Limited BSE Limited\n"
    "Exchange Plaza, Bandra-Kurla Complex Phiroze Jeejeebhoy Towers\n"
    "NSE Symbol: NESL BSE Scrip Code: 540999\n\n"
)


def test_the_release_enclosed_with_a_covering_letter_keeps_its_own_headline():
    release = parse_press_release(
        LETTERHEAD
        + "## Subject: Press Release\n\nDear Sir/Madam,\n\n"
        "Pursuant to Regulation 30 of the SEBI (Listing Obligations and Disclosure Requirements) Regulations, 2015, "
        "we are sending herewith a copy of the Press Release which is self-explanatory.\n\n"
        "Thanking You,\nYours sincerely,\n\nFor Narmada Engineering Services Limited\nRavi Kumar\n\n"
        "Company Secretary & Compliance Officer\n\n"
        "Registered Office: Narmada House, Ballard Estate, Mumbai - 400 001. CIN : L72900MH2012PLC000000\n\n"
        "## Press Release\n\n"
        "Narmada Engineering wins $60 million engagement from a US telecom provider\n\n"
        "Multi-year win builds on a decade-long partnership\n\n"
        "BANGALORE, July 26, 2025: Narmada Engineering Services Limited (BSE: 540999, NSE: NESL), an engineering "
        "services company, today announced a multi-year agreement with a U.S. provider of wireless services.\n"
    )
    assert release.headline == "Narmada Engineering wins $60 million engagement from a US telecom provider"
    assert release.subheadline == "Multi-year win builds on a decade-long partnership"
    assert release.company.name == "Narmada Engineering Services Limited"


def test_a_letter_that_is_the_whole_notice_takes_its_subject_and_signatory():
    release = parse_press_release(
        LETTERHEAD
        + "Dear Sir/Madam\n\n"
        "## Sub: Intimation of the Earnings Call for the quarter ended June 30, 2025\n\n"
        "Notice is hereby given that a meeting of the Board of Directors of the Company will be held on Friday, "
        "August 08, 2025, to approve the unaudited financial results for the quarter ended June 30, 2025.\n\n"
        "This is for your information and record.\nThanking you,\nYours faithfully,\n\n"
        "For Narmada Engineering Services Limited\nRavi Kumar\nCompany Secretary\n"
    )
    assert release.headline == "Intimation of the Earnings Call for the quarter ended June 30, 2025"
    assert release.subheadline is None
    assert release.company.name == "Narmada Engineering Services Limited"
    assert release.dateline.date == date(2025, 7, 26)


def test_an_8k_saved_whole_gives_the_headline_of_the_release_after_its_exhibit_index():
    release = parse_press_release(
        "SECURITIES AND EXCHANGE COMMISSION\nWashington, D. C. 20549\n\nFORM 8-K\n\nCURRENT REPORT\n\n"
        "Acme Computer, Inc.\n(Exact name of registrant as specified in its charter)\n\n1\n\n"
        "Item 5. Other Events.\n\n(i) Reference is made to the press release issued to the public by the "
        "registrant on September 3, 1999, the text of which is attached hereto as an exhibit.\n\n2\n\n"
        "INDEX TO EXHIBITS\n\nExhibit Document Page 99.1 Text of Press Release dated September 3, 1999 5\n\n4\n\n"
        "Acme Reaches Settlement of Shareholder Derivative Action\n\n"
        "CUPERTINO, California -- September 3, 1999 -- Acme today announced it has reached a settlement, subject to "
        "court approval, of a shareholder derivative action.\n\n"
        "NOTE TO EDITORS: For additional information visit Acme's PR web site (www.acme.com/pr/) or call Acme's "
        "Media Helpline at (408) 555-2042.\n"
    )
    assert release.headline == "Acme Reaches Settlement of Shareholder Derivative Action"
    assert release.subheadline is None
    assert release.company.website == "www.acme.com/pr/"
    assert release.calls == ()

