"""find_contacts on layouts first met in held-out releases: each test is an invented release of that layout."""

import pytest

from releases.parsing.contacts import find_contacts
from releases.parsing.document import Block


def blocks(text: str, tag: str = "p") -> list[Block]:
    return [Block(part.strip("\n"), tag=tag) for part in text.split("\n\n") if part.strip()]


def people(text: str, tag: str = "p") -> list[tuple]:
    return [
        (c.role, c.name, c.title, c.organization, list(c.phones), list(c.emails))
        for c in find_contacts(blocks(text, tag)).contacts
    ]


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
