"""Telephone numbers as printed in releases -> E.164, where one can be derived."""

import phonenumbers


def to_e164(printed: str, *, region: str = "US") -> str | None:
    """`+1 (913) 312-0940` -> `+19133120940`; None when the text is not a valid number.

    Releases print North-American numbers without a country code, and other numbers with
    one, sometimes without the plus (`44 20 3059 8125`): both are tried.
    """
    candidates = [printed]
    stripped = printed.strip()
    if stripped[:1].isdigit() and not stripped.startswith(("1", "0")):
        candidates.append("+" + stripped)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def numbers_in(text: str, *, region: str = "US") -> list[tuple[int, int, str]]:
    """(start, end, number as printed) of each valid telephone number in running text.

    Catches what fixed patterns miss, "(212)5550100" or "+852 2111 3220", and not a bare
    conference ID or a postcode, which are no valid number.
    """
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    return [(match.start, match.end, match.raw_string) for match in matcher]
