"""Ordinary layouts of whole releases that a rule fitted to one corpus file must not break: each test is a small
made-up release of a common layout, read end to end."""

from releases.parsing import parse_press_release


def parse(text: str, filename: str = "release.txt"):
    return parse_press_release(text, filename=filename)


def test_a_subheadline_with_a_dash_is_not_a_title_case_dateline():
    release = parse(
        "Acme Corp. Reports Fourth Quarter 2024 Results\n\n"
        "Strong Growth, Record Margins – Company raises its guidance for the full year after a strong quarter in "
        "every region it serves and in every product line it sells.\n\n"
        "NEW YORK, Feb. 5, 2025 (BUSINESS WIRE) -- Acme Corp. (NYSE: ACME) today reported results for the fourth "
        "quarter of 2024, with revenue up 12 percent.\n\n"
        "Revenue rose in all segments. The company expects further growth.\n"
    )
    assert release.dateline.location == "NEW YORK"
    assert release.company.name == "Acme Corp."
    assert [(x.exchange, x.ticker) for x in release.listings] == [("NYSE", "ACME")]
    assert release.subheadline.startswith("Strong Growth, Record Margins")


SIX_K_COVER = (
    "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\nFORM 6-K\n\n"
    "REPORT OF FOREIGN PRIVATE ISSUER PURSUANT TO RULE 13a-16 OR 15d-16 UNDER THE SECURITIES EXCHANGE ACT OF 1934\n\n"
    "Commission File Number: 001-12345\n\n"
    "Indicate by check mark whether the registrant files or will file annual reports under cover of Form 20-F or "
    "Form 40-F.\n\nForm 20-F ☒ Form 40-F ☐\n\n"
)
SIGNATURE_PAGE = (
    "SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
    "caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.\n\n"
    "By: /s/ Jane Doe\n\nName: Jane Doe\n\nTitle: Chief Financial Officer\n\nDate: November 12, 2024\n\n"
)


def test_a_6k_that_prints_the_release_before_its_signatures_keeps_the_release():
    release = parse(
        SIX_K_COVER + "Acme Ltd. Reports Record Third Quarter Revenue\n\n"
        "TEL AVIV, Israel, Nov. 12, 2024 (GLOBE NEWSWIRE) -- Acme Ltd. (Nasdaq: ACME), a leader in industrial "
        "sensors, today reported record revenue of $52.1 million for the third quarter of 2024.\n\n"
        "Revenue grew in all regions, and the company raised its outlook for the year.\n\n"
        + SIGNATURE_PAGE + "EXHIBIT INDEX\n\n99.1 Press release dated November 12, 2024\n"
    )
    assert release.headline == "Acme Ltd. Reports Record Third Quarter Revenue"
    assert release.dateline.location == "TEL AVIV, Israel"
    assert release.company.name == "Acme Ltd."
    assert "Pursuant to the requirements" not in release.body_html
    assert "raised its outlook" in release.body_html


def test_an_8k_item_before_the_signatures_keeps_its_release():
    release = parse(
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\nCURRENT REPORT\n\n"
        "Beta Corp Announces Quarterly Dividend\n\n"
        "HOUSTON, March 3, 2025 /PRNewswire/ -- Beta Corp (NYSE: BETA) today declared a quarterly cash dividend of "
        "$0.25 per share, payable on April 1, 2025 to holders of record on March 17, 2025.\n\n"
        + SIGNATURE_PAGE
    )
    assert release.headline == "Beta Corp Announces Quarterly Dividend"
    assert release.dateline.location == "HOUSTON"
    assert [(x.exchange, x.ticker) for x in release.listings] == [("NYSE", "BETA")]


def test_a_6k_cover_signed_before_the_release_is_hidden():
    release = parse(
        SIX_K_COVER + "This report comprises a copy of the following press release.\n\n" + SIGNATURE_PAGE +
        "Acme Ltd. Reports Record Third Quarter Revenue\n\n"
        "TEL AVIV, Israel, Nov. 12, 2024 (GLOBE NEWSWIRE) -- Acme Ltd. (Nasdaq: ACME), a leader in industrial "
        "sensors, today reported record revenue of $52.1 million for the third quarter of 2024.\n"
    )
    assert release.headline == "Acme Ltd. Reports Record Third Quarter Revenue"
    assert "check mark" not in release.body_html


def test_an_rns_results_banner_is_the_headline_when_nothing_else_is():
    release = parse(
        "Acme plc\n\nFull Year 2024 Results Announcement\n\nRecord revenue and a higher dividend for shareholders\n\n"
        "LONDON, 4 March 2025 – Acme plc (LSE: ACME), the engineering group, today announces its results for the "
        "year ended 31 December 2024, with revenue up 9 per cent.\n\nThe board proposes a final dividend of 12p.\n"
    )
    assert release.headline == "Full Year 2024 Results Announcement"
    assert release.subheadline == "Record revenue and a higher dividend for shareholders"


def test_an_hkex_interim_results_banner_is_the_headline():
    release = parse(
        "INTERIM RESULTS ANNOUNCEMENT\n\n"
        "HONG KONG, 28 August 2024 – Acme Holdings Limited (HKEX: 1234) today announced its unaudited interim "
        "results for the six months ended 30 June 2024, with revenue up 6 per cent.\n\nThe board declared an "
        "interim dividend.\n"
    )
    assert release.headline == "INTERIM RESULTS ANNOUNCEMENT"


def test_an_earnings_release_banner_is_the_headline_of_an_asx_release():
    release = parse(
        "Q4 2024 Earnings Release\n\n"
        "SYDNEY, Australia, Feb. 20, 2025 – Acme Ltd (ASX: ACM) today reported record earnings for the fourth "
        "quarter of 2024, driven by strong demand across its mining services business.\n\nRevenue rose 14 percent.\n"
    )
    assert release.headline == "Q4 2024 Earnings Release"


def test_a_results_banner_over_the_release_headline_gives_way_to_it():
    release = parse(
        "Exhibit 99.1\n\nAcme Inc.\n\n2Q 2024 Earnings Release\n\nJuly 30, 2024\n\n"
        "Acme Reports Second-Quarter 2024 Results\n\n"
        "DALLAS – Acme Inc. (NYSE: ACME) today announced second-quarter 2024 sales and revenues of $4.1 billion, an "
        "increase of 3 percent compared with the same quarter last year.\n"
    )
    assert release.headline == "Acme Reports Second-Quarter 2024 Results"


LEAD_PARAGRAPH = ("<p>CLEVELAND, Ohio, March 3, 2025 /PRNewswire/ -- Acme Corp. (NYSE: ACME) today announced a "
                  "restructuring of its operations in North America, which will reduce costs by $40 million a year."
                  "</p><p>The plan is to be complete by the end of the year.</p>")


def test_a_short_page_title_that_a_block_repeats_is_the_headline():
    release = parse(
        "<html><head><title>Acme Restructures</title></head><body><p>Investor News Archive Page</p>"
        "<p>Acme Restructures</p>" + LEAD_PARAGRAPH + "</body></html>", "release.html")
    assert release.headline == "Acme Restructures"


def test_a_page_title_that_is_the_site_name_is_no_headline_however_long():
    release = parse(
        "<html><head><title>Acme Widget Holdings Corporation</title>"
        "<meta property='og:site_name' content='Acme Widget Holdings Corporation'></head><body>"
        "<p>Acme Widget Holdings Corporation</p><p>Acme Opens New Plant in Ohio</p>" + LEAD_PARAGRAPH +
        "</body></html>", "release.html")
    assert release.headline == "Acme Opens New Plant in Ohio"


def test_a_page_title_that_is_the_issuers_name_is_no_headline():
    release = parse(
        "<html><head><title>Acme Corp.</title></head><body><p>Acme Announces Restructuring Plan</p>"
        + LEAD_PARAGRAPH + "</body></html>", "release.html")
    assert release.headline == "Acme Announces Restructuring Plan"


def test_a_results_banner_under_the_headline_is_no_subheadline():
    release = parse(
        "Acme Reports Fourth Quarter 2024 Results\n\nQ4 2024 Earnings Release\n\n"
        "DALLAS, Feb. 4, 2025 /PRNewswire/ -- Acme Inc. (NYSE: ACME) today announced fourth-quarter sales of $4.1 "
        "billion, an increase of 3 percent compared with the same quarter last year.\n"
    )
    assert release.headline == "Acme Reports Fourth Quarter 2024 Results"
    assert release.subheadline is None


NORDIC_BODY = (
    "Acme Oyj has appointed M.Sc. (Econ.) Anna Lindqvist, 45, as Chief Financial Officer and member of the "
    "Management Team as of 1 March 2025. She will report to the CEO and succeeds Pekka Mäkinen, who retires.\n\n"
    "Further information:\nLiisa Korhonen, Head of Investor Relations, tel. +358 40 123 4567\n\n"
    "Distribution:\nNasdaq Helsinki\nMain media\nwww.acme.fi\n"
)


def test_a_nordic_exchange_release_letterhead_on_one_line_gives_the_date_not_the_headline():
    release = parse("Acme Oyj    Stock Exchange Release    4 February 2025 at 9.00 EET\n\n"
                    "Acme Oyj: Change in the company's management team\n\n" + NORDIC_BODY)
    assert release.headline == "Acme Oyj: Change in the company's management team"
    assert release.subheadline is None
    assert release.dateline.date.isoformat() == "2025-02-04"
    assert release.wire is None  # an exchange release names no wire
    assert [c.name for c in release.contacts] == ["Liisa Korhonen"]  # the distribution list is no contact


def test_a_letterhead_on_three_lines_names_the_issuer_when_the_lead_does_not():
    release = parse(
        "Beta Oyj\nCompany Announcement\n4 February 2025 at 9:00 a.m. EET\n\n"
        "Beta Oyj's Financial Statements Bulletin January–December 2024: Net sales grew 12%\n\n"
        "October–December 2024 in brief\n\n"
        "Net sales increased by 12% to EUR 150.2 million (134.1).\nOperating profit was EUR 20.3 million.\n\n"
        "A webcast for analysts, investors and media will be held in English on 4 February 2025 at 11:00 a.m. EET. "
        "The webcast can be followed at https://beta.example.fi/2024-q4.\n"
    )
    assert release.headline.startswith("Beta Oyj's Financial Statements Bulletin")
    assert release.subheadline is None  # "... in brief" heads the highlights, which are no deck
    assert release.company.name == "Beta Oyj"
    assert release.dateline.date.isoformat() == "2025-02-04"
    assert release.calls[0].starts_at.isoformat() == "2025-02-04T11:00:00+02:00"


def test_a_press_release_label_over_the_headline_in_one_block_is_not_a_letterhead():
    release = parse("PRESS RELEASE\nAcme Oyj launches a new sensor\n\n" + NORDIC_BODY)
    assert release.headline == "Acme Oyj launches a new sensor"


RNS_BODY = (
    "Acme announces a revised date for the publication of its full year results for the year ended 31 March 2020. "
    "Results will now be published on 11 June 2020, two weeks later than planned.\n\n"
    "Ends\n\nEnquiries:\n\nHill Street Tel: 020 7000 0000\n\nMark Garraway\nMatthew Gregorowski\n\n"
    "This information is provided by RNS, the news service of the London Stock Exchange. For further information, "
    "please visit www.rns.com.\n\nEND\n\nNOREANSFFFSEEFA\n"
)


def test_an_rns_letterhead_and_issuer_line_are_neither_headline_nor_deck():
    release = parse("RNS Number : 3431M\nAcme Group PLC\n11 May 2020\n\n"
                    "Acme Group PLC (Acme or the Group)\n\nRevised date for full year results\n\n" + RNS_BODY)
    assert release.headline == "Revised date for full year results"
    assert release.subheadline is None
    assert release.dateline.date.isoformat() == "2020-05-11"
    # the issuer as the lead first names it (parser contract), though the issuer line names it in full
    assert release.company.name == "Acme"
    assert release.company.website is None  # www.rns.com is the exchange's, in its footer


def test_an_issuer_line_with_its_short_name_below_it_names_the_issuer_where_the_lead_does_not():
    release = parse('Acme PLC\n08 October 2007\n\nAcme plc\n("Acme")\n\nInterim Results Date\n\n'
                    + RNS_BODY.replace("Acme announces", "The Board announces"))
    assert release.headline == "Interim Results Date"
    assert release.company.name == "Acme plc"


def test_a_letterhead_name_alone_leaves_the_lead_to_name_the_issuer():
    release = parse("Acme Matthey PLC\n12 May 2020\n\nDelay to the publication of results\n\n" + RNS_BODY)
    assert release.headline == "Delay to the publication of results"
    assert release.company.name == "Acme"


def test_a_uk_firm_with_its_phone_over_its_people_is_their_organization():
    release = parse("Acme Group PLC\n11 May 2020\n\nRevised date for full year results\n\n" + RNS_BODY)
    assert [(c.name, c.organization, c.phones) for c in release.contacts] == [
        ("Mark Garraway", "Hill Street", ("020 7000 0000",)),
        ("Matthew Gregorowski", "Hill Street", ("020 7000 0000",)),
    ]


def test_a_virtual_meeting_at_a_time_without_a_zone_is_read_in_the_issuers_own_clock():
    release = parse(
        "Acme Group PLC\n11 May 2020\n\nRevised date for full year results\n\n"
        "Acme announces that its full year results for the year ended 31 March 2020 will now be published on "
        "11 June 2020. We will hold a virtual meeting for investors and analysts on 11 June 2020 at 9:00am.\n\n"
        "Enquiries:\n\nJane Doe, Director of Investor Relations, Tel: +44 (0)20 7355 5312\n"
    )
    [call] = release.calls
    assert call.starts_at.isoformat() == "2020-06-11T09:00:00+01:00"  # London's summer clock
    assert call.zone_assumed
    assert any(d.field == "calls.0.zone" for d in release.doubts)


def test_a_danish_company_announcement_that_is_only_a_calendar_keeps_its_headline_and_date():
    release = parse(
        "Company Announcement\n\n26 October 2020\n\nAnnouncement No. 23\n\n"
        "Update of financial calendar 2020 and release of calendar for 2021\n\n2021\n\n"
        "10 February Deadline for receipt of resolutions for the Annual General Meeting\n\n"
        "25 March Annual General Meeting\n\n19 May Interim Report, Q1 2021\n\nContact\n\n"
        "Investor Relations: Jens Hansen, Head of Investor Relations, tel: +45 2494 0000\n"
    )
    assert release.headline == "Update of financial calendar 2020 and release of calendar for 2021"
    assert release.subheadline is None
    assert release.dateline.date.isoformat() == "2020-10-26"
    assert [c.name for c in release.contacts] == ["Jens Hansen"]


def test_a_finnish_press_release_line_with_a_dotted_date_is_letterhead():
    release = parse(
        "Acme to start negotiations at its Kauttua plant\n"
        "Acme Corporation PRESS RELEASE 31.5.2006 at 13.15\n"
        "Acme has today issued a proposal to start negotiations at the Kauttua plant in Finland regarding "
        "temporary layoffs of the plant's employees, to match production to demand.\n"
        "The layoffs are estimated to last for eight weeks.\nThey will affect the 16 workers of the plant.\n"
        "Acme will announce the results of the negotiations as soon as they have been concluded.\n"
        "Acme Corporation\nFor further information, please contact:\nJan Virtanen\nPlant Manager\n"
        "tel. +358 10 303 2523\n"
    )
    assert release.headline == "Acme to start negotiations at its Kauttua plant"
    assert release.subheadline is None
    assert release.dateline.date.isoformat() == "2006-05-31"


def test_a_cision_page_announcement_number_line_dates_the_release():
    release = parse(
        "Correction: Financial calendar 2019\n\nReport this content\n\nANNOUNCEMENT NO. 23 - 18 DECEMBER 2018\n\n"
        "Acme A/S has planned the following dates in 2019 for the annual report and the interim reports as well "
        "as for the annual general meeting of its shareholders.\n"
    )
    assert release.headline == "Correction: Financial calendar 2019"
    assert release.subheadline is None
    assert release.dateline.date.isoformat() == "2018-12-18"


def test_a_dateline_under_a_long_page_menu_is_still_the_dateline():
    menu = "".join(f"Menu item number {n} of the site\n\n" for n in range(90))
    release = parse(
        menu + "# Acme Adds a Director to Its Board\n\n"
        "STRATHAM, N.H., Feb. 27, 2020 /PRNewswire/ -- Acme, Inc. announced today the appointment of Jane Doe to "
        "its Board of Directors, effective immediately.\n\nShe brings thirty years of experience to the board.\n"
    )
    assert release.dateline.location == "STRATHAM, N.H."
    assert release.wire == "PR Newswire"
    assert release.headline == "Acme Adds a Director to Its Board"


def test_a_danish_calendar_announcement_with_a_numbered_letterhead_and_a_lead_that_opens_a_list():
    release = parse(
        "Financial calendar 2020/21\n\nCompany announcement no. 15 2019/20\nAllerød, 24 March 2020\n\n"
        "Financial calendar 2020/21\n\n"
        "The Board of Directors of Acme A/S has set the following dates for publication of interim reports, annual "
        "report and holding of the annual general meeting in 2020/21:\n\n"
        "20 August 2020 Q1 interim report\n\n5 November 2020 H1 interim report\n\n"
        "For further information, please contact:\n\nJane Hansen\nHead of Investor Relations\nTel. +45 48 16 00 00\n"
    )
    assert release.headline == "Financial calendar 2020/21"
    assert release.subheadline is None  # the title printed again is no deck
    assert release.dateline.date.isoformat() == "2020-03-24"
    assert release.company.name == "Acme A/S"


def test_a_conference_presentation_webcast_in_the_next_paragraph_is_a_call():
    release = parse(
        "Acme to Present at the Goldman Sachs Technology Conference\n\n"
        "WOBURN, Mass.--(BUSINESS WIRE)--Acme, Inc. (Nasdaq: ACME) today announced that executives will be "
        "participating in the Goldman Sachs Technology and Internet Conference on February 12, 2020 at 11:40 a.m. "
        "Pacific time from The Palace Hotel in San Francisco.\n\n"
        "The presentation will be webcast live and archived for replay on the Investors section of Acme's website "
        "at www.acme.com.\n\n"
        "View source version on businesswire.com: https://www.businesswire.com/news/home/20200129005146/en/\n"
        "Press Contact\nJane Doe\nAcme\n1 408 555 6403\n"
    )
    [call] = release.calls
    assert call.starts_at.isoformat() == "2020-02-12T11:40:00-08:00"
    assert call.webcast_url == "www.acme.com"
    assert [(c.role, c.name) for c in release.contacts] == [("media", "Jane Doe")]


def test_business_wire_text_with_highlight_lines_and_bracketed_contact_labels():
    release = parse(
        "Acme Interactive Software, Inc. Reports Results for Fiscal Third Quarter 2020\n\n"
        "Feb 6, 2020 4:05PM EST\n\n\nGAAP net revenue was $930.1 million\n\n"
        "GAAP net income per diluted share was $1.43\n\nNet cash from operations was $440.0 million\n\n"
        "Net Bookings were $888.2 million\n"
        "    NEW YORK--(BUSINESS WIRE)--\nAcme Interactive Software, Inc. (NASDAQ:ACME) today reported results for "
        "its fiscal third quarter 2020 ended December 31, 2019, and raised its outlook for the year.\n\n"
        "The Company undertakes no obligation to update any forward-looking statement, whether as a result of new "
        "information, future events or otherwise, as it says at length in the filings it makes with the SEC.\n\n"
        "View source version on businesswire.com: https://www.businesswire.com/news/home/20200206005841/en/\n"
        "(Investor Relations)\nHenry Diamond\nSenior Vice President\nInvestor Relations & Corporate Communications\n"
        "Acme Interactive Software, Inc.\n(646) 555-3005\n\n(Corporate Press)\nAlan Lewis\nVice President\n"
        "Corporate Communications & Public Affairs\nAcme Interactive Software, Inc.\n(646) 555-2983\n"
    )
    assert release.subheadline is None  # the figures under the title are highlights, not a deck
    assert [(c.role, c.name, c.title, c.organization) for c in release.contacts] == [
        ("investors", "Henry Diamond", "Senior Vice President, Investor Relations & Corporate Communications",
         "Acme Interactive Software, Inc."),
        ("media", "Alan Lewis", "Vice President, Corporate Communications & Public Affairs",
         "Acme Interactive Software, Inc."),
    ]


def test_business_wire_contacts_under_its_credit_line_need_no_label():
    release = parse(
        "Acme to Acquire Beta\n\nFOSTER CITY, Calif.--(BUSINESS WIRE)--Acme Sciences, Inc. (Nasdaq: ACME) and "
        "Beta, Inc. (Nasdaq: BETA) today announced that the companies have signed a definitive agreement.\n\n"
        "Acme and Beta file annual, quarterly and current reports with the SEC, which are available free of charge "
        "on the SEC's website, as the companies say in each of their filings.\n"
        "View source version on businesswire.com: https://www.businesswire.com/news/home/20200302005443/en/\n"
        "Acme Sciences, Inc.\nDouglas Roe, PhD, Investors\n(650) 555-2739\n\nAmy Flood, Media\n(650) 555-5643\n"
        "Source: Acme Sciences, Inc.\n"
    )
    assert [(c.role, c.name, c.title, c.organization, c.phones) for c in release.contacts] == [
        ("investors", "Douglas Roe, PhD", None, "Acme Sciences, Inc.", ("(650) 555-2739",)),
        ("media", "Amy Flood", None, "Acme Sciences, Inc.", ("(650) 555-5643",)),
    ]


def test_an_exhibits_contact_table_ends_with_the_table_and_its_title_on_two_lines_is_one():
    release = parse(
        "<html><body><p>Exhibit 99.1</p><p>For Immediate Release</p><table><tr><td>Contact:</td><td>Ken Bond</td>"
        "<td>Deb Roe</td></tr><tr><td></td><td>Acme Investor Relations</td><td>Acme Corporate Communications</td>"
        "</tr><tr><td></td><td>1.650.555.0349</td><td>1.212.555.7935</td></tr></table>"
        "<p>ACME NAMES JANE DOE</p><p>TO THE BOARD OF DIRECTORS</p>"
        "<p>REDWOOD SHORES, Calif., July 10, 2019 — The Acme Board of Directors today announced that it has "
        "unanimously elected Jane Doe to the company's Board of Directors, effective immediately.</p>"
        "</body></html>", filename="ex99.htm")
    assert release.headline == "ACME NAMES JANE DOE TO THE BOARD OF DIRECTORS"
    assert release.subheadline is None
    assert release.company.name == "Acme"
    assert [c.name for c in release.contacts] == ["Ken Bond", "Deb Roe"]


def test_a_speaker_at_a_conference_broadcast_live_and_an_about_glued_after_a_link():
    release = parse(
        "Acme Co-CEO to Speak at the Morgan Stanley Conference\n\nMar 2, 2020 4:05PM EST\n\n"
        "MOUNTAIN VIEW, Calif., Feb. 27, 2020 /PRNewswire/ -- Acme, Inc. (Nasdaq: ACME) today announced that Jane "
        "Doe, chairman and co-CEO, will speak at the Morgan Stanley Technology, Media and Telecom Conference on Mar. "
        "5, 2020. This event will be broadcast live on the Internet via the Acme corporate website at "
        "https://www.acme.com/company/investor-relations.html, on Thursday, Mar. 5, 2020, at 9:45 a.m. PT (12:45 "
        "p.m. ET). For more information, please see http://investor.acme.com/static-files/3303d8d7.About Acme, Inc."
        "Acme, Inc. (Nasdaq: ACME) makes the software that chip designers rely on every day.\n"
    )
    [call] = release.calls
    assert call.starts_at.isoformat() == "2020-03-05T09:45:00-08:00"
    assert call.webcast_url == "https://www.acme.com/company/investor-relations.html"
    assert release.about.startswith("Acme, Inc. (Nasdaq: ACME) makes the software")


def test_a_business_wire_dateline_alone_under_the_deck_is_the_dateline():
    release = parse(
        "Acme Drives Toward the Future With an Electric Truck Pilot\n\nFeb 26, 2020 5:05PM EST\n\n\n"
        "Beta Leasing is Acme's Electric Vehicle Partner for the Pilot\n    WINONA, Minn.--(BUSINESS WIRE)--\n"
        "Acme is now running a battery electric truck to service branches in the Los Angeles metro area, in a "
        "venture with Beta Leasing to test commercial electric trucks in real-world situations.\n"
    )
    assert release.subheadline == "Beta Leasing is Acme's Electric Vehicle Partner for the Pilot"
    assert release.dateline.location == "WINONA, Minn."
    assert release.wire == "Business Wire"
    assert release.company.name == "Acme"


def test_a_lead_that_opens_with_the_listing_names_the_issuer_after_it():
    release = parse(
        "Acme Technology to Provide Business Update on March 2, 2020\n\n"
        "CHANDLER, Ariz., Feb.  28, 2020  (GLOBE NEWSWIRE) -- (NASDAQ: ACME) -- Acme Technology Incorporated, a "
        "leading provider of embedded control solutions, today announced that it will provide a business update.\n"
    )
    assert release.company.name == "Acme Technology Incorporated"


def test_a_mar_statement_names_the_issuer_where_the_lead_names_none():
    release = parse(
        "Nordbygg: Year-end report, January - December 2024\n\n"
        "STOCKHOLM, Feb. 7, 2025 /PRNewswire/ --\n\n"
        "* Revenue amounted to SEK 50.6 billion (41.9); adjusted for currency effects, revenue increased 20 "
        "percent.\n\n"
        "This report will also be presented at a telephone conference at 10:00 CET on February 7, 2025. The press "
        "conference will be webcast live at www.nordbygg.example.com/investors, where a recording of the conference "
        "will also be available later.\n\n"
        "If you need to call in via telephone line, please dial +46 (0) 8 5555 0031 or +44 (0)207 555 06 13.\n\n"
        "This is information that Nordbygg AB (publ) is obliged to make public pursuant to the EU Market Abuse "
        "Regulation.\n"
    )
    assert release.company.name == "Nordbygg AB (publ)"
    [call] = release.calls
    assert call.starts_at.isoformat() == "2025-02-07T10:00:00+01:00"
    assert call.dial_in == ("+46 (0) 8 5555 0031", "+44 (0)207 555 06 13")
    assert call.replay is not None and call.replay.dial_in == ()


def test_a_listing_alone_over_a_table_opens_the_lead():
    release = parse(
        "Tunnelco: Shuttle Traffic in January 2025\n\nRegulatory News:\n\nTunnelco (Paris:TUN):\n\n"
        "|  | **Jan. 25** | **Jan. 24** |\n| --- | --- | --- |\n| **Trucks** | **101,252** | **100,022** |\n\n"
        "In January 2025, Tunnelco Freight carried 101,252 trucks, up 1% compared to January 2024.\n"
    )
    assert release.company.name == "Tunnelco"
    assert [(x.exchange, x.ticker) for x in release.listings] == [("PARIS", "TUN")]


def test_an_rns_page_with_a_machine_summary_a_short_lead_and_a_table_of_people():
    release = parse(
        "<html><body><h1>Notice of Capital Markets Day</h1>"
        '<div id="ai-summary"><h2>Summary by AI</h2><div>Acme plc will host a Capital Markets Day presentation on '
        "Wednesday, December 3, 2025, at 1 pm UK time, with a live video webcast and a replay afterwards.</div>"
        '<p id="summary-disclaimer">Disclaimer*</p></div>'
        "<p>Acme plc</p><p>21 October 2025</p><p>Notice of Capital Markets Day</p>"
        "<p>Acme plc will host a Capital Markets Day presentation on Wednesday, 3 December 2025 at 1 pm UK.</p>"
        "<p>A live video webcast starting at 1 pm UK will be accessible at:</p>"
        "<p>https://edge.media-server.com/mmc/p/dgm92n89</p>"
        "<p>For further information please contact:</p>"
        "<table><tr><td>Investors</td></tr><tr><td>Martin Fewings</td><td>t: +41 41 555 28 80</td>"
        "<td>martin.fewings@acme.example.com</td></tr><tr><td>Media</td></tr><tr><td>Charles Roe</td>"
        "<td>t: +41 41 555 24 62</td><td>charles.roe@acme.example.com</td></tr></table></body></html>",
        filename="release.html",
    )
    assert release.company.name == "Acme plc"
    [call] = release.calls
    assert call.starts_at.isoformat() == "2025-12-03T13:00:00+00:00"
    assert [(c.role, c.name, c.phones, c.emails) for c in release.contacts] == [
        ("investors", "Martin Fewings", ("+41 41 555 28 80",), ("martin.fewings@acme.example.com",)),
        ("media", "Charles Roe", ("+41 41 555 24 62",), ("charles.roe@acme.example.com",)),
    ]
