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
