"""find_contacts: content blocks in, the contact people and desks out, with the blocks they used."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from releases.parsing.contacts import find_contacts, is_name, name_then_title
from releases.parsing.document import Block, to_document


def blocks(text: str, tag: str = "p") -> list[Block]:
    """Paragraphs (blank-line separated) as blocks, lines kept, as to_document gives them."""
    return [Block(part.strip("\n"), tag=tag) for part in text.split("\n\n") if part.strip()]


def people(text: str, tag: str = "p") -> list[tuple]:
    return [
        (c.role, c.name, c.title, c.organization, list(c.phones), list(c.emails))
        for c in find_contacts(blocks(text, tag)).contacts
    ]


CONTACT_CASES = [
    pytest.param(
        "About ImmunoGen, Inc.\n\nImmunoGen develops targeted anticancer therapeutics.\n\n"
        "Investors:\n\nImmunoGen, Inc.\n\nExecutive Director, Investor Relations and Corporate Communications\n\n"
        "Carol Hausner, 781-895-0600\n\ninfo@immunogen.com\n\nor\n\nMedia:\n\nThe Yates Network\n\n"
        "Barbara Yates, 781-258-6153",
        [
            ("investors", "Carol Hausner", "Executive Director, Investor Relations and Corporate Communications",
             "ImmunoGen, Inc.", ["781-895-0600"], ["info@immunogen.com"]),
            ("media", "Barbara Yates", None, "The Yates Network", ["781-258-6153"], []),
        ],
        id="businesswire-investors-and-media-with-agency",
    ),
    pytest.param(
        "## Contacts\n\nInvestor Contact\nJessica Largent, 303.837.5484\njessica.largent@newmont.com\n\n"
        "Media Contact\nOmar Jabara, 303.837.5114\nomar.jabara@newmont.com",
        [
            ("investors", "Jessica Largent", None, None, ["303.837.5484"], ["jessica.largent@newmont.com"]),
            ("media", "Omar Jabara", None, None, ["303.837.5114"], ["omar.jabara@newmont.com"]),
        ],
        id="businesswire-labelled-blocks",
    ),
    pytest.param(
        "CONTACT: Gilbert L. Danielson, Executive Vice President, Chief Financial Officer, +1-404-231-0011",
        [("other", "Gilbert L. Danielson", "Executive Vice President, Chief Financial Officer", None,
          ["+1-404-231-0011"], [])],
        id="prnewswire-one-line-cfo-is-other",
    ),
    pytest.param(
        "Investor Contact: Jane Q. Doe, 212-555-0100, jane.doe@acme.com",
        [("investors", "Jane Q. Doe", None, None, ["212-555-0100"], ["jane.doe@acme.com"])],
        id="investor-contact-one-liner",
    ),
    pytest.param(
        "Investor Contacts:\n\nIR@paltalk.com\n\nClearThink\n\nnyc@clearthink.capital\n\n917-658-7878",
        [
            ("investors", None, None, None, [], ["IR@paltalk.com"]),
            ("investors", None, None, "ClearThink", ["917-658-7878"], ["nyc@clearthink.capital"]),
        ],
        id="desks-with-no-name",
    ),
    pytest.param(
        "Contact:\n\ninvestors@sanuwave.com",
        [("investors", None, None, None, [], ["investors@sanuwave.com"])],
        id="unlabelled-contact-with-investor-desk",
    ),
    pytest.param(
        "Contacts\nAmazon.com, Inc.\nMedia Hotline\nAmazon-pr@amazon.com\nwww.amazon.com/pr",
        [("media", None, None, "Amazon.com, Inc.", [], ["Amazon-pr@amazon.com"])],
        id="media-hotline-desk",
    ),
    pytest.param(
        "Media Contact:    Marc Rice\n                  404-506-5333 or 1-866-506-5333\n"
        "                  media@southerncompany.com\n\nInvestor Relations Contact:\n                  Glen Kundert\n"
        "                  404-506-5135\n                  gakunder2@southernco.com\n\nJan. 25, 2005\n\n"
        "Economic strength in Southeast drives\nSouthern Company earnings above expectations",
        [
            ("media", "Marc Rice", None, None, ["404-506-5333", "1-866-506-5333"], ["media@southerncompany.com"]),
            ("investors", "Glen Kundert", None, None, ["404-506-5135"], ["gakunder2@southernco.com"]),
        ],
        id="letterhead-contacts-with-two-phones",
    ),
    pytest.param(
        "Investor Relations: Gina Accordino, investor.relations@mastercard.com , 914-249-4565 "
        "Communications: Seth Eisen, Seth.Eisen@mastercard.com , 914-249-3153",
        [
            ("investors", "Gina Accordino", None, None, ["914-249-4565"], ["investor.relations@mastercard.com"]),
            ("media", "Seth Eisen", None, None, ["914-249-3153"], ["Seth.Eisen@mastercard.com"]),
        ],
        id="two-labels-on-one-line",
    ),
    pytest.param(
        "/CONTACT:\n\nFor further information: Larry Froom, Chief Financial Officer, 416-635-7520, "
        "or e-mail info@hr-reit.com",
        [("other", "Larry Froom", "Chief Financial Officer", None, ["416-635-7520"], ["info@hr-reit.com"])],
        id="cnw-for-further-information",
    ),
    pytest.param(
        "Contact Investor Relations\n\nMareike VolkerHead of Investor RelationsPhone: +49 9205 18 1399"
        "E-Mail: investor.relations@novem.com",
        [("investors", "Mareike Volker", "Head of Investor Relations", None, ["+49 9205 18 1399"],
          ["investor.relations@novem.com"])],
        id="line-breaks-lost-by-converter",
    ),
    pytest.param(
        "Contact:\n\nMultitude AG Grafenauweg 8 6300 Zug Switzerland\n\nAdam Hansson Tonning Head of IR and "
        "Treasury Phone: +46733583171 ir@multitude.com",
        [("investors", "Adam Hansson Tonning", "Head of IR and Treasury", "Multitude AG", ["+46733583171"],
          ["ir@multitude.com"])],
        id="company-address-and-name-before-title",
    ),
    pytest.param(
        "CONTACT:\n\nMedia enquiries\n\nJoanna Darlington\n\nTel. +33 6 74 52 15 31\n\njdarlington@eutelsat.com\n\n"
        "Anita Baltagi\n\nTel. +33 6 43 93 01 78\n\nabaltagi@eutelsat.com\n\nInvestors\n\nJoanna Darlington\n\n"
        "Tel. +33 6 74 52 15 31\n\njdarlington@eutelsat.com\n\nHugo Laurens-Berge\n\nTel. +33 6 70 80 95 58\n\n"
        "hlaurensberge@eutelsat.com",
        [
            ("media", "Joanna Darlington", None, None, ["+33 6 74 52 15 31"], ["jdarlington@eutelsat.com"]),
            ("media", "Anita Baltagi", None, None, ["+33 6 43 93 01 78"], ["abaltagi@eutelsat.com"]),
            ("investors", "Hugo Laurens-Berge", None, None, ["+33 6 70 80 95 58"], ["hlaurensberge@eutelsat.com"]),
        ],
        id="person-under-two-labels-counts-once",
    ),
    pytest.param(
        "Press Contact:\n\nJosh Rosenstock\n\nApple\n\njrosenstock@apple.com\n\n(408) 862-1142\n\n"
        "NOTE TO EDITORS: For additional information visit Apple Newsroom (www.apple.com/newsroom), or email "
        "Apple's Media Helpline at media.help@apple.com.",
        [("media", "Josh Rosenstock", None, "Apple", ["(408) 862-1142"], ["jrosenstock@apple.com"])],
        id="note-to-editors-is-not-a-contact",
    ),
    pytest.param(
        "Moshe Eisenberg, CFO is quoted above.\n\n"
        " CAMTEK LTD.               INTERNATIONAL INVESTOR RELATIONS\n"
        "Moshe Eisenberg, CFO      EK Global Investor Relations\n"
        "Tel: +972 4 604 8308      Ehud Helft\n"
        "Mobile: +972 54 900 7100  Tel: (US) 1 212 378 8040\n"
        "moshee@camtek.com         camtek@ekgir.com",
        [
            ("other", "Moshe Eisenberg", "CFO", "CAMTEK LTD.", ["+972 4 604 8308", "+972 54 900 7100"],
             ["moshee@camtek.com"]),
            ("investors", "Ehud Helft", None, "EK Global Investor Relations", ["1 212 378 8040"],
             ["camtek@ekgir.com"]),
        ],
        id="prnewswire-two-column-table",
    ),
    pytest.param(
        "Investor Relations Contacts:\n\nKirin Smith, President Robert Banks, CEO\n\nPCG Advisory, Inc.\n\n"
        "(646) 823-8656\n\nksmith@pcgadvisory.com\n\nRobert Banks, CEO\n\nNephros, Inc.\n\n(201)343-5202x121\n\n"
        "robert.banks@nephros.com",
        [
            ("investors", "Kirin Smith", "President", "PCG Advisory, Inc.", ["(646) 823-8656"],
             ["ksmith@pcgadvisory.com"]),
            ("investors", "Robert Banks", "CEO", "Nephros, Inc.", ["(201)343-5202x121"], ["robert.banks@nephros.com"]),
        ],
        id="flattened-table-header-row",
    ),
    pytest.param(
        "For more information, please contact:\n\nHelix BioPharma Corp.Bay Adelaide Centre - North Tower40 "
        "Temperance Street, Suite 2Toronto, ON M5H 0B4Tel: +1 857 208 7687Thomas Mehrling, "
        "CEOcorporate@helixbiopharma.com",
        [("other", "Thomas Mehrling", "CEO", "Helix BioPharma Corp.", ["+1 857 208 7687"],
          ["corporate@helixbiopharma.com"])],
        id="letterhead-address-skipped",
    ),
    pytest.param(
        "CONTACT: Investors, Jane Doe of Acme Corp., +1-212-555-0100, jane.doe@acme.com; or Media, "
        "John Roe, +1-212-555-0199, john.roe@acme.com",
        [
            ("investors", "Jane Doe", None, "Acme Corp.", ["+1-212-555-0100"], ["jane.doe@acme.com"]),
            ("media", "John Roe", None, None, ["+1-212-555-0199"], ["john.roe@acme.com"]),
        ],
        id="prnewswire-2000s-one-line-with-roles",
    ),
    pytest.param(
        "-0-                           02/10/2005\n    /CONTACT:  Investors, Jane Doe, +1-212-555-0100, or "
        "jane.doe@acme.com, or\nMedia, John Roe, +1-212-555-0199, or john.roe@acme.com, both of Acme Corp./\n"
        "    /Web site:  http://www.acme.com /",
        [
            ("investors", "Jane Doe", None, "Acme Corp.", ["+1-212-555-0100"], ["jane.doe@acme.com"]),
            ("media", "John Roe", None, "Acme Corp.", ["+1-212-555-0199"], ["john.roe@acme.com"]),
        ],
        id="prnewswire-trailer-both-of-one-company",
    ),
    pytest.param(
        "Contacts:\n\nInvestors\nJohn A. Smith Jr.\nVice President, Investor Relations\n+1 (212) 555-0100\n"
        "ir@acme.com\n\nMedia\nWestwicke Partners\nmedia@acme.com",
        [
            ("investors", "John A. Smith Jr.", "Vice President, Investor Relations", None, ["+1 (212) 555-0100"],
             ["ir@acme.com"]),
            ("media", None, None, "Westwicke Partners", [], ["media@acme.com"]),
        ],
        id="globenewswire-stacked-with-agency-desk",
    ),
    pytest.param(
        "For Media Inquiries: Anna Berg | anna.berg@acme.de | +49 89 1234 5678",
        [("media", "Anna Berg", None, None, ["+49 89 1234 5678"], ["anna.berg@acme.de"])],
        id="pipes-between-fields",
    ),
    pytest.param(
        "Investor Relations Contact:\nPeter Lang\nTel: 0800 358 1035\npeter.lang@acme.co.uk",
        [("investors", "Peter Lang", None, None, ["0800 358 1035"], ["peter.lang@acme.co.uk"])],
        id="national-number-without-country-code",
    ),
    pytest.param(
        "Contacts:\n\nJane Doe – Director of Investor Relations\nAcme Corp.\nTel +1 212 555 0100\njane@acme.com\n\n"
        "John Roe\nMedia Relations\nAcme Corp.\nTel +1 212 555 0199\njohn@acme.com",
        [
            ("investors", "Jane Doe", "Director of Investor Relations", "Acme Corp.", ["+1 212 555 0100"],
             ["jane@acme.com"]),
            ("media", "John Roe", "Media Relations", "Acme Corp.", ["+1 212 555 0199"], ["john@acme.com"]),
        ],
        id="desk-word-under-a-name-is-a-title",
    ),
    pytest.param(
        "    CONTACT: Acme Inc.\n             Jane Doe, 206-555-0100 (Investors)\n             jane@acme.com\n"
        "             or\n             Edelman\n             John Roe, 206-555-0199 (Media)",
        [
            ("investors", "Jane Doe", None, "Acme Inc.", ["206-555-0100"], ["jane@acme.com"]),
            ("media", "John Roe", None, "Edelman", ["206-555-0199"], []),
        ],
        id="businesswire-2000s-role-in-brackets",
    ),
    pytest.param(
        "Contacts:\nAcme Inc.\nJane Doe\nChief Financial Officer\n(604) 555-0100\n(604) 555-0101 (FAX)\n"
        "jane@acme.com\nwww.acme.com",
        [("other", "Jane Doe", "Chief Financial Officer", "Acme Inc.", ["(604) 555-0100"], ["jane@acme.com"])],
        id="marketwired-fax-is-not-a-phone",
    ),
    pytest.param(
        "Contact Information\nJane Doe\nInvestor Relations\njane@acme.com\n(555) 555-0100",
        [("investors", "Jane Doe", "Investor Relations", None, ["(555) 555-0100"], ["jane@acme.com"])],
        id="access-newswire-desk-under-name",
    ),
    pytest.param(
        "Media Contact:\nJane Doe, Ph.D.\n+1 617 555 0100\njane@acme.com",
        [("media", "Jane Doe, Ph.D.", None, None, ["+1 617 555 0100"], ["jane@acme.com"])],
        id="name-with-credentials",
    ),
    pytest.param(
        "INVESTOR CONTACT:\nJANE Q. DOE\nACME CORPORATION\n(312) 555-0134",
        [("investors", "JANE Q. DOE", None, "ACME CORPORATION", ["(312) 555-0134"], [])],
        id="upper-case-block",
    ),
    pytest.param(
        "Acme reported record results. For investor relations information, please contact Jane Smith at "
        "(212) 555-0147 or jsmith@acme.com.",
        [("investors", "Jane Smith", None, None, ["(212) 555-0147"], ["jsmith@acme.com"])],
        id="stand-alone-sentence",
    ),
    pytest.param(
        "Editorial Contact:\nMichael R. Harris, Harris Public Relations\nfor SANYO Fisher Company\n"
        "Tel: (714)966-0258, E-mail: hpr1@earthlink.net",
        [("media", "Michael R. Harris", None, "Harris Public Relations", ["(714)966-0258"], ["hpr1@earthlink.net"])],
        id="editorial-contact-is-one-media-contact-at-an-agency",
    ),
    pytest.param(
        "CONTACT: Acme Semiconductor Corp.\n         Jane Roe, 408/555-1212",
        [("other", "Jane Roe", None, "Acme Semiconductor Corp.", ["408/555-1212"], [])],
        id="businesswire-1998-area-code-slash",
    ),
    pytest.param(
        "Class Period: Jan. 25, 2024 – Aug. 1, 2024\nLead Plaintiff Deadline: Oct. 7, 2024\n"
        "Visit: www.hbsslaw.com/investor-fraud/intc\nContact the Firm Now: INTC@hbsslaw.com\n844-916-0895",
        [("other", None, None, None, ["844-916-0895"], ["INTC@hbsslaw.com"])],
        id="law-firm-contact-the-firm-now",
    ),
    pytest.param(
        "NEWS RELEASE CONTACT: Robert Smith FOR IMMEDIATE RELEASE (312) 555-0100",
        [("other", "Robert Smith", None, None, ["(312) 555-0100"], [])],
        id="edgar-two-column-letterhead-read-row-by-row",
    ),
    pytest.param(
        "Contact:\nSolvane AG\nInvestor Relations\nDr. Katrin Weiss\nPhone: +49 89 1234 5670\nE-mail: ir@solvane.com",
        [("investors", "Dr. Katrin Weiss", None, "Solvane AG", ["+49 89 1234 5670"], ["ir@solvane.com"])],
        id="name-with-title-of-address",
    ),
    pytest.param(
        "Investor Relations: Dana Whitfield, 512-555-0167, ir@crestline.com  Media Relations: Kevin Osei, "
        "512-555-0110, press@crestline.com",
        [
            ("investors", "Dana Whitfield", None, None, ["512-555-0167"], ["ir@crestline.com"]),
            ("media", "Kevin Osei", None, None, ["512-555-0110"], ["press@crestline.com"]),
        ],
        id="investor-and-media-relations-on-one-line",
    ),
    pytest.param(
        "/CONTACT: Investors, Mark Hollis, +1-312-555-0150, or Media, Janet Lowe, +1-312-555-0162, "
        "both of Bayview Foods, Inc./",
        [
            ("investors", "Mark Hollis", None, "Bayview Foods, Inc.", ["+1-312-555-0150"], []),
            ("media", "Janet Lowe", None, "Bayview Foods, Inc.", ["+1-312-555-0162"], []),
        ],
        id="prnewswire-slashes-around-both-of",
    ),
    pytest.param(
        "For further information, please contact:\n\n"
        "Cavendish Capital Markets Limited (Nominated Adviser and Broker) Neil McDonald / Pete Lynch\n"
        "Tel: +44 (0)131 220 6939",
        [
            ("other", "Neil McDonald", None, "Cavendish Capital Markets Limited (Nominated Adviser and Broker)",
             ["+44 (0)131 220 6939"], []),
            ("other", "Pete Lynch", None, "Cavendish Capital Markets Limited (Nominated Adviser and Broker)",
             ["+44 (0)131 220 6939"], []),
        ],
        id="aim-adviser-two-people-sharing-a-line",
    ),
    pytest.param(
        "For further information, please contact:\nCFO Lars Holm, tel. +47 922 55 010\n"
        "Head of IR Ingrid Dahl, tel. +47 918 40 221, ingrid.dahl@norvikbank.no",
        [
            ("other", "Lars Holm", "CFO", None, ["+47 922 55 010"], []),
            ("investors", "Ingrid Dahl", "Head of IR", None, ["+47 918 40 221"], ["ingrid.dahl@norvikbank.no"]),
        ],
        id="nordic-title-before-name",
    ),
    pytest.param(
        "Investor Relations/Media Contact:Jane Doe(212) 555-0100ir@acme.com\n"
        "External Investor Relations Contact:John RoeRX Advisory Group(646) 555-0199jroe@rxadvisory.com",
        [
            ("investors", "Jane Doe", None, None, ["(212) 555-0100"], ["ir@acme.com"]),
            ("investors", "John Roe", None, "RX Advisory Group", ["(646) 555-0199"], ["jroe@rxadvisory.com"]),
        ],
        id="converter-glued-fields-are-parted",
    ),
    pytest.param(
        "For further information, please contact:\n\n"
        "Jane DoeSVP Corporate Planning and Investor Relationsjane.doe@acme-petroleum.comTel: +41 22 555 10 50\n"
        "Or\nJohn RoeMedia Managerjroe@acme-pr.chTel: +46 701 55 26 15",
        [
            ("investors", "Jane Doe", "SVP Corporate Planning and Investor Relations", None, ["+41 22 555 10 50"],
             ["jane.doe@acme-petroleum.com"]),
            ("media", "John Roe", "Media Manager", None, ["+46 701 55 26 15"], ["jroe@acme-pr.ch"]),
        ],
        id="title-glued-to-a-lower-case-mailbox",
    ),
    pytest.param(
        "For further details on Acme Resources Ltd., please visit the Company's website at www.acme-resources.com "
        "or contact Dr. Jane Doe, President and CEO, at (604) 555-6365 or within North America at 1-800-555-2114, "
        "or Kin Partners, at (604) 555-6730, Email: info@kinpartners.com.",
        [
            ("other", "Dr. Jane Doe", "President and CEO", None, ["(604) 555-6365", "1-800-555-2114"], []),
            ("other", None, None, "Kin Partners", ["(604) 555-6730"], ["info@kinpartners.com"]),
        ],
        id="closing-sentence-names-a-person-and-an-agency",
    ),
    pytest.param(
        "Glimmer Contact:\n\nJane Doe\n\nCFO & COO\n\nThe Glimmer Group, Inc.\n\n917-555-2685\n\n"
        "jane@theglimmergroup.com",
        [("other", "Jane Doe", "CFO & COO", "The Glimmer Group, Inc.", ["917-555-2685"],
          ["jane@theglimmergroup.com"])],
        id="company-name-before-contact",
    ),
    pytest.param(
        "For more information, please contact:\n\nJane Doe, CEO of Acme Payments AB\n\n+46 708 55 47 88\n\n"
        "jane.doe@acmepayments.com",
        [("other", "Jane Doe", "CEO", "Acme Payments AB", ["+46 708 55 47 88"], ["jane.doe@acmepayments.com"])],
        id="title-of-a-suffixed-firm",
    ),
    pytest.param(
        "For more information, please contact: Jane Doe, Head of Investor Relations and Communicationse-mail: "
        "jane.doe@acme.se, telephone: +46 (0)10-555 60 99",
        [("investors", "Jane Doe", "Head of Investor Relations and Communications", None, ["+46 (0)10-555 60 99"],
          ["jane.doe@acme.se"])],
        id="lower-case-e-mail-label-glued-to-a-title",
    ),
    pytest.param(
        "For Additional Information\n\nJane Doe, CEO, Acme Systems AB.\n"
        "Tel. +46 155 55 59 01 alt. Mobile +46 76 555 11 33, or email jane.doe@acme.se",
        [("other", "Jane Doe", "CEO", "Acme Systems AB", ["+46 155 55 59 01", "+46 76 555 11 33"],
          ["jane.doe@acme.se"])],
        id="alt-joins-a-second-number",
    ),
    pytest.param(
        "Contacts for more information:\n\nCompany, Investors and Media:\n\nJane Doe\n\nAcme\n\n312-555-0100",
        [("investors", "Jane Doe", None, "Acme", ["312-555-0100"], [])],
        id="label-naming-several-audiences-takes-the-first-role",
    ),
    pytest.param(
        "For investor and media inquiries, please contact:\n\nIn China:\nAcme Co. Ltd.\nWang Fang\nE-mail: ir@acme.cn"
        "\n\nIn the United States:\nRX Communications\nJohn Roe\nTel: +1-212-555-0199",
        [
            ("investors", "Wang Fang", None, "Acme Co. Ltd.", [], ["ir@acme.cn"]),
            ("investors", "John Roe", None, "RX Communications", ["+1-212-555-0199"], []),
        ],
        id="region-lines-part-contacts-and-are-no-organization",
    ),
    pytest.param(
        "For additional information, please contact:\n\nSanne Smit\nAcme Global Press Office\nTel.: +31 6 1521 3446"
        "\n\nEva Berg\nAcme Investor Relations\nTel.: +31 20 597 7055",
        [
            ("media", "Sanne Smit", None, "Acme Global Press Office", ["+31 6 1521 3446"], []),
            ("investors", "Eva Berg", None, "Acme Investor Relations", ["+31 20 597 7055"], []),
        ],
        id="department-named-in-organization-gives-the-role",
    ),
    pytest.param(
        "Contacts:\nJane Doe\nDirector – Investor Relations\n(212) 555-0100\n\n"
        "John Roe, VP of IR, Communications, and Portfolio Strategy, +1 978 555 4372",
        [
            ("investors", "Jane Doe", "Director – Investor Relations", None, ["(212) 555-0100"], []),
            ("investors", "John Roe", "VP of IR, Communications, and Portfolio Strategy", None, ["+1 978 555 4372"],
             []),
        ],
        id="title-keeps-its-printed-separators",
    ),
    pytest.param(
        "Company Contact: Investor Relations Contact: Media Contact:info@acme.com jane@irfirm.com "
        "john@prfirm.com678-555-0100 212-555-0101 202-555-0102",
        [
            ("other", None, None, None, ["678-555-0100"], ["info@acme.com"]),
            ("investors", None, None, None, ["212-555-0101"], ["jane@irfirm.com"]),
            ("media", None, None, None, ["202-555-0102"], ["john@prfirm.com"]),
        ],
        id="heading-row-run-into-its-rows-pairs-by-order",
    ),
    pytest.param(
        "Media Contact:\nJane Doe, 212-555-0100\n\nFINANCIAL TABLES FOLLOW\n\nACME LABS, INC.\n\n"
        "Condensed Consolidated Statements of Operations\n\nThree Months Ended\n\nNine Months Ended",
        [("media", "Jane Doe", None, None, ["212-555-0100"], [])],
        id="financial-statement-headings-after-the-block-are-nobody",
    ),
    pytest.param(
        "Contacts:\nHyeLim Lee, +82 2 311 4702\n\nNancy O\u2019Donnell, +1 (770) 555-7723",
        [
            ("other", "HyeLim Lee", None, None, ["+82 2 311 4702"], []),
            ("other", "Nancy O\u2019Donnell", None, None, ["+1 (770) 555-7723"], []),
        ],
        id="names-with-inner-capitals",
    ),
    pytest.param(
        "Acme investor relations contact: Jane Doe, +1 224-555-4074 or Doe_Jane@acme.com\n"
        "Acme media contact: John Roe, +1 309-555-9333 or Roe_John@acme.com",
        [
            ("investors", "Jane Doe", None, "Acme", ["+1 224-555-4074"], ["Doe_Jane@acme.com"]),
            ("media", "John Roe", None, "Acme", ["+1 309-555-9333"], ["Roe_John@acme.com"]),
        ],
        id="firm-named-before-the-label",
    ),
    pytest.param(
        "Corporate ContactJane DoeChief Financial Officer+423 388 5510 jane.doe@acme.com",
        [("other", "Jane Doe", "Chief Financial Officer", None, ["+423 388 5510"], ["jane.doe@acme.com"])],
        id="label-glued-to-the-name",
    ),
    pytest.param(
        "Contacts\n\nAcme Financial Services Corp\n\nInvestor Relations:\nJane Doe, Chief Financial Officer (314) 555-7251"
        "\n\nMedia:\nJohn Roe, Senior Vice President, Marketing\n(314) 555-7141",
        [
            ("investors", "Jane Doe", "Chief Financial Officer", "Acme Financial Services Corp", ["(314) 555-7251"],
             []),
            ("media", "John Roe", "Senior Vice President, Marketing", "Acme Financial Services Corp",
             ["(314) 555-7141"], []),
        ],
        id="firm-above-the-labels-is-everyones",
    ),
    pytest.param(
        "Jane Doe\n+ 1 650 555 5296\njane_doe@acme.com\n\nJan de Vries (Europe and Asia)\n+31 20 555 2825\n"
        "jan_devries@acme.com",
        [
            ("other", "Jane Doe", None, None, ["1 650 555 5296"], ["jane_doe@acme.com"]),
            ("other", "Jan de Vries", None, None, ["+31 20 555 2825"], ["jan_devries@acme.com"]),
        ],
        id="note-in-brackets-after-a-name",
    ),
    pytest.param(
        "Investor Contact: Jane Doe, (212)5550100, jane@acme.com",
        [("investors", "Jane Doe", None, None, ["(212)5550100"], ["jane@acme.com"])],
        id="valid-number-in-a-form-the-patterns-miss",
    ),
    pytest.param(
        "Financial analysts may call:\nJane Doe, Managing Director, Investor Relations 612-555-4535\n\n"
        "News media inquiries please call Acme Energy Media Relations at 612-555-5300.",
        [
            ("investors", "Jane Doe", "Managing Director, Investor Relations", None, ["612-555-4535"], []),
            ("media", None, None, "Acme Energy Media Relations", ["612-555-5300"], []),
        ],
        id="who-may-call-whom",
    ),
    pytest.param(
        "Investors:\n\nJane Doe, CFA, CPA, CPCU\n\nChief Strategy Officer\n\n954-555-0100",
        [("investors", "Jane Doe, CFA, CPA, CPCU", "Chief Strategy Officer", None, ["954-555-0100"], [])],
        id="a-name-and-several-credentials",
    ),
    pytest.param(
        "For further information:\n\nAcme PLC 020 7333 8118\nJohn Smith, Chief Executive\nJane Roe, Finance Director",
        [
            ("other", "John Smith", "Chief Executive", "Acme PLC", ["020 7333 8118"], []),
            ("other", "Jane Roe", "Finance Director", "Acme PLC", ["020 7333 8118"], []),
        ],
        id="uk-finance-director-under-the-firm",
    ),
    pytest.param(
        "Media Contacts:\nAcme Inc.\nDavid Krane, 650-555-4096\ndavid@acme.com\nSteve Langdon, 650-555-4950\n"
        "slangdon@acme.com\n\nInvestor Contact:\nJane Doe, 650-555-0100",
        [
            ("media", "David Krane", None, "Acme Inc.", ["650-555-4096"], ["david@acme.com"]),
            ("media", "Steve Langdon", None, "Acme Inc.", ["650-555-4950"], ["slangdon@acme.com"]),
            ("investors", "Jane Doe", None, None, ["650-555-0100"], []),
        ],
        id="a-firm-over-its-people-is-each-ones-until-the-next-label",
    ),
    pytest.param(
        "For further information, please contact:\n\nTuomo Virta, Plant Manager, Acme Tampere Oy, +358 10 303 0000\n"
        "Acme Corporation\nHelsinki Stock Exchange\nMain media",
        [("other", "Tuomo Virta", "Plant Manager", "Acme Tampere Oy", ["+358 10 303 0000"], [])],
        id="a-nordic-distribution-list-without-its-label-is-no-contact",
    ),
    pytest.param(
        "For further information please contact:\n\nAcme Group PLC  Tel: +44 (0)20 7946 0000\n"
        "Jane Whitfield, Director of Investor Relations\nTom Rees, Finance Director\n\n"
        "Brook Street Communications  Tel: +44 (0)20 7946 0999\nAlice Grant\nOliver Penn",
        [
            ("investors", "Jane Whitfield", "Director of Investor Relations", "Acme Group PLC",
             ["+44 (0)20 7946 0000"], []),
            ("other", "Tom Rees", "Finance Director", "Acme Group PLC", ["+44 (0)20 7946 0000"], []),
            ("other", "Alice Grant", None, "Brook Street Communications", ["+44 (0)20 7946 0999"], []),
            ("other", "Oliver Penn", None, "Brook Street Communications", ["+44 (0)20 7946 0999"], []),
        ],
        id="uk-table-of-two-firms-each-with-its-number",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTACT_CASES)
def test_contacts(text, expected):
    assert people(text) == expected


NOT_CONTACT_CASES = [
    pytest.param(
        "\u201cWe are excited,\u201d said Jane Smith, Chief Executive Officer of Acme. \u201cOur team delivered.\u201d",
        id="person-quoted-in-body",
    ),
    pytest.param(
        "If you would like to submit a question, please send an email with your question to "
        "nyc@clearthink.capital prior to the call.",
        id="questions-for-the-call",
    ),
    pytest.param(
        "For more information, please visit www.investorsummitgroup.com or contact johnna-mae@investorsummitgroup.com",
        id="event-organiser-in-about-section",
    ),
    pytest.param(
        "Copies may be obtained by contacting the Company's Investor Relations department at "
        "jessica.largent@newmont.com or by calling 303-837-5484.",
        id="legal-legend",
    ),
    pytest.param(
        "The Buckle, Inc.\n2407 W. 24th St. Kearney, NE 68845\nphone: 308-236-8491\nfax: 308-236-4493",
        id="company-letterhead-without-contact-label",
    ),
]


@pytest.mark.parametrize("text", NOT_CONTACT_CASES)
def test_not_contacts(text):
    assert find_contacts(blocks(text)).contacts == ()


def test_html_table_of_contacts_side_by_side_is_read_by_column():
    table = Block(
        "Investor Contact:\tMedia Contact:\nJane Doe\tJohn Roe\n212-555-0100\t212-555-0199\n"
        "jane@acme.com\tjohn@acme.com",
        tag="table",
    )
    found = find_contacts([Block("Acme announced results today."), table])
    assert [(c.role, c.name, c.phones, c.emails) for c in found.contacts] == [
        ("investors", "Jane Doe", ("212-555-0100",), ("jane@acme.com",)),
        ("media", "John Roe", ("212-555-0199",), ("john@acme.com",)),
    ]
    assert found.used == frozenset({1})


def test_label_in_its_own_cell_beside_the_people_heads_their_columns():
    # The reader drops empty cells: the label's column is empty below it, so the details stand under the people.
    table = Block(
        "Contact:\tJane Doe\tJohn Roe (News Media)\nAcme Investor Relations\tAcme Corporate Communications\n"
        "(O): 212-555-0100\t(O): 212-555-0199\n(C): 718-555-0198",
        tag="table",
    )
    found = find_contacts([Block("Acme announced results today."), table])
    assert [(c.role, c.name, c.organization, c.phones) for c in found.contacts] == [
        ("investors", "Jane Doe", "Acme Investor Relations", ("212-555-0100",)),
        ("media", "John Roe", "Acme Corporate Communications", ("212-555-0199", "718-555-0198")),
    ]


def test_label_rows_over_rows_of_people_are_read_row_by_row():
    table = Block(
        "Investor Relations\nJane Doe +44 7824 555 750 ir@acme.it\tJohn Roe +39 348 555 4876 ir@acme.it\n"
        "Media Relations\nMary Major +1 203 555 2225 acme@prfirm.com",
        tag="table",
    )
    found = find_contacts([table])
    assert [(c.role, c.name) for c in found.contacts] == [
        ("investors", "Jane Doe"), ("investors", "John Roe"), ("media", "Mary Major"),
    ]


def test_desk_in_a_sentence_and_in_the_contact_line_is_one_desk():
    found = find_contacts(blocks(
        "For further information, please contact Investor Relations at (301) 555-9300 or IR@acme.com .\n\n"
        "CONTACT: Investors \u2013 (301) 555-9300 Media \u2013 (301) 555-9303"
    ))
    assert [(c.role, c.phones, c.emails) for c in found.contacts] == [
        ("investors", ("(301) 555-9300",), ("IR@acme.com",)),
        ("media", ("(301) 555-9303",), ()),
    ]


def test_label_run_into_the_paragraph_before_heads_the_next_block():
    found = find_contacts([
        Block("Shelly Group SE develops, designs and distributes smart building solutions for DIY and professional "
              "users.Contact Investor Relations"),
        Block("CROSS ALLIANCE communication GmbHJane DoePhone: +49 89 555 09 0331Mail: jd@crossalliance.de"),
    ])
    assert [(c.role, c.name, c.organization, c.phones, c.emails) for c in found.contacts] == [
        ("investors", "Jane Doe", "CROSS ALLIANCE communication GmbH", ("+49 89 555 09 0331",),
         ("jd@crossalliance.de",)),
    ]
    assert found.used == frozenset({1})


def test_markdown_pipe_table_keeps_each_person_in_own_column():
    # visible_prn.md: empty trailing cells are dropped ("| www.rubee.com |  |"), and the
    # addresses were hidden by the page's e-mail obfuscation.
    table = Block(
        "John Stevens, CEO\tTim Pierce, Vice President\n"
        "Visible Assets, Inc\t[[email\u00a0protected]](/cdn-cgi/l/email-protection#5d6f6e69)\n"
        "[[email\u00a0protected]](/cdn-cgi/l/email-protection#46747572)\t920-207-9555\n"
        "www.rubee.com\n617-395-7601",
        tag="table",
    )
    found = find_contacts([Block("Contacts:"), table])
    assert [(c.name, c.title, c.organization, c.phones, c.emails) for c in found.contacts] == [
        ("John Stevens", "CEO", "Visible Assets, Inc", ("617-395-7601",), ()),
        ("Tim Pierce", "Vice President", None, ("920-207-9555",), ()),
    ]


def test_letterhead_of_one_table_row_reads_each_box():
    # exhibit_letterhead.htm: the release mark and the contact stand side by side in one row
    document = to_document(
        b"<html><body><p>Exhibit 99.1</p><table><tr><td><b>FOR IMMEDIATE RELEASE</b></td>"
        b"<td>Contact: Mary Major<br>Chief Financial Officer<br>(555) 555-0100<br>ir@acmeindustries.com</td>"
        b"</tr></table><p>MILWAUKEE, WI, July 30, 2019 - Acme Industries, Inc. today reported results.</p>"
        b"</body></html>",
        filename="exhibit.htm",
    )
    found = find_contacts(document.blocks)
    assert [(c.role, c.name, c.title, c.phones, c.emails) for c in found.contacts] == [
        ("investors", "Mary Major", "Chief Financial Officer", ("(555) 555-0100",), ("ir@acmeindustries.com",)),
    ]


def test_page_heading_after_contact_block_ends_it():
    found = find_contacts([
        Block("Editorial Contact:\nJane Doe, Acme Public Relations\nTel: (714)966-0258"),
        Block("Posted by Shane Sturgeon, July 25, 2006 04:26 AM"),
        Block("Reader Commentary", tag="h2"),
        Block("Related Articles", tag="h2"),
    ])
    assert [c.name for c in found.contacts] == ["Jane Doe"]


def test_used_blocks_are_the_contact_block_and_its_labels():
    found = find_contacts(blocks(
        "Acme announced results today.\n\nInvestors:\n\nJane Doe, 212-555-0100\n\njane@acme.com\n\n"
        "About Acme\n\nAcme makes anvils."
    ))
    assert found.used == frozenset({1, 2, 3})


def test_contact_sentence_inside_a_longer_paragraph_leaves_the_paragraph_in_the_body():
    found = find_contacts(blocks(
        "Acme reported record results. For investor relations information, please contact Jane Smith at "
        "(212) 555-0147."
    ))
    assert [c.name for c in found.contacts] == ["Jane Smith"]
    assert found.used == frozenset()


def test_same_people_printed_twice_count_once():
    block = "Investor Contact\nJessica Largent, 303.837.5484\njessica.largent@newmont.com"
    found = find_contacts(blocks(f"## Contacts\n\n{block}\n\n## Release Summary\n\nText.\n\n## Contacts\n\n{block}"))
    assert [c.name for c in found.contacts] == ["Jessica Largent"]
    assert {0, 1, 4, 5} <= found.used


CONTACT_PIECES = ["Investors:", "Media Contact:", "CONTACT: ", "Jane Doe", ", ", "Chief Financial Officer",
                  "Acme Corp.", " 212-555-0100", " jane@acme.com", "\n", "\t", "   ", "or", " Tel: ", "Inc.",
                  "For further information: ", "Head of IR", " +33 6 74 52 15 31", "both of "]


@given(st.lists(st.lists(st.sampled_from(CONTACT_PIECES) | st.text(max_size=12), max_size=12), max_size=8),
       st.sampled_from(["p", "pre", "table"]))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_contacts_or_none(paragraphs, tag):
    blocks_in = [Block("".join(p), tag=tag) for p in paragraphs]
    found = find_contacts(blocks_in)
    assert found.used <= set(range(len(blocks_in)))
    assert all(c.role in {"investors", "media", "other"} for c in found.contacts)


def test_a_family_name_in_capitals_is_a_name_only_standing_alone():
    assert is_name("Ronan MARC")
    assert not is_name("Industrial Technologies SAPI")
    assert name_then_title("President of HGI Industrial Technologies SAPI") is None


def test_a_region_is_no_name_and_a_two_letter_family_name_is():
    assert not is_name("Hong Kong")
    assert not is_name("North America")
    assert is_name("Gerald Su")
    assert is_name("Peter Ng")
    assert not is_name("Nokia Oy")
