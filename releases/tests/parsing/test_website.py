"""The issuer's website: from its About section, passing over offer pages, else a newswire page's related links."""

import pytest

from releases.parsing import parse_press_release

LEAD = ("{name} Reports Results\n\nMUNICH, Germany, March 3, 2016 /PRNewswire/ -- {name} (XETRA: NRD) today reported "
        "results for the year ended December 31, 2015.\n\n")


@pytest.mark.parametrize(
    "about, trailer, expected",
    [
        ("Nordwerk AG makes design software. Try it by downloading the free trial at www.nordwerk.de/trial.",
         "SOURCE Nordwerk AG\n\nRELATED LINKS\nhttp://www.nordwerk-software.com\n", "http://www.nordwerk-software.com"),
        ("Nordwerk AG makes design software. Request a demo at nordwerk.de/demo or learn more at www.nordwerk.de.",
         "SOURCE Nordwerk AG\n", "www.nordwerk.de"),
        ("Nordwerk AG makes design software. For more information, visit www.nordwerk.de/investors.",
         "SOURCE Nordwerk AG\n", "www.nordwerk.de/investors"),
        ("Nordwerk AG makes design software. Sign up for its newsletter at https://nordwerk.de/subscribe.",
         "SOURCE Nordwerk AG\n\nRelated Links:\nhttp://www.twitter.com/nordwerk\nhttp://www.nordwerk.de\n",
         "http://www.nordwerk.de"),
    ],
    ids=["free-trial-page-then-related-links", "demo-page-then-home-page", "information-page-is-the-site",
         "newsletter-page-then-related-links-past-a-social-site"],
)
def test_an_offer_page_in_the_about_section_is_not_the_website(about, trailer, expected):
    text = LEAD.format(name="Nordwerk AG") + "About Nordwerk\n\n" + about + "\n\n" + trailer
    assert parse_press_release(text).company.website == expected


def test_a_newswire_pages_related_links_give_the_site_when_the_about_names_none():
    text = (LEAD.format(name="Kestrel Foods Ltd") + "Kestrel will host a call. Details are at "
            "http://investors.kestrelfoods.co.uk/events.\n\nSOURCE Kestrel Foods Ltd\n\nRELATED LINKS\n"
            "http://www.kestrelfoods.co.uk\n")
    assert parse_press_release(text).company.website == "http://www.kestrelfoods.co.uk"


def test_a_visit_line_under_the_about_section_gives_the_site_before_an_investor_page_in_the_body():
    text = (LEAD.format(name="Nordwerk AG") + "Please visit Nordwerk AG's investor relations website at "
            "https://investor.nordwerk.de to view the slides.\n\nAbout Nordwerk AG\n\nNordwerk AG makes design "
            "software.\n\nFor more information on Nordwerk, please visit: *www.nordwerk.de*\n\n"
            "For more information on its subsidiary Sudwerk, please visit: *www.sudwerk.de*\n")
    assert parse_press_release(text).company.website == "www.nordwerk.de"


@pytest.mark.parametrize("printed, kept", [
    ("www.acme.com.US", "www.acme.com"),
    ("http://ir.acme.com.About", "http://ir.acme.com"),
    ("www.ImmunoGen.com", "www.ImmunoGen.com"),
    ("https://acme.com/News.Release", "https://acme.com/News.Release"),
    ("www.acme.com/investors.Additionally", "www.acme.com/investors"),
    ("atwww.acme.com", "www.acme.com"),  # the word before the site glued to it
])
def test_a_capitalised_word_glued_after_a_host_is_not_part_of_it(printed, kept):
    from releases.parsing.patterns_calls import clean_url

    assert clean_url(printed) == kept


def test_a_link_alone_under_the_about_section_is_the_site_and_a_footnote_ends_the_section():
    text = (LEAD.format(name="Nordwerk AG")
            + "**About Nordwerk**\n\nNordwerk AG makes design software for builders.\n\n"
            "[https://www.nordwerk-group.com](https://cts.businesswire.com/ct/CT?id=smartlink&url=x)\n\n"
            "1 Period of time when all communication is suspended in the run-up to publication of results\n\n"
            "Readers are invited to verify the authenticity of Nordwerk press releases with the CertiDox app. Learn "
            "more at www.certidox.com\n")
    release = parse_press_release(text)
    assert release.company.website == "https://www.nordwerk-group.com"
    assert release.about == "Nordwerk AG makes design software for builders."


def test_a_site_glued_to_the_contacts_mailbox_is_the_website():
    text = (
        "Nordwerk to Host a Conference Call\n\nBERLIN - September 11, 2025 (NEWMEDIAWIRE) - Nordwerk SE will host "
        "a conference call on 16 September 2025.\n\nInvestor contact Jana Berg Director of Investor RelationsTel.: "
        "+49 30 2084 7652Email: j.berg@nordwerk.example.euwww.nordwerk.example.group\n"
    )
    release = parse_press_release(text)
    assert release.company.website == "www.nordwerk.example.group"
    assert [(c.role, c.name, c.title, c.emails) for c in release.contacts] == [
        ("investors", "Jana Berg", "Director of Investor Relations", ("j.berg@nordwerk.example.eu",))]


def test_the_issuers_name_linked_in_the_lead_is_its_site():
    text = (
        "Acme to Announce Results\n\n**SAN FRANCISCO, November 15, 2021** - "
        "[Acme Inc.](https://about.acme.example.com/), (Nasdaq: ACME) today announced that it will host a conference call. The call will be webcast on the "
        "Acme Investor Relations website at ir.acme.example.com.\n"
    )
    assert parse_press_release(text).company.website == "https://about.acme.example.com/"
