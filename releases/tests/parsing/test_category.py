"""guess_category: headline (then lead) -> one of PressRelease.Category's values. No database."""

import pytest

from releases.parsing.category import guess_category

CASES = [
    # (headline, lead text, expected)
    (
        "ImmunoGen, Inc. Announces Conference Call to Discuss its First Quarter Fiscal Year 2012 Financial Results",
        "",
        "conference_call",
    ),
    ("Acme Reports Third Quarter 2025 Results; Will Host Conference Call", "", "earnings"),
    ("Acme Announces Fourth Quarter and Full Year 2024 Results", "", "earnings"),
    ("Acme to Report Q3 Results on November 5", "", "conference_call"),
    ("Acme to Present at the J.P. Morgan Healthcare Conference", "", "conference_call"),
    ("Maple Ridge Bancorp Declares Quarterly Cash Dividend", "", "dividend"),
    ("Acme Increases Quarterly Dividend by 8% and Authorizes Share Repurchase", "", "dividend"),
    ("Harborview Therapeutics Appoints Rachel Stein as Chief Financial Officer", "", "management"),
    ("Acme Names New CEO", "", "management"),
    ("Acme to Acquire Beta Corp. for $1.2 Billion", "", "mergers"),
    ("Acme and Beta Complete Merger", "", "mergers"),
    ("FDA Approves Acme's Drug for Moderate-to-Severe Psoriasis", "", "clinical"),
    ("Phase 3 Trial of ACM-101 Meets Primary Endpoint", "", "clinical"),
    ("Acme Launches Cloud Widget Platform", "", "product"),
    ("Acme Update", "Acme, Inc. today declared a quarterly dividend of $0.10 per share.", "dividend"),
    ("Acme Statement", "Acme, Inc. said the weather was fine.", "other"),
    ("", "", "other"),
]


@pytest.mark.parametrize("headline, text, expected", CASES, ids=[c[2] + "-" + str(i) for i, c in enumerate(CASES)])
def test_guess_category(headline, text, expected):
    assert guess_category(headline, text) == expected
