"""parse_within: the parse in a child process under a hard time limit."""

import pytest

from releases.parsing import ParseError, parse_within

RELEASE = (
    "Acme Corp. Announces Fourth Quarter Results\n\n"
    "NEW YORK--(BUSINESS WIRE)--Jan. 5, 2024--Acme Corp. (NYSE: ACM) today announced results for its fourth "
    "quarter, with revenue and earnings above what analysts had expected for the period.\n"
)


def test_a_parse_within_its_limit_gives_the_release():
    parsed = parse_within(RELEASE.encode(), filename="acme.txt", seconds=10)
    assert parsed.headline == "Acme Corp. Announces Fourth Quarter Results"
    assert [(x.exchange, x.ticker) for x in parsed.listings] == [("NYSE", "ACM")]


def test_a_parse_past_its_limit_is_stopped_with_a_sentence():
    huge = ("word " * 900_000).encode()  # 4.5 MB: its parse takes far longer than a millisecond
    with pytest.raises(ParseError, match=r"took longer than 0\.001 seconds, so it was stopped"):
        parse_within(huge, filename="huge.txt", seconds=0.001)


def test_the_parsers_own_refusal_comes_back_as_a_parse_error():
    with pytest.raises(ParseError, match="empty"):
        parse_within(b"", filename="empty.txt", seconds=10)
