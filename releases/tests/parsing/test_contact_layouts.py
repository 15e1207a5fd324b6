"""find_contacts on layouts first met in held-out releases: each test is an invented release of that layout."""

import pytest

from releases.parsing import parse_press_release
from releases.parsing.contacts import find_contacts
from releases.parsing.document import Block

from .test_contacts import blocks, people


# --- two columns under region headings without a colon ("In Taiwan" / "In the U.S.") --------

REGION_COLUMN_CASES = [
    pytest.param(
        "Contacts:\n\n"
        "In Korea                    In the U.S.\n"
        " Min-jun Park                Laura Bentley\n"
        " Daeho Chemical Co., Ltd.    Harbor IR Partners\n"
        " +82-2-6200-1234 ext. 315    +1-646-555-0142\n"
        " ir@daeho.example.kr         lbentley@harborir.example.com\n",
        [
            ("investors", "Min-jun Park", None, "Daeho Chemical Co., Ltd.", ["+82-2-6200-1234 ext. 315"],
             ["ir@daeho.example.kr"]),
            ("investors", "Laura Bentley", None, "Harbor IR Partners", ["+1-646-555-0142"],
             ["lbentley@harborir.example.com"]),
        ],
        id="korea-and-us-columns",
    ),
    pytest.param(
        "Contacts:\n\n"
        "In Japan                      Outside Japan\n"
        " Haruto Sato                   Emma Clarke\n"
        " KUMO HOLDINGS K.K.            Northgate PR Associates\n"
        " +81-3-5555-0101 ext. 22       +44 20 7946 0321\n"
        " h.sato@kumo.example.jp        emma@northgatepr.example.co.uk\n",
        [
            ("other", "Haruto Sato", None, "KUMO HOLDINGS K.K.", ["+81-3-5555-0101 ext. 22"],
             ["h.sato@kumo.example.jp"]),
            ("media", "Emma Clarke", None, "Northgate PR Associates", ["+44 20 7946 0321"],
             ["emma@northgatepr.example.co.uk"]),
        ],
        id="japan-and-outside-columns",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REGION_COLUMN_CASES)
def test_region_headings_over_columns_are_no_organization(text, expected):
    assert people(text, tag="pre") == expected


@pytest.mark.parametrize("firm", ["ChipTEC SEMICONDUCTOR CORP.", "SinoMAX HOLDINGS LTD."])
def test_brand_with_capitals_inside_is_one_organization(firm):
    found = people(f"Contact:\n\nWei Chen\n\n{firm}\n\n+886-3-555-0199\n\nwei.chen@example.tw")
    assert [c[3] for c in found] == [firm]


# --- a repost that ran its paragraphs into one line, each closed by ", " ----------------------

JOINED_LEAD = (
    "PHOENIX, AZ, Mar 3, 2016 (MARKETWIRE via COMTEX) -- Desert Robotics, Inc. (NASDAQ: DSRT) announced today "
    "that its fourth quarter earnings call is scheduled for Thursday, March 10, 2016 at 11 a.m. ET., To join the "
    "live audio presentation, please dial toll free at 866-555-0142. The pass code is 55120., About Desert "
    "Robotics, Inc., Desert Robotics builds autonomous inspection robots for utilities and pipelines in more "
    "than forty countries around the world., Note to Investors, Please visit http://investor.desertrobotics.example, "
)

JOINED_CASES = [
    pytest.param(
        JOINED_LEAD + "For investor relations information please contact Dana Whitfield by phone at 602-555-0117 "
        "or via email at IR@desertrobotics.example., CONTACT:Lena MorrisPR ManagerPress@desertrobotics.example, "
        "Logo - http://photos.example.com/logo.jpg, , SOURCE Desert Robotics, Inc.",
        [
            ("investors", "Dana Whitfield", None, None, ["602-555-0117"], ["IR@desertrobotics.example"]),
            ("media", "Lena Morris", "PR Manager", None, [], ["Press@desertrobotics.example"]),
        ],
        id="sentence-and-glued-contact-line",
    ),
    pytest.param(
        JOINED_LEAD + "Visit our Investor Relations Safe Harbor Statement at: http://investor.desertrobotics.example/"
        "safe.cfm, Omar HaddadMedia Relations SpecialistMedia@desertrobotics.example, , View original content: "
        "http://www.prnewswire.com/news-releases/desert-robotics-300111.html, SOURCE Desert Robotics, Inc.",
        [("media", "Omar Haddad", "Media Relations Specialist", None, [], ["Media@desertrobotics.example"])],
        id="unlabelled-person-after-a-link",
    ),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_CASES)
def test_paragraphs_run_together_are_read_one_by_one(text, expected):
    found = find_contacts([Block(text)])
    assert [(c.role, c.name, c.title, c.organization, list(c.phones), list(c.emails))
            for c in found.contacts] == expected
    assert not found.used  # the run holds the release's text too: it stays in the body


def test_label_closing_a_run_heads_the_lines_below():
    text = JOINED_LEAD + "To review our Safe Harbor Statement, please visit http://investor.desertrobotics.example/sh., CONTACT:"
    found = find_contacts([Block(text), Block("Ruth Alvarez"), Block("Vice President of Communications"),
                           Block("Desert Robotics, Inc."), Block("Media ONLY Hotline: (602) 555-0190")])
    assert [(c.role, c.name, c.title, c.organization, list(c.phones)) for c in found.contacts] == [
        ("media", "Ruth Alvarez", "Vice President of Communications", "Desert Robotics, Inc.", ["(602) 555-0190"])
    ]


@pytest.mark.parametrize("sentence", [
    "For investor relations information please contact Ben Ortiz by phone at 416-555-0133 or via email at "
    "ir@maple.example.",
    "For investor relations information, please contact Ben Ortiz at 416-555-0133 or by e-mail at ir@maple.example.",
    "For investor inquiries, please contact Ben Ortiz by telephone on 416-555-0133 or e-mail to ir@maple.example.",
])
def test_words_between_a_person_and_their_details_are_nobody(sentence):
    assert people(sentence) == [("investors", "Ben Ortiz", None, None, ["416-555-0133"], ["ir@maple.example"])]


@pytest.mark.parametrize(("post", "role"), [
    ("PR Director", "media"), ("IR Manager", "investors"), ("Media Relations Manager", "media"),
])
def test_department_and_post_is_a_title(post, role):
    assert people(f"Contact:\n\nJane Roe\n\n{post}\n\n+1 212 555 0100") == [
        (role, "Jane Roe", post, None, ["+1 212 555 0100"], [])
    ]


# --- "Contact <Company>:" over a desk's glued fields, with social handles ----------------------

COMPANY_DESK_CASES = [
    pytest.param(
        "Contact Nordwind:Website: www.nordwind-energy.example.deE-Mail: info@nordwind.example.deX: "
        "@Nordwind_AGLinkedIn: Nordwind Energy AGPhone: +49 40 555 0123",
        [("other", None, None, "Nordwind", ["+49 40 555 0123"], ["info@nordwind.example.de"])],
        id="german-desk-glued-with-handles",
    ),
    pytest.param(
        "Contact Maple Leaf Pharma:\n\nEmail: hello@mapleleafpharma.example\n\nTwitter: @MapleLeafRx\n\n"
        "Phone: 416-555-0170",
        [("other", None, None, "Maple Leaf Pharma", ["416-555-0170"], ["hello@mapleleafpharma.example"])],
        id="canadian-desk-one-field-a-line",
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPANY_DESK_CASES)
def test_contact_label_naming_the_company_heads_its_desk(text, expected):
    assert people(text) == expected


def test_contact_label_naming_the_company_then_a_labelled_person():
    found = people("Contact Nordwind:Website: www.nordwind.example.deE-Mail: info@nordwind.example.de\n\n"
                   "Investor Relations:Katrin Weiss, IR BureauE-Mail: ir@nordwind.example.de")
    assert found == [
        ("other", None, None, "Nordwind", [], ["info@nordwind.example.de"]),
        ("investors", "Katrin Weiss", None, "IR Bureau", [], ["ir@nordwind.example.de"]),
    ]


# --- plain text printed without blank lines: contacts, paragraphs and call in one block -------

UNBLANKED = "\n".join([
    "Exhibit 99.1",
    "MEDIA CONTACT:",
    "Lukas Meier",
    "+41 44 555 01 23",
    "lukas.meier@alpenwerk.example",
    "INVESTOR CONTACT:",
    "Sara Keller",
    "+41 44 555 01 45",
    "sara.keller@alpenwerk.example",
    "Alpenwerk Reports Third-Quarter 2024 Results",
    "ZURICH, Switzerland, Oct. 24, 2024 - Alpenwerk AG (SIX: ALPN) today reported revenues of CHF 812 million for "
    "the third quarter, up 4 percent compared with one year ago.",
    "Operating margins were 18 percent, and the company confirmed its outlook for the full year 2024.",
    "Alpenwerk's management will present the results on a conference call with investors today at 2:00 p.m. CET. "
    "Listeners may log on at www.alpenwerk.example/investors.",
    "A telephone replay will be available through October 31. The replay number is +41 44 555 09 99; enter "
    "passcode 4455.",
    "About Alpenwerk",
    "Alpenwerk AG builds precision drives for rail and industry. More information is at www.alpenwerk.example.",
])


def test_unblanked_text_gives_its_contacts_and_keeps_the_block_in_the_body():
    found = find_contacts([Block(UNBLANKED)])
    assert [(c.role, c.name, list(c.phones), list(c.emails)) for c in found.contacts] == [
        ("media", "Lukas Meier", ["+41 44 555 01 23"], ["lukas.meier@alpenwerk.example"]),
        ("investors", "Sara Keller", ["+41 44 555 01 45"], ["sara.keller@alpenwerk.example"]),
    ]
    assert not found.used


def test_unblanked_release_keeps_its_call():
    result = parse_press_release(UNBLANKED.encode(), filename="release.txt")
    assert [c.name for c in result.contacts] == ["Lukas Meier", "Sara Keller"]
    assert len(result.calls) == 1
    assert result.calls[0].replay.passcode == "4455"


def test_country_line_of_an_address_is_no_region_heading():
    found = people("Investor Contact:\n\nJane Doe\nMaple Mining Corp.\n200 Bay Street, Suite 1200\nToronto, ON\n"
                   "Canada\n416-555-0199\njane.doe@maplemining.example")
    assert [(c[1], c[4], c[5]) for c in found] == [("Jane Doe", ["416-555-0199"], ["jane.doe@maplemining.example"])]


def test_paragraph_naming_several_companies_is_no_run_of_paragraphs():
    text = ("Acme Inc., Beta Corp., Gamma Ltd., Delta Co., and Epsilon plc joined the alliance this year, which now "
            "counts more than forty members across the industry and keeps growing every quarter. " * 4)
    found = find_contacts([Block(text), Block("Investor Contact:\nJane Doe\n212-555-0100")])
    assert [c.name for c in found.contacts] == ["Jane Doe"]
    assert found.used == {1}


# --- contact blocks of Indian, Chinese and German releases ---------------------------------

def test_indian_company_secretary_after_the_name():
    assert people("For further information, please contact:\nMr. Rajesh Kumar, Company Secretary\n"
                  "Vardhan Industries Limited\nEmail: investors@vardhan.example.in\nPh: +91 22 6655 4433") == [
        ("investors", "Mr. Rajesh Kumar", "Company Secretary", "Vardhan Industries Limited", ["+91 22 6655 4433"],
         ["investors@vardhan.example.in"]),
    ]


def test_chinese_name_with_a_short_family_name_after_a_title_of_address():
    found = people("Investor Relations Contact:\n\nIn China:\nMs. Li Wei\nHuaxin Technology Inc.\n"
                   "Tel: +86-10-5555-0100\nE-mail: ir@huaxin.example.cn\n\nIn the United States:\nMr. John Doe\n"
                   "The Piacente Group\nTel: +1-212-555-0100\nE-mail: huaxin@tpg.example")
    assert [(c[1], c[3]) for c in found] == [("Ms. Li Wei", "Huaxin Technology Inc."),
                                             ("Mr. John Doe", "The Piacente Group")]


def test_german_label_and_title():
    assert people("Kontakt:\nMüller Maschinenbau AG\nAnna Schmidt\nLeiterin Investor Relations\n"
                  "Tel.: +49 89 555 01 00\nanna.schmidt@mueller.example.de") == [
        ("investors", "Anna Schmidt", "Leiterin Investor Relations", "Müller Maschinenbau AG", ["+49 89 555 01 00"],
         ["anna.schmidt@mueller.example.de"]),
    ]


# --- UK "Enquiries" table with the firm's phone on its line and two names under it ---------------

def test_names_under_a_firm_line_with_its_phone_share_it():
    found = people("Enquiries:\nPeel Harbour LLP (Nominated Adviser and Broker)    +44 (0)20 7418 8900\n"
                   "James Thornton / Paul Shale\n\nHarcourt Consulting (Financial PR)    +44 (0)20 3727 1000\n"
                   "Ben Atwood / Simone Carr")
    assert [(c[0], c[1], c[3], c[4]) for c in found] == [
        ("other", "James Thornton", "Peel Harbour LLP (Nominated Adviser and Broker)", ["+44 (0)20 7418 8900"]),
        ("other", "Paul Shale", "Peel Harbour LLP (Nominated Adviser and Broker)", ["+44 (0)20 7418 8900"]),
        ("media", "Ben Atwood", "Harcourt Consulting (Financial PR)", ["+44 (0)20 3727 1000"]),
        ("media", "Simone Carr", "Harcourt Consulting (Financial PR)", ["+44 (0)20 3727 1000"]),
    ]


@pytest.mark.parametrize(("line", "phone"), [
    ("Ms. Vicky Lam Tel: 2864 4834 Email: vicky.lam@sfr.example.hk", "2864 4834"),
    ("Ms. Vicky Lam, Phone: 6222 5223, vicky.lam@sfr.example.hk", "6222 5223"),
])
def test_local_number_after_its_label_is_a_phone(line, phone):
    found = people(f"For media enquiries, please contact:\nHarbour Financial Relations Limited\n{line}")
    assert [c[4] for c in found] == [[phone]]


def test_the_issuers_name_under_a_person_is_their_organization():
    from releases.parsing import parse_press_release

    release = parse_press_release(
        "Acme Robotics Reports Fourth Quarter Results\n\n"
        "SAN JOSE, Calif., Feb. 18, 2020 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACMR) today reported "
        "results for the fourth quarter of its fiscal year.\n\n"
        "Media Contact:\nBob Smith\nSenior Director, Corporate Communications\nAcme Robotics\n408-555-0199\n"
        "press@acmerobotics.com\n\n"
        "Investor Contact:\nACME ROBOTICS, INC.\n408-555-0100\n"
    )
    assert [(c.role, c.name, c.title, c.organization, c.phones) for c in release.contacts] == [
        ("media", "Bob Smith", "Senior Director, Corporate Communications", "Acme Robotics", ("408-555-0199",)),
        ("investors", None, None, "ACME ROBOTICS, INC.", ("408-555-0100",)),
    ]


def test_two_contacts_side_by_side_in_a_plain_text_paragraph():
    release = parse_press_release(
        "Acme Robotics Reports Fourth Quarter Results\n\n"
        "SAN JOSE, Calif., Feb. 18, 2020 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACMR) today reported "
        "results for the fourth quarter of its fiscal year.\n\n"
        "Investor Contacts:\n"
        "Jane Doe                                 Bob Smith\n"
        "Chief Financial Officer                  Managing Director\n"
        "Acme Robotics, Inc.                      Westwicke Partners\n"
        "408-555-0100                             443-555-0199\n"
        "jane.doe@acmerobotics.com                bob@westwicke.com\n"
    )
    assert [(c.name, c.title, c.organization, c.phones, c.emails) for c in release.contacts] == [
        ("Jane Doe", "Chief Financial Officer", "Acme Robotics, Inc.", ("408-555-0100",),
         ("jane.doe@acmerobotics.com",)),
        ("Bob Smith", "Managing Director", "Westwicke Partners", ("443-555-0199",), ("bob@westwicke.com",)),
    ]


def test_names_with_their_numbers_across_a_gap_stay_rows_of_one_table():
    release = parse_press_release(
        "Final Results\n\n"
        "LONDON, 3 March 2020 -- Acme plc (LSE: ACME), the engineering group, today announces its final results "
        "for the year ended 31 December 2019.\n\n"
        "For further information:\n\n"
        "Acme plc\n"
        "John Smith, Chief Executive Officer          +44 (0)20 7000 0000\n"
        "Jane Doe, Chief Financial Officer            +44 (0)20 7000 0001\n"
    )
    assert [(c.name, c.organization, c.phones) for c in release.contacts] == [
        ("John Smith", "Acme plc", ("+44 (0)20 7000 0000",)),
        ("Jane Doe", "Acme plc", ("+44 (0)20 7000 0001",)),
    ]


def test_contact_fields_a_converter_glued_to_the_issuers_name_are_parted():
    release = parse_press_release(
        "Nordhaven Royalty Reports Fourth Quarter Results\n\n"
        "CALGARY, Alberta, Feb. 10, 2025 (GLOBE NEWSWIRE) -- Nordhaven Royalty Ltd. (TSX: NRY) today reported "
        "results for the fourth quarter and the year.\n\n"
        "**FOR FURTHER INFORMATION PLEASE CONTACT:**\n\n"
        "* Jane A. DoePresident & Chief Executive Officer Nordhaven Royalty Ltd.(587) 555-4005 John B. RoeVice-"
        "President, Geosciences & Capital MarketsNordhaven Royalty Ltd.(587) 555-4056 Investor Relations"
        "(587) 555-4000www.nordhaven.example.com\n"
        "* Mary C. MajorSenior Vice-President, FinanceNordhaven Royalty Ltd.(587) 555-4089\n"
    )
    assert [(c.name, c.title, c.organization, c.phones) for c in release.contacts] == [
        ("Jane A. Doe", "President & Chief Executive Officer", "Nordhaven Royalty Ltd.", ("(587) 555-4005",)),
        ("John B. Roe", "Vice-President, Geosciences & Capital Markets", "Nordhaven Royalty Ltd.",
         ("(587) 555-4056",)),
        (None, None, None, ("(587) 555-4000",)),
        ("Mary C. Major", "Senior Vice-President, Finance", "Nordhaven Royalty Ltd.", ("(587) 555-4089",)),
    ]


# --- a newswire copy that ran each contact's fields together ------------------------------


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Harbor Capital Contact:Mark Greenmgreen@harborcap.example.com800.555.5267https://www.harborcap.example.com",
        [("other", "Mark Green", None, "Harbor Capital", ["800.555.5267"], ["mgreen@harborcap.example.com"])],
        id="surname-glued-to-a-mailbox-that-repeats-it",
    ),
    pytest.param(
        "Beta Digital Contact Information:David ShapiroChief Executive OfficerBeta Digital, Inc."
        "https://beta.example.com/212.555.4844 Officedavid@beta.example.com",
        [("other", "David Shapiro", "Chief Executive Officer", "Beta Digital, Inc.", ["212.555.4844"],
          ["david@beta.example.com"])],
        id="phone-label-glued-to-a-mailbox",
    ),
    pytest.param(
        "Contact Charbone CorporationTelephone: +1 450 555 7171Email: ir@charbone.example.comBenoit Veilleux"
        "CFO and Corporate Secretary",
        [("investors", None, None, "Charbone Corporation", ["+1 450 555 7171"], ["ir@charbone.example.com"]),
         ("other", "Benoit Veilleux", "CFO and Corporate Secretary", "Charbone Corporation", [], [])],
        id="company-label-without-colon-and-a-domain-glued-to-a-name",
    ),
    pytest.param(
        "For Investor Relations, PR & More Information:\n\ninfo@neo.example.comT: +1 (437) 555-7678",
        [("investors", None, None, None, ["+1 (437) 555-7678"], ["info@neo.example.com"])],
        id="label-with-more-information-and-a-one-letter-phone-label",
    ),
    pytest.param(
        "Contact Nordpharm AG Sylvia WimmerDirector Corporate CommunicationsTel.: +49 89 5555 38-29E-mail: "
        "investors@nordpharm.example.comGregor-Mendel-Str. 22, 68526 Ladenburg\n\n"
        "IR/PR-Support MC Services AGKatja Arnold (CIRO)Managing Director & PartnerTel.: +49 89 5555 228-40E-mail: "
        "katja.arnold@mcs.example.eu\n\n"
        "International IR/PR-Support Optimum Strategic CommunicationsMary Clark, Zoe Bolt, Aoife MinihanTel: +44 20 "
        "5555 9621E-mail: nordpharm@optimum.example.com",
        [("media", "Sylvia Wimmer", "Director Corporate Communications", "Nordpharm AG", ["+49 89 5555 38-29"],
          ["investors@nordpharm.example.com"]),
         ("investors", "Katja Arnold", "Managing Director & Partner", "MC Services AG", ["+49 89 5555 228-40"],
          ["katja.arnold@mcs.example.eu"])]
        + [("investors", name, None, "Optimum Strategic Communications", ["+44 20 5555 9621"],
            ["nordpharm@optimum.example.com"]) for name in ("Mary Clark", "Zoe Bolt", "Aoife Minihan")],
        id="german-company-label-support-agencies-and-three-names-sharing-a-phone",
    ),
    pytest.param(
        "If you have any questions, please contact:\n\nInvestor Relations ContactRosenberg Strategic Communications"
        "Alexander Schmidta.schmidt@rosenberg.example.com",
        [("investors", "Alexander Schmidt", None, "Rosenberg Strategic Communications", [],
          ["a.schmidt@rosenberg.example.com"])],
        id="questions-label-and-a-surname-glued-before-a-mailbox-with-an-initial",
    ),
    pytest.param(
        "Investor Relations\nKirin Smith\nPCG Advisory, Inc.ksmith@pcg.example.com",
        [("investors", "Kirin Smith", None, "PCG Advisory, Inc.", [], ["ksmith@pcg.example.com"])],
        id="a-suffix-with-its-full-stop-glued-before-a-mailbox",
    ),
    pytest.param(
        "**investor relations & Financial communication**\nRonan MARC (Legrand)\n+33 1 49 55 53 53\n"
        "ronan.marc@legrand.example.com\n\n**Press relations**\nLucie DAUDIGNY (TBWA)\n+33 6 77 55 71 11",
        [("investors", "Ronan MARC", None, "Legrand", ["+33 1 49 55 53 53"], ["ronan.marc@legrand.example.com"]),
         ("media", "Lucie DAUDIGNY", None, "TBWA", ["+33 6 77 55 71 11"], [])],
        id="french-family-names-in-capitals-and-firms-in-brackets",
    ),
    pytest.param(
        "**For further information, please contact:**Pontus Winqvist, acting CFO for the Year-end report 2024, "
        "Nordbygg AB, tel +46 10 555 8900\nJacob Birkeland, Head of Media Relations and Public Affairs, Nordbygg AB, "
        "tel +46 10 555 1957",
        [("other", "Pontus Winqvist", "acting CFO for the Year-end report 2024", "Nordbygg AB", ["+46 10 555 8900"],
          []),
         ("media", "Jacob Birkeland", "Head of Media Relations and Public Affairs", "Nordbygg AB", ["+46 10 555 1957"],
          [])],
        id="an-acting-title-and-a-title-with-and-in-it",
    ),
    pytest.param(
        "For Civitas Solutions:\nDwight Robson\n617-555-0100\n\nFor Centerbridge:\nJeremy Fielding / Anntal Silver\n"
        "Kekst CNC\n212-555-4800",
        [("other", "Dwight Robson", None, "Civitas Solutions", ["617-555-0100"], []),
         ("other", "Jeremy Fielding", None, "Kekst CNC", ["212-555-4800"], []),
         ("other", "Anntal Silver", None, "Kekst CNC", ["212-555-4800"], [])],
        id="each-partys-contacts-in-a-merger-release",
    ),
    pytest.param(
        "If you have any questions, please contact:\n\ngerman communications AGJorg BretschneiderBohmersweg 5, "
        "D-20148 Hamburg+49 40/55 88 33 0, Fax +49 40/55 88 33 40presse@german-comms.example.com",
        [("media", "Jorg Bretschneider", None, "german communications AG", ["+49 40/55 88 33 0"],
          ["presse@german-comms.example.com"])],
        id="a-name-run-into-an-address-and-a-fax-into-a-german-press-mailbox",
    ),
    pytest.param(
        "Investor Contact:\nRoberta ReidSynopsys, Inc.\n650-555-1000",
        [("investors", "Roberta Reid", None, "Synopsys, Inc.", ["650-555-1000"], [])],
        id="a-name-run-into-its-firm",
    ),
    pytest.param(
        "Vycor Medical, Inc. Contacts:\n\n(561) 555-2020 info@vycor.example.com",
        [("other", None, None, "Vycor Medical, Inc.", ["(561) 555-2020"], ["info@vycor.example.com"])],
        id="a-company-with-its-suffix-before-contacts",
    ),
    pytest.param(
        "Christopher McGinnis\nInvestor Relations\n(847) 555-4320\n\nKori Reed\nMedia Relations\n(224) 555-0406",
        [("investors", "Christopher McGinnis", "Investor Relations", None, ["(847) 555-4320"], []),
         ("media", "Kori Reed", "Media Relations", None, ["(224) 555-0406"], [])],
        id="a-name-over-its-desk-label",
    ),
    pytest.param(
        "Investor Relations\nRyan Fiedler\nFiedler_ryan_s@cat.example.com",
        [("investors", "Ryan Fiedler", None, None, [], ["Fiedler_ryan_s@cat.example.com"])],
        id="a-mailbox-parted-by-its-own-marks-is-whole",
    ),
])
def test_glued_contact_fields(text, expected):
    assert people(text) == expected


def test_a_sign_off_for_the_board_is_no_contact():
    assert people("ON BEHALF OF THE BOARD OF DIRECTORS\n\nJane Doe\nDirector, President and CEO") == []


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Analytical Contacts\n\nScott Roe, SMD, Global Head of Ratings (Rating Committee Chair)\n+1 646-555-2355\n"
        "scott.roe@kbra.example.com",
        [("other", "Scott Roe", "SMD, Global Head of Ratings (Rating Committee Chair)", None, ["+1 646-555-2355"],
          ["scott.roe@kbra.example.com"])],
        id="any-words-then-contacts-heads-a-block",
    ),
    pytest.param(
        "**For Media and Investor Relations, please contact**:\n\nDavid Kugelman\nAtlanta Capital Partners LLC\n"
        "(866) 555-6847 Toll Free - U.S. & Canada\n(404) 555-8556 Mobile and WhatsApp\nEmail: dk@atlcp.example.com",
        [("media", "David Kugelman", None, "Atlanta Capital Partners LLC", ["(866) 555-6847", "(404) 555-8556"],
          ["dk@atlcp.example.com"])],
        id="notes-after-numbers-are-not-firms",
    ),
])
def test_labels_and_notes_of_newswire_contact_blocks(text, expected):
    assert people(text) == expected


def test_the_issuers_name_beside_each_contact_is_their_firm():
    release = parse_press_release(
        "Trane Robotics to Present at the Citi Global Industrial Tech Conference\n\n"
        "DUBLIN--(BUSINESS WIRE)--Trane Robotics plc (NYSE: TRB), a global climate innovator, will present at the "
        "Citi Global Industrial Tech and Mobility Conference on Tuesday, February 18, 2025.\n\n"
        "**Media:**Travis Bullard, Trane Robotics\n\n+1-919-555-2593\n\nMedia@trane.example.com\n\n"
        "**Investors:**Zachary Nagle, Trane Robotics\n\n+1-704-555-3913\n\nInvestorRelations@trane.example.com\n"
    )
    assert [(c.role, c.name, c.organization, c.phones) for c in release.contacts] == [
        ("media", "Travis Bullard", "Trane Robotics", ("+1-919-555-2593",)),
        ("investors", "Zachary Nagle", "Trane Robotics", ("+1-704-555-3913",)),
    ]


@pytest.mark.parametrize("contacts, expected", [
    pytest.param(
        "CONTACTS: Sigyn Robotics, Inc. Johan Louw Senior Vice President of Strategic Programs 281.555.1815   "
        "jlouw@sigyn.example.com",
        [("other", "Johan Louw", "Senior Vice President of Strategic Programs", "Sigyn Robotics, Inc.",
          ("281.555.1815",))],
        id="a-flattened-block-that-runs-the-issuer-into-a-name",
    ),
    pytest.param(
        "For more information on Sigyn, please contact:Liad GelferSigyn Robotics, Inc.liad.gelfer@sigyn.example.com",
        [("other", "Liad Gelfer", None, "Sigyn Robotics, Inc.", ())],
        id="a-suffix-glued-to-a-mailbox",
    ),
    pytest.param(
        "Investor Relations:\nPCG AdvisoryKevin McGrath\n+1-646-555-7002",
        [("investors", "Kevin McGrath", None, "PCG Advisory", ("+1-646-555-7002",))],
        id="an-agency-glued-to-its-person",
    ),
])
def test_a_flattened_newswire_block_around_the_issuers_name(contacts, expected):
    release = parse_press_release(
        "Sigyn Robotics to Present at the Emerging Growth Conference\n\n"
        "HOUSTON, TX - April 10, 2025 (NEWMEDIAWIRE) - Sigyn Robotics, Inc. (OTCQB: SIGY) today announced that it "
        "will present at the Emerging Growth Conference.\n\n" + contacts + "\n"
    )
    assert [(c.role, c.name, c.title, c.organization, c.phones) for c in release.contacts] == expected


# --- an Asian wire's contact block: bracketed one-letter labels, a place before each number, a short family name;
# a US address under the firm; a department's post after a name -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Contact: Gerald Su, COO\n\n(E) gsu@neovia.example.com\n\n(P) Taipei: +886.0909.229.018\n\n"
        "(P) Beijing: +86.139.1131.8550",
        [("other", "Gerald Su", "COO", None, ["+886.0909.229.018", "+86.139.1131.8550"],
          ["gsu@neovia.example.com"])],
        id="bracketed-letters-and-a-place-before-each-number",
    ),
    pytest.param(  # (a press mailbox makes her the media's contact)
        "Contact:\nJayne Seward\nStrategic Communications Specialist\nCommCreative\n+1 508-555-2838\n"
        "pr@shinetech.example.com\n\nShinetech Software, Inc.\nOne Rockefeller Plaza, 11th Floor\nNew York, NY 10020\n"
        "+1 917-555-4274\nsalesUS@shinetech.example.com",
        [("media", "Jayne Seward", "Strategic Communications Specialist", "CommCreative", ["+1 508-555-2838"],
          ["pr@shinetech.example.com"]),
         ("other", None, None, "Shinetech Software, Inc.", ["+1 917-555-4274"], ["salesUS@shinetech.example.com"])],
        id="a-city-state-and-zip-is-an-address-not-a-name",
    ),
    pytest.param(
        "Contact\n\nInvestor relations\n\nIda Fjellheim, VP Investor Relations\n\n+47 90 50 92 91\n\n"
        "Media relations\n\nAndreas Wulff, VP Public Affairs\n\n+47 92 61 67 59",
        [("investors", "Ida Fjellheim", "VP Investor Relations", None, ["+47 90 50 92 91"], []),
         ("media", "Andreas Wulff", "VP Public Affairs", None, ["+47 92 61 67 59"], [])],
        id="a-title-and-its-department-are-no-name",
    ),
    pytest.param(
        "Media Inquiries:\n\nOita University\n\nPublic Relations Section, General Affairs Division\n\n"
        "TEL: +81-(0)97-554-7376",
        [("media", None, None, "Oita University", ["+81-(0)97-554-7376"], [])],
        id="a-university-is-no-person",
    ),
    pytest.param(
        "For further queries, please contact: Gillian Brand, Corporate Secretary +44 (0) 7796 555 889 "
        "gbrand@odda.example.com",
        [("other", "Gillian Brand", "Corporate Secretary", None, ["+44 (0) 7796 555 889"],
          ["gbrand@odda.example.com"])],
        id="further-queries-and-a-corporate-secretary",
    ),
    pytest.param(  # a table cell's lines run together, with one-letter labels
        "For further information contact:\n\nJack Stott Interim CEO & COO P: +57 1 555 1110 ext. 5110 E: "
        "jstott@arrow.example.ca",
        [("other", "Jack Stott", "Interim CEO & COO", None, ["+57 1 555 1110 ext. 5110"], ["jstott@arrow.example.ca"])],
        id="one-letter-labels-inside-a-line",
    ),
    pytest.param(
        "Investor Relations:\nFor investor enquiries please contact our Investor Relations Team:\n"
        "Email: IR@auxly.example.com\nPhone: 1.833.555.2414",
        [("investors", None, None, None, ["1.833.555.2414"], ["IR@auxly.example.com"])],
        id="a-sentence-asking-to-contact-is-a-label",
    ),
    pytest.param(
        "Media ContactsCROSS ALLIANCE Communication GmbHSara Pinto / Sven PaulyT: +49 (0) 89 1250903 35 | "
        "E: pi@crossalliance.example.de",
        [("media", "Sara Pinto", None, "CROSS ALLIANCE Communication GmbH", ["+49 (0) 89 1250903 35"],
          ["pi@crossalliance.example.de"]),
         ("media", "Sven Pauly", None, "CROSS ALLIANCE Communication GmbH", ["+49 (0) 89 1250903 35"],
          ["pi@crossalliance.example.de"])],
        id="two-people-of-one-agency-and-a-one-letter-label-glued-on",
    ),
    pytest.param(
        "Contact for press inquiries:Nordwind SEFelix LosadaPhone: 040 / 555 30 – 1141flosada@nordwind.example.com",
        [("media", "Felix Losada", None, "Nordwind SE", ["040 / 555 30 – 1141"], ["flosada@nordwind.example.com"])],
        id="a-german-number-with-its-slash-and-a-suffix-glued-to-a-name",
    ),
    pytest.param(
        "Contact:\n\nKristel Kask, Group Chief Financial Officer (CFO)Email: investor@iute.example.com",
        [("investors", "Kristel Kask", "Group Chief Financial Officer (CFO)", None, [], ["investor@iute.example.com"])],
        id="a-group-title-after-the-comma",
    ),
    pytest.param(
        "**Company Contact**\n\nJohn Lai, CEO\n\nPetVet Holdings, Inc.\n\nEmail Contact\n\nTel (952) 555-6216",
        [("other", "John Lai", "CEO", "PetVet Holdings, Inc.", ["(952) 555-6216"], [])],
        id="a-lost-mailbox-link-is-no-label",
    ),
    pytest.param(
        "**Contacts**\n\nMatt Kreps 214-555-8200 mkreps@darrowir.example.com\n\ninvestors@benef.example.com",
        [("other", "Matt Kreps", None, None, ["214-555-8200"], ["mkreps@darrowir.example.com"]),
         ("investors", None, None, None, [], ["investors@benef.example.com"])],
        id="a-desk-mailbox-under-a-person-of-another-firm",
    ),
    pytest.param(
        "**Media Contact**\n\nCorporate Communications\n\nKathleen Noonan/Julia Westermeir\n\n"
        "Phone: +49 89 555 8986 1500\n\nEmail: communications@itm.example.com",
        [("media", "Kathleen Noonan", None, None, ["+49 89 555 8986 1500"], ["communications@itm.example.com"]),
         ("media", "Julia Westermeir", None, None, ["+49 89 555 8986 1500"],
          ["communications@itm.example.com"])],
        id="two-people-parted-by-a-slash",
    ),
])
def test_contact_blocks_of_an_asian_wire_and_a_nordic_issuer(text, expected):
    assert people(text) == expected
