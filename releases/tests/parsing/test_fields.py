"""Stage tables for fields.py: datelines, wires, dates, issuer names, listings, websites."""

from datetime import date

import pytest

from releases.parsing.fields import company_name, header_date, listings_in, parse_dateline, websites_in

DATELINES = [
    # id, text, location, date, wire, rest starts with
    ("business-wire-text", "WALTHAM, Mass., Oct 20, 2011 (BUSINESS WIRE) -- ImmunoGen, Inc. (Nasdaq: IMGN), a",
     "WALTHAM, Mass.", date(2011, 10, 20), "Business Wire", "ImmunoGen"),
    ("business-wire-page", "DENVER--(BUSINESS WIRE)--Newmont Mining Corporation (NYSE: NEM) today announced",
     "DENVER", None, "Business Wire", "Newmont"),
    ("business-wire-spaced", "SEATTLE--( BUSINESS WIRE )--Today, Amazon Web Services, Inc. (AWS), an Amazon.com",
     "SEATTLE", None, "Business Wire", "Today"),
    ("business-wire-en-dash", "SAN JOSE, Calif.–(BUSINESS WIRE)–BILL (NYSE: BILL), a leading financial platform",
     "SAN JOSE, Calif.", None, "Business Wire", "BILL"),
    ("business-wire-date-after", "PARIS--(BUSINESS WIRE)--February 14, 2025--Regulatory News:",
     "PARIS", date(2025, 2, 14), "Business Wire", "Regulatory"),
    ("pr-newswire", "ATLANTA, July 24, 2012 /PRNewswire/ -- Aaron's, Inc. (NYSE: AAN), the nation's leader",
     "ATLANTA", date(2012, 7, 24), "PR Newswire", "Aaron's"),
    ("pr-newswire-firstcall", "NEW YORK, March 3 /PRNewswire-FirstCall/ -- Acme Corp. (NYSE: ACM) today said",
     "NEW YORK", None, "PR Newswire", "Acme"),
    ("cnw", "TORONTO, Feb. 12, 2025 /CNW/ - H&R Real Estate Investment Trust (\"H&R\") is pleased",
     "TORONTO", date(2025, 2, 12), "CNW", "H&R"),
    ("ordinal-day-then-colon", "Oslo, 14th February 2025: Itera reports a 4% decrease in revenue for the quarter.",
     "Oslo", date(2025, 2, 14), None, "Itera"),
    ("slash-in-a-place", "FRANKFURT/MAIN, Germany - November 10, 2025 (NEWMEDIAWIRE) - The Payments Group Holding",
     "FRANKFURT/MAIN, Germany", date(2025, 11, 10), "NewMediaWire", "The Payments"),
    ("24-7-press-release", "AMSTERDAM and PARIS, March 19, 2024 /24-7PressRelease/ -- Today marks a pivotal moment",
     "AMSTERDAM and PARIS", date(2024, 3, 19), "24-7PressRelease", "Today"),
    ("slash-before-the-wire", "NEW YORK/PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced results",
     "NEW YORK", None, "PR Newswire", "Acme"),
    ("globenewswire", "TEL AVIV, Israel, Jan. 05, 2021 (GLOBE NEWSWIRE) -- Acme Ltd. (Nasdaq: ACME) today",
     "TEL AVIV, Israel", date(2021, 1, 5), "GlobeNewswire", "Acme"),
    ("ayin-as-backtick", "ROSH HA`AYIN, Israel, Feb. 3, 2025 (GLOBE NEWSWIRE) — Acme Ltd. (Nasdaq: ACME) today",
     "ROSH HA`AYIN, Israel", date(2025, 2, 3), "GlobeNewswire", "Acme"),
    ("ayin-as-backtick-hyphenated", "RA`ANANA-NORTH, Israel, May 6, 2024 /PRNewswire/ -- Acme Ltd. (TASE: ACME) said",
     "RA`ANANA-NORTH, Israel", date(2024, 5, 6), "PR Newswire", "Acme"),
    ("ayin-in-region", "JEDDAH, Makkah Ta`if, May 6, 2024 /PRNewswire/ -- Acme Co. (Tadawul: 1234) said",
     "JEDDAH, Makkah Ta`if", date(2024, 5, 6), "PR Newswire", "Acme"),
    ("newmediawire-date-after", "JERICHO, N.Y. - (NewMediaWire) - November 07, 2024 - Paltalk, Inc. (Nasdaq: PALT)",
     "JERICHO, N.Y.", date(2024, 11, 7), "NewMediaWire", "Paltalk"),
    ("newmediawire-date-before", "LUXEMBOURG - November 6, 2025 (NEWMEDIAWIRE) - Novem Group S.A. invites investors",
     "LUXEMBOURG", date(2025, 11, 6), "NewMediaWire", "Novem"),
    ("access-newswire", "STONY BROOK, NY / ACCESS Newswire / February 12, 2025 / Applied DNA Sciences, Inc.",
     "STONY BROOK, NY", date(2025, 2, 12), "ACCESS Newswire", "Applied"),
    ("accesswire", "VANCOUVER, BC / ACCESSWIRE / June 1, 2020 / Acme Mining Corp. (TSXV: AMC) is pleased",
     "VANCOUVER, BC", date(2020, 6, 1), "ACCESSWIRE", "Acme"),
    ("marketwired-date-inside", "TORONTO, ONTARIO--(Marketwired - Jan. 5, 2016) - Acme Gold Corp. (TSX:AGC) today",
     "TORONTO, ONTARIO", date(2016, 1, 5), "Marketwired", "Acme"),
    ("newsfile-title-case", "Toronto, Ontario--(Newsfile Corp. - January 5, 2021) - Acme Resources Inc. (CSE: ACR)",
     "Toronto, Ontario", date(2021, 1, 5), "Newsfile", "Acme"),
    ("ein-presswire", "AUSTIN, TEXAS, UNITED STATES, March 2, 2023 /EINPresswire.com/ -- Acme Health today",
     "AUSTIN, TEXAS, UNITED STATES", date(2023, 3, 2), "EIN Presswire", "Acme"),
    ("media-outreach", "TAIPEI, TAIWAN - Media OutReach Newswire - 2 July 2026 - Bora Pharmaceuticals Co., Ltd.",
     "TAIPEI, TAIWAN", date(2026, 7, 2), "Media OutReach Newswire", "Bora"),
    ("sec-exhibit-dashes", "SAN JOSE, Calif. – March 15, 2023 – Adobe (Nasdaq:ADBE) today reported financial",
     "SAN JOSE, Calif.", date(2023, 3, 15), None, "Adobe"),
    ("sec-exhibit-no-date", "CUPERTINO, CALIFORNIA — Apple® today announced financial results for its quarter",
     "CUPERTINO, CALIFORNIA", None, None, "Apple"),
    ("place-and-dash-only", "ATLANTA - Southern Company today reported fourth quarter earnings of $204.5 million",
     "ATLANTA", None, None, "Southern"),
    ("date-first", "January 5, 2021 -- NEW YORK -- Acme Corp. (NYSE: ACM) today announced a dividend",
     "NEW YORK", date(2021, 1, 5), None, "Acme"),
    # GlobeNewswire, 2026: a title-case place with its date before the wire marker
    ("title-case-place-date-then-wire",
     "Salt Lake City, UT, June 30, 2026 (GLOBE NEWSWIRE) -- Children's Miracle Network announced the DICK'S",
     "Salt Lake City, UT", date(2026, 6, 30), "GlobeNewswire", "Children's"),
    ("space-before-comma", "NEW YORK , Feb. 3, 2025 /PRNewswire/ -- Why: Rosen Law Firm, a global investor rights",
     "NEW YORK", date(2025, 2, 3), "PR Newswire", "Why"),
    ("cnw-en-dash", "VANCOUVER, BC, Aug. 23, 2023 /CNW/ – Acme Minerals Inc. (TSX: MRM) is pleased to report",
     "VANCOUVER, BC", date(2023, 8, 23), "CNW", "Acme"),
    ("date-then-wire-without-place", "Jan. 5, 2021 (GLOBE NEWSWIRE) -- Acme Corp. (NYSE: ACM) today announced",
     None, date(2021, 1, 5), "GlobeNewswire", "Acme"),
    ("province-with-and", "ST. JOHN'S, Newfoundland and Labrador--(BUSINESS WIRE)--Acme Resources today announced",
     "ST. JOHN'S, Newfoundland and Labrador", None, "Business Wire", "Acme"),
    ("parenthesised-date", "NEW YORK, NY (January 5, 2005) - Acme Corp. (NYSE: ACM) today announced results",
     "NEW YORK, NY", date(2005, 1, 5), None, "Acme"),
    ("comtex-repost", "NEW YORK, January 5, 2005 /PRNewswire via COMTEX/ -- Acme Corp. (NYSE: ACM) today",
     "NEW YORK", date(2005, 1, 5), "PR Newswire", "Acme"),
    ("ccnmatthews-2005", "TORONTO, ONTARIO--(CCNMatthews - Jan. 5, 2005) - Acme Gold Corp. (TSX:AGC) today",
     "TORONTO, ONTARIO", date(2005, 1, 5), "CCNMatthews", "Acme"),
    ("primezone-2005", "COLUMBUS, Ohio, Jan. 20, 2005 (PRIMEZONE) -- Acme Bancorp, Inc. (Nasdaq:ABCP) today",
     "COLUMBUS, Ohio", date(2005, 1, 20), "PrimeZone", "Acme"),
    ("jcn-newswire", "TOKYO, Jan 5, 2023 - (JCN Newswire) - Acme Electric Corporation (TSE: 6501) today announced",
     "TOKYO", date(2023, 1, 5), "JCN Newswire", "Acme"),
    ("kyodo-jbn-asianet", "KYOTO, Japan, Feb. 1, 2017 /Kyodo JBN-AsiaNet/ -- Acme Corporation announced on February 1",
     "KYOTO, Japan", date(2017, 2, 1), "Kyodo JBN", "Acme"),
    ("business-wire-1998-date-after", "SAN JOSE, Calif.--(BUSINESS WIRE)--Jan. 5, 1998--Acme Semiconductor Corp.",
     "SAN JOSE, Calif.", date(1998, 1, 5), "Business Wire", "Acme"),
    ("business-wire-2009-abbreviated-june", "MINNEAPOLIS--(BUSINESS WIRE)--Jun. 25, 2009-- On Thursday, July 30, "
     "2009, Acme Energy (NYSE: ACE) will host a call", "MINNEAPOLIS", date(2009, 6, 25), "Business Wire", "On"),
    ("thenewswire-title-case", "Vancouver, BC – TheNewswire - June 5, 2023 – Lakeshore Metals Corp. (TSXV: LKM) is",
     "Vancouver, BC", date(2023, 6, 5), "TheNewswire", "Lakeshore"),
    ("accesswire-misspelt-country", "SHANGHAI, CHNA / ACCESSWIRE / December 5, 2022 / Hexaell Biotech Co., Ltd said",
     "SHANGHAI, CHNA", date(2022, 12, 5), "ACCESSWIRE", "Hexaell"),
    ("weekday-before-date-and-wire-tagline",
     "CUPERTINO, CA, Friday, May 1, 2026 – PRISM MediaWire (Press Release Service – Press Release Distribution) – "
     "Acme, Inc. (NASDAQ: ACME) announced", "CUPERTINO, CA", date(2026, 5, 1), "PRISM MediaWire", "Acme"),
    ("title-case-place-day-first-date", "Milan, 13 February 2025 – The Board of Directors of Acme S.p.A. approved",
     "Milan", date(2025, 2, 13), None, "The Board"),
    ("title-case-place-ordinal-date", "Milan, February 13th, 2025 – Acme S.p.A. has approved its results",
     "Milan", date(2025, 2, 13), None, "Acme"),
    ("title-case-place-and-country", "Taipei, Taiwan, Feb. 25, 2025 – Acme Ltd. reported record revenue",
     "Taipei, Taiwan", date(2025, 2, 25), None, "Acme"),
    ("title-case-place-undated",
     "Amsterdam, the Netherlands – Royal Acme (NYSE: ACM, AEX: ACMA), a global leader in health technology, "
     "today presents its plan to create value.", "Amsterdam, the Netherlands", None, None, "Royal Acme"),
    ("title-case-places-with-a-slash-and-a-dash-run-on",
     "Garching / Munich, February 7, 2025 –Acme Isotope SE (ACM), a leading biotech company, today announced",
     "Garching / Munich", date(2025, 2, 7), None, "Acme"),
    ("title-case-place-bracketed-date", "San Francisco (March 24, 2022) - Acme Inc. (NASDAQ: ACME) announced today",
     "San Francisco", date(2022, 3, 24), None, "Acme"),
    ("title-case-places-joined-on-a-header-line", "Kawasaki and Yokohama, Japan, March 3, 2025",
     "Kawasaki and Yokohama, Japan", date(2025, 3, 3), None, ""),
    ("upper-case-place-and-the-country", "VELDHOVEN, the Netherlands, April 11, 2019 - Acme disagrees with any "
     "implication that it has been the victim of espionage.", "VELDHOVEN, the Netherlands", date(2019, 4, 11), None,
     "Acme"),
    ("double-dashes-without-a-wire", "CUPERTINO, Calif.--Dec. 20, 1996--Apple Computer, Inc. today announced it "
     "will buy NeXT Software Inc.", "CUPERTINO, Calif.", date(1996, 12, 20), None, "Apple Computer"),
    ("title-case-place-undated-nordic",
     "Espoo, Finland – Acme Oyj today announced that it has agreed to acquire Beta AB, a supplier of industrial "
     "sensors, for EUR 120 million.", "Espoo, Finland", None, None, "Acme Oyj"),
]


@pytest.mark.parametrize("text, location, when, wire, rest", [row[1:] for row in DATELINES],
                         ids=[row[0] for row in DATELINES])
def test_dateline(text, location, when, wire, rest):
    found = parse_dateline(text)
    assert found is not None
    assert found.location == location
    assert (found.date.as_date() if found.date else None) == when
    assert found.wire == wire
    assert found.rest.startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "BILL (NYSE: BILL), a leading financial operations platform, today announced",
        "THE BUCKLE, INC. REPORTS THIRD QUARTER NET INCOME",
        "CAMTEK ANNOUNCES RECORD RESULTS FOR THE FOURTH QUARTER & FULL YEAR OF 2024",
        "Investor Relations Contact: Glen Kundert",
        "The Company will host a conference call at 4:30 p.m. ET.",
        # a subheadline or sentence of "words, words – ..." is no title-case place without a date or wire
        "Strong Growth, Record Margins – Company raises its guidance for the full year after a strong quarter in "
        "every region it serves and in every product line it sells.",
        "Today, the Company – which has served the market for forty years – announced a new chief executive officer "
        "and a plan to expand into new regions.",
        "In addition, Acme – the leading supplier of widgets in its markets – opened two new plants in the quarter, "
        "which will add capacity for the coming year.",
        "Espoo, Finland – Acme Oyj Opens Its New Plant",
        "strong growth, record margins – company raises its guidance for the full year after a strong quarter in "
        "every region it serves and in every product line it sells.",
    ],
    ids=["issuer-with-listing", "caps-headline", "caps-headline-year", "contact-line", "sentence",
         "subheadline-with-dash", "sentence-with-aside", "sentence-with-named-aside", "headline-with-a-place",
         "lower-case-with-dash"],
)
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("March 04, 2019 08:00 AM Eastern Standard Time", date(2019, 3, 4)),
        ("Jan. 25, 2005", date(2005, 1, 25)),
        ("02 May 2012", date(2012, 5, 2)),
        ("For Immediate Release: November 22, 2024", date(2024, 11, 22)),
        ("Jan 05, 2021, 08:00 ET", date(2021, 1, 5)),
        ("Sept. 9, 2025", date(2025, 9, 9)),
        ("Company raises targets for 2023", None),
        ("March 2025 was a record month for bookings", None),
    ],
    ids=["bw-timestamp", "abbreviated", "day-first", "labelled", "prn-timestamp", "sept", "not-a-date", "prose"],
)
def test_header_date(line, expected):
    assert header_date(line) == expected


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("ImmunoGen, Inc. (Nasdaq: IMGN), a biotechnology company", "ImmunoGen, Inc."),
        ("Bora Pharmaceuticals Co., Ltd. (\"Bora\"; TWSE: 6472) today announced", "Bora Pharmaceuticals Co., Ltd."),
        ("Today, Amazon Web Services, Inc. (AWS), an Amazon.com, Inc. company", "Amazon Web Services, Inc."),
        ("The Board of Directors of Eutelsat Communications ( - Euronext Paris: ETL)", "Eutelsat Communications"),
        ("Southern Company today reported fourth quarter earnings", "Southern Company"),
        ("Camtek Ltd. , today announced its financial results", "Camtek Ltd."),
        ("Multitude AG, a listed European FinTech company", "Multitude AG"),
        ("H&R Real Estate Investment Trust (\"H&R\" or \"the REIT\") is pleased", "H&R Real Estate Investment Trust"),
        ("Apple® today announced financial results", "Apple"),
        ("On February 21, 2003, Agilent Technologies Inc. reported orders", "Agilent Technologies Inc."),
        ("The Buckle, Inc. (NYSE: BKE) announced today", "The Buckle, Inc."),
        ("iRobot Corp. (NASDAQ: IRBT) today announced", "iRobot Corp."),
        # EDGAR 8-K exhibit, 2004: a comma inside the name, the suffix at the end of its tail
        ("Sears, Roebuck and Co. (NYSE: S)\ntoday reported second quarter net income", "Sears, Roebuck and Co."),
        ("Merrill Lynch, Pierce, Fenner & Smith Incorporated today announced",
         "Merrill Lynch, Pierce, Fenner & Smith Incorporated"),
        ("Pfizer, Moderna and BioNTech today announced", "Pfizer"),
        # PR Newswire-FirstCall page, 2009: the mark inside the name
        ("NETGEAR®, Inc. (NASDAQ:NTGR) , a worldwide provider", "NETGEAR, Inc."),
        ("Grupo Televisa, S.A.B. (NYSE: TV) today announced", "Grupo Televisa, S.A.B."),
        ("Cresud S.A.C.I.F. y A. (, BYMA: CRES), leading Argentine company", "Cresud S.A.C.I.F. y A."),
        ("...ROCK OF AGES CORPORATION (NASDAQ/NMS:ROAC) announced today", "ROCK OF AGES CORPORATION"),
        ("On Thursday, July 30, 2009, Acme Energy (NYSE: ACE) will host a conference call", "Acme Energy"),
        ("On Tuesday, Acme Energy (NYSE: ACE) reported", "Acme Energy"),
        ("On February 14th, 2025, at 8 AM CEST, Acme Holding AB (\u201cAcme\u201d) publishes", "Acme Holding AB"),
        ("On Thursday, February 13th at 08.30 CET / 13.00 IST, Acme publishes its year-end report", "Acme"),
        ("Acme Limited and Yokohama National University today announced", "Acme Limited"),
        ("Procter & Gamble Co. and Beta Inc. today announced", "Procter & Gamble Co."),
        ("Marks and Spencer Group plc today announced", "Marks and Spencer Group plc"),
        ("Citing continued economic strength in the Southeast, Southern Company today reported", "Southern Company"),
        ("Following a strong quarter, Acme Corp. (NYSE: ACM) today reported", "Acme Corp."),
        ("Boeing today announced", "Boeing"),
        ("The Acme Board of Directors today named Jane Doe a director", "Acme"),
        ("Acme ASA's Board of Directors has proposed a dividend", "Acme ASA"),
        ("The fintech company Acme AG, Munich (ISIN: DE0005120802) continued its growth", "Acme AG"),
        ("ACME HOLDINGS CO., LTD. (the \u201cCompany\u201d) today announced", "ACME HOLDINGS CO., LTD."),
        ("**Today, Cadmar announces the signing of a Vessel Reservation Agreement with Ocean Winds", "Cadmar"),
        ("Indiana Acme Water President Deborah Dewey today announced the company has completed", "Indiana Acme Water"),
        ("The Nordwind Group today announced an upward revision to its guidance", "The Nordwind Group"),
        ("All Remote- Acme Inc., (NASDAQ: ACME), The Build Platform, today announced", "Acme Inc."),
        ("Fully Distributed - Acme Inc. (NASDAQ: ACME) announced today", "Acme Inc."),
    ],
    ids=["inc", "co-ltd", "today-prefix", "board-of", "no-paren", "space-comma", "appositive", "ampersand",
         "registered-mark", "on-date-prefix", "leading-the", "lowercase-brand", "comma-in-name", "commas-and-ampersand",
         "two-companies-first-only", "mark-before-comma", "mexican-sab", "spanish-y", "after-an-ellipsis",
         "on-weekday-and-date-prefix", "on-weekday-prefix", "on-ordinal-date-and-time-prefix",
         "on-weekday-date-and-two-times-prefix", "second-party-after-a-suffix", "ampersand-then-second-party",
         "and-inside-the-name", "opening-participle-clause", "opening-prepositional-clause", "name-ending-in-ing",
         "the-companys-board", "the-companys-board-possessive", "what-the-company-is-first",
         "suffixes-in-capitals", "a-lead-set-in-bold", "an-officer-after-the-name", "the-and-a-name-in-capitals",
         "a-tagline-glued-to-a-dash-before-the-listed-name", "a-tagline-and-a-dash-before-the-listed-name"],
)
def test_company_name(lead, expected):
    assert company_name(lead) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nasdaq: IMGN", [("NASDAQ", "IMGN")]),
        ("TSX: “HBP”, OTC: “HBPCF”, FRANKFURT: “HBP0”", [("TSX", "HBP"), ("OTC", "HBPCF"), ("FRANKFURT", "HBP0")]),
        ("\"Bora\"; TWSE: 6472; OTCQX: BORAY", [("TWSE", "6472"), ("OTCQX", "BORAY")]),
        (" - Euronext Paris / London Stock Exchange: ETL",
         [("EURONEXT PARIS", "ETL"), ("LONDON STOCK EXCHANGE", "ETL")]),
        ("NYSE American: ACU", [("NYSE AMERICAN", "ACU")]),
        ("NYSE MKT: XPL", [("NYSE AMERICAN", "XPL")]),
        ("TSX-V: ABC", [("TSXV", "ABC")]),
        ("TSX Venture Exchange: ABC", [("TSXV", "ABC")]),
        ("Nasdaq Global Select Market: ACME", [("NASDAQ", "ACME")]),
        ("TSX: HR.UN", [("TSX", "HR.UN")]),
        ("TSXV:YGT)(Frankfurt:TX0)(OTCQB:YGTFF", [("TSXV", "YGT"), ("FRANKFURT", "TX0"), ("OTCQB", "YGTFF")]),
        ("OTC PINK:WEGZY", [("OTC PINK", "WEGZY")]),
        ("NYSE: BRK.A, BRK.B", [("NYSE", "BRK.A"), ("NYSE", "BRK.B")]),
        ("NASDAQ: ACME, ACMEW and ACMEU", [("NASDAQ", "ACME"), ("NASDAQ", "ACMEW"), ("NASDAQ", "ACMEU")]),
        ("NYSE: GIG, GIG.U, GIG.RT, and GIG.WS",
         [("NYSE", "GIG"), ("NYSE", "GIG.U"), ("NYSE", "GIG.RT"), ("NYSE", "GIG.WS")]),
        ("NYSE: ACM, the world leader", [("NYSE", "ACM")]),
        ("NYSE and TSX: ABC", [("NYSE", "ABC"), ("TSX", "ABC")]),
        ("Nasdaq Copenhagen: NOVO B", [("NASDAQ COPENHAGEN", "NOVO B")]),  # Nasdaq's Nordic exchanges are their own
        ("TSX, Nasdaq Stockholm: IPCO", [("TSX", "IPCO"), ("NASDAQ STOCKHOLM", "IPCO")]),
        ("LSE: NWM, TSX: NWM", [("LSE", "NWM"), ("TSX", "NWM")]),
        ("NYSE: PHG, AEX: PHIA", [("NYSE", "PHG"), ("AEX", "PHIA")]),
        ("XMIL: REC", [("XMIL", "REC")]),
        (", BYMA: CRES", [("BYMA", "CRES")]),
        ("WKN: A40VJN, ISIN: CH1398992755", []),
        ("the \"Company\"", []),
        ("STO: ACME", [("STO", "ACME")]),
        ("ETR: ACM, EPA: ACM", [("ETR", "ACM"), ("EPA", "ACM")]),
        ("the STO: Acme", []),
        ("the agency said. EPA: The agency approved the permit", []),
        ("approved under the AMS: Aerospace Material Specification", []),
        ("Reports are filed in XBRL: Inline tagging applies", []),
        ("XBRL: ACME-2024 instance document", []),
        ("XPAR: ACA", [("XPAR", "ACA")]),
    ],
    ids=["nasdaq", "quoted-tickers", "semicolons", "shared-ticker", "nyse-american", "nyse-mkt", "tsx-v",
         "tsx-venture", "nasdaq-market", "unit-ticker", "glued-brackets", "otc-pink", "two-share-classes",
         "units-and-warrants", "oxford-comma-before-the-last-ticker", "one-ticker-then-prose",
         "two-exchanges-one-ticker", "nordic-share-class", "a-nordic-exchange-after-a-comma", "lse-and-tsx",
         "aex", "market-identifier-code", "argentine-byma", "isin-wkn", "no-listing", "google-code-bracketed",
         "google-codes-bracketed", "google-code-mid-prose", "agency-name-is-no-exchange", "standard-name-is-no-exchange",
         "x-word-is-no-market-code", "x-word-with-a-code", "another-market-code"],
)
def test_listings(text, expected):
    assert [(x.exchange, x.ticker) for x in listings_in(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("For additional information, please visit: https://www.paltalk.com.", ["https://www.paltalk.com"]),
        ("please visit us at nephros.com.", ["nephros.com"]),
        ("visit aws.amazon.com and follow @AWSCloud", ["aws.amazon.com"]),
        ("email ir@acme.com or visit www.acme.com/investors", ["www.acme.com/investors"]),
        ("Follow us on https://twitter.com/acme and www.linkedin.com/company/acme", []),
        ("filings at www.sec.gov and www.sedarplus.ca", []),
        ("see https://www.acme.com.ar/inversores.php?lng=en", ["https://www.acme.com.ar/inversores.php?lng=en"]),
        ("see acme.com.zz today", []),
    ],
    ids=["https", "bare-domain", "subdomain", "path-not-email", "social-only", "regulators", "country-second-level",
         "never-cut-before-a-further-label"],
)
def test_websites(text, expected):
    assert websites_in(text) == expected


def test_two_cities_make_one_location():
    found = parse_dateline("LOS ANGELES and NEW YORK, March 2, 2023 /PRNewswire/ -- Acme Corp. today said")
    assert (found.location, found.wire) == ("LOS ANGELES and NEW YORK", "PR Newswire")


@pytest.mark.parametrize(
    "url, expected",
    [("www.acmetx.com", True), ("x.com/acme", False), ("https://edge.media-server.com/mmc/p/abc", False),
     ("https://investors.acme.com/events", True), ("https://acme.webcasts.com/starthere.jsp", False),
     ("www.sec.gov", False)],
    ids=["ends-like-x-com", "x-com", "webcast-host", "ir-subdomain", "webcast-subdomain", "regulator"],
)
def test_issuer_site(url, expected):
    from releases.parsing.fields import is_issuer_site

    assert is_issuer_site(url) is expected


def test_a_dated_source_line_is_not_a_dateline():
    assert parse_dateline("November 08, 2023 16:05 ET | Source: Acme Therapeutics, Inc.") is None


@pytest.mark.parametrize(
    "text",
    ["ACME REPORTS RECORD RESULTS -- REVENUE UP 10% ON STRONG DEMAND",
     "Acme, Beta Merge – Creating the Leader in Anvils",
     "FOR IMMEDIATE RELEASE - Acme Corp. today announced its results for the quarter"],
    ids=["caps-headline-with-dash", "title-case-headline-with-dash", "release-label"],
)
def test_dashed_lines_that_are_not_datelines(text):
    assert parse_dateline(text) is None
