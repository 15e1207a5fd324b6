"""find_calls: body blocks in, Call records out. Rows are excerpts in the style of the wires."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from releases.parsing.calls import CALL_WORD_RE, PASSCODE_RE, REPLAY_RE, Unit, find_calls, is_related
from releases.parsing.document import Block, Link, to_document


def blocks(text: str) -> list[Block]:
    """Paragraphs (blank-line separated) as blocks, lines kept, as to_document gives them."""
    return [Block(part.strip("\n")) for part in text.split("\n\n") if part.strip()]


def call_of(text: str, *, release_date=date(2024, 11, 7), website="https://www.example.com", links=()):
    found = blocks(text)
    if links:
        found[0] = Block(found[0].text, links=tuple(links))
    calls = find_calls(found, release_date=release_date, website=website)
    assert len(calls) == 1, calls
    return calls[0]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- dial-ins and passcodes ---------------------------------------------------------------

DIAL_IN_CASES = [
    pytest.param(
        "The Company will host a conference call at 4:30 p.m. ET on Thursday, October 27, 2011.\n\n"
        "To access the live call by phone, dial 913-312-0940. Passcode: 7751636.",
        ["913-312-0940"], "7751636", id="businesswire-one-number-passcode",
    ),
    pytest.param(
        "Conference Call Details\n\nDate: Tuesday, November 12, 2024\n\nTime: 4:30 PM ET\n\n"
        "Toll Free: 888-506-0062\n\nInternational: 973-528-0011\n\nParticipant Access Code: 309193",
        ["888-506-0062", "973-528-0011"], "309193", id="newmediawire-labelled-lines",
    ),
    pytest.param(
        "Acme will host a conference call on February 20, 2025 at 8:00 a.m. Eastern Time.\n\n"
        "U.S./Canada: 1-877-407-0789\nInternational: +1-201-689-8562\nConference ID: 13739470",
        ["1-877-407-0789", "+1-201-689-8562"], "13739470", id="us-canada-and-international",
    ),
    pytest.param(
        "Eutelsat will present its results on Friday, February 14, 2025, by conference call at 9:00 CET.\n\n"
        "If needed, please dial one of these numbers:\n\n+33 (0)1 7037 7166 (from France)\n\n"
        "+44 (0)33 0551 0200 (from the U.K)\n\nQuote \"Eutelsat\" to the operator when connecting to the call.",
        ["+33 (0)1 7037 7166", "+44 (0)33 0551 0200"], "Eutelsat", id="country-codes-quoted-word",
    ),
    pytest.param(
        "The call will be held on May 3, 2012 at 10:00 a.m. Central Time. Interested parties may listen by "
        "dialing (866) 524-3160 from within the United States and +1 (412) 317-6760 from outside the U.S. "
        "Please ask for the Ensco conference call.",
        ["(866) 524-3160", "+1 (412) 317-6760"], "Ensco conference call", id="prnewswire-ask-for-the-call",
    ),
    pytest.param(
        "Acme Corp. will host a conference call on October 31, 2024 at 4:30 p.m. Eastern Time. To participate, "
        "dial 1-800-555-0100 and ask for the Acme Corp. Third Quarter Earnings Call.",
        ["1-800-555-0100"], "Acme Corp. Third Quarter Earnings Call", id="ask-for-a-title-case-call-name",
    ),
    pytest.param(
        "Acme will host a conference call on February 26, 2025, at 8:30 a.m. Eastern Time. To participate, please "
        "dial 1-877-555-9208 (US). To access the call, please reference the company name and call title: Acme "
        "Fourth Quarter and Full Year 2024 Earnings Call. A webcast will be available.",
        ["1-877-555-9208"], "Acme Fourth Quarter and Full Year 2024 Earnings Call", id="reference-the-call-title",
    ),
    pytest.param(
        "Acme will host a conference call on January 29, 2025 at 10:00 a.m. Central Time. The dial-in number for "
        "the call is (847) 555-6396 and the conference call identification number is 49267105.",
        ["(847) 555-6396"], "49267105", id="call-identification-number",
    ),
    pytest.param(
        "Participants can join the conference call on March 5, 2025 at 5:00 p.m. ET by dialing "
        "1-800-555-0134 and entering passcode 482913#.",
        ["1-800-555-0134"], "482913", id="passcode-trailing-hash",
    ),
    pytest.param(
        "Moody's will host a conference call on April 22, 2025 at 11:30 a.m. ET. The call may be accessed "
        "by dialing 1-888-330-2446 and using the passcode \"Moody's Corporation\".",
        ["1-888-330-2446"], "Moody's Corporation", id="passcode-words-in-quotes",
    ),
    pytest.param(
        "Acme will host a conference call today, March 4, 2025, at 4:30 p.m. Eastern Time. To access the call, "
        "please dial (877) 407-0792 (domestic) or (201) 689-8263 (international). The conference ID is 13751234.",
        ["(877) 407-0792", "(201) 689-8263"], "13751234", id="globenewswire-conference-id-is",
    ),
    pytest.param(
        "Acme will hold a conference call on May 7, 2025 at 5:00 p.m. ET. The call can be accessed by dialing "
        "1-844-825-9789 (U.S.) or 1-412-317-5180 (international) and requesting the Acme Corporation call.",
        ["1-844-825-9789", "1-412-317-5180"], "Acme Corporation call", id="requesting-the-named-call",
    ),
    pytest.param(
        "Acme will host a conference call on 24 July 2025 at 9:00 BST.\n\nUK: 0800 358 1035\n"
        "Germany: 0800 589 1234\nUS: +1 646 307 1963\nPIN: 845210",
        ["0800 358 1035", "0800 589 1234", "+1 646 307 1963"], "845210", id="european-freephone-numbers",
    ),
    pytest.param(
        "A conference call will be held on Thursday, May 8, 2014 at 10:00 a.m. (ET). To access the conference "
        "call, please dial 647-427-7450 or 1-888-231-8191. An archived recording of the conference call will be "
        "available to listen to until May 15, 2014 at 416-849-0833 or 1-855-859-2056, reservation number "
        "1234567 followed by the number sign.",
        ["647-427-7450", "1-888-231-8191"], None, id="cnw-archived-recording-to-listen-to",
    ),
    pytest.param(
        "Acme will hold an earnings call on 14 August 2025 at 8:00 a.m. U.S. Eastern Time. Dial-in: "
        "+1 855 883 1031. Passcode: Acme",
        ["+1 855 883 1031"], "Acme", id="capitalised-word-passcode",
    ),
    pytest.param(
        "Management will host a conference call on March 4, 2025 at 4:30 p.m. EST. Dial-In: 1--800--717--1738 "
        "or 1--289--514--5100.",
        ["1--800--717--1738", "1--289--514--5100"], None, id="dashes-doubled-by-converter",
    ),
    pytest.param(
        "Acme will host a conference call today, February 13th, at 4:00 p.m. CET. The dial-in numbers are:\n\n"
        "Italy + 39 02 802 09 11, toll free 800 231 525\n\nUK + 44 1 212818004, toll free (44) 0 800 0156371\n\n"
        "USA +1 718 7058796, toll free (1) 1 855 2656958",
        ["+ 39 02 802 09 11", "800 231 525", "+ 44 1 212818004", "(44) 0 800 0156371", "+1 718 7058796",
         "(1) 1 855 2656958"], None, id="european-list-of-country-lines",
    ),
    pytest.param(
        "Acme will host a conference call on 13 February 2025 at 10:00 CET.\n\nDial-in numbers:\n"
        "Sweden: +46 8 505 100 31\nGermany: 069 2222 10625",
        ["+46 8 505 100 31", "069 2222 10625"], None, id="national-number-with-five-digit-group",
    ),
    pytest.param(
        "Acme invites you to its Results Conference Call on February 11, 2025 at 8:00 a.m. ET.\n\n"
        "To access the Webinar:\nhttps://zoom.us/webinar/register/WN_348\nWebinar ID: 951 4144 0099\n"
        "Password: 620076",
        [], "620076", id="password-beats-webinar-id",
    ),
]


@pytest.mark.parametrize(("text", "dial_in", "passcode"), DIAL_IN_CASES)
def test_live_dial_ins_and_passcode(text, dial_in, passcode):
    call = call_of(text)
    assert list(call.dial_in) == dial_in
    assert call.passcode == passcode


def test_a_providers_list_of_countries_and_their_numbers_are_dial_ins():
    call = call_of(
        "Acme will host an earnings conference call on November 12, 2024 at 4:00 PM IST.\n\n"
        "Universal Access: +91 22 6280 1325\n\nInternational Toll Free:\n\n"
        "* Argentina: 0080014243444 / Canada: 01180014243444 / Japan: 00531161110 /\n"
        "* Hong Kong: 800964448 / UK: 08081011573 / USA: 18667462133\n\nSingapore: 8001012045"
    )
    assert call.dial_in == ("+91 22 6280 1325", "0080014243444", "01180014243444", "00531161110", "800964448",
                            "08081011573", "18667462133", "8001012045")


def test_number_to_ask_questions_about_the_call_is_not_a_dial_in():
    call = call_of("Acme will host a conference call on March 4, 2025 at 4:30 p.m. ET. Dial 1-888-555-0199.\n\n"
                   "If you have questions about the call, please contact Jane Doe at 212-555-0100 or jane@acme.com.")
    assert call.dial_in == ("1-888-555-0199",)


def test_phone_under_a_contact_heading_is_not_a_dial_in():
    call = call_of(
        "Acme will host a conference call on February 11, 2025 at 8:00 a.m. ET.\n\n"
        "US: +1 719 359 4580 or +1 929 205 6099\n\nInvestor Relations Department.\n\n"
        "https://www.acme.com/investors\n\nAcme S.A.\n\n+5411 4323-7449"
    )
    assert call.dial_in == ("+1 719 359 4580", "+1 929 205 6099")


def test_letterhead_address_phone_is_not_a_dial_in():
    call = call_of(
        "3 Glenlake Parkway | Atlanta, GA 30328 | Phone +1 (770) 418-7000 | www.acme.com\n\n"
        "Conference Call\n\nThe company's earnings conference call is scheduled for today, October 26, 2012, "
        "at 8:30 am ET. The webcast will be recorded and made available for replay.\n\n"
        "3 Glenlake Parkway | Atlanta, GA 30328 | Phone +1 (770) 418-7000 | www.acme.com",
        release_date=date(2012, 10, 26),
    )
    assert call.dial_in == ()
    assert call.replay.dial_in == ()


def test_bare_ten_digit_conference_id_is_not_a_phone():
    call = call_of("Acme will host a conference call on March 4, 2025 at 4:30 p.m. ET. "
                   "Dial 1-888-555-0199, conference ID 5551234567.")
    assert call.dial_in == ("1-888-555-0199",)
    assert call.passcode == "5551234567"


# --- webcasts -----------------------------------------------------------------------------

WEBCAST_CASES = [
    pytest.param(
        "Acme will host a live webcast on March 4, 2025 at 9:00 a.m. ET. To listen, click here.",
        [Link("click here", "https://edge.media-server.com/mmc/p/x7k2")],
        "https://edge.media-server.com/mmc/p/x7k2", id="click-here-href",
    ),
    pytest.param(
        "Management will hold a live audio webcast at 10:00 a.m. EST on November 22, 2024. To register for "
        "the live event, please visit https://buckle.zoom.us/webinar/register/WN_ZagNJtIfQImjiUbr7g6zdw.",
        (), "https://buckle.zoom.us/webinar/register/WN_ZagNJtIfQImjiUbr7g6zdw", id="registration-page",
    ),
    pytest.param(
        "The call will be webcast live on April 24, 2025 at 8:30 a.m. ET through the Investors section of "
        "the Company's website.",
        (), "https://www.example.com", id="investors-section-of-website",
    ),
    pytest.param(
        "The call on April 24, 2025 at 8:30 a.m. ET will be webcast live on the Company's website.",
        (), "https://www.example.com", id="company-website-named",
    ),
    pytest.param(
        "Presentation slides will accompany the live webcast on March 4, 2019 at 9:00 AM Eastern Time and can "
        "be accessed on the Newmont website, www.newmont.com and https://event.on24.com/wcc/r/1952473/C5AC.",
        (), "https://event.on24.com/wcc/r/1952473/C5AC", id="webcast-host-beats-home-page",
    ),
    pytest.param(
        "Apple will provide live streaming of its Q1 2024 financial results conference call beginning at "
        "2:00 p.m. PT on February 1, 2024 at apple.com/investor/earnings-call.",
        (), "apple.com/investor/earnings-call", id="bare-domain-with-path",
    ),
    pytest.param(
        "The event can be followed via webcast on 13 November 2025 at 14:00 CET:\n\n"
        "https://www.webcast-eqs.com/novem20251113Alternatively, you can listen via conference call.",
        (), "https://www.webcast-eqs.com/novem20251113", id="next-sentence-glued-to-url",
    ),
    pytest.param(
        "Eutelsat will present its results on February 14, 2025 by conference call and webcast at 9:00 CET.\n\n"
        "Click here to attend the webcast presentation.",
        (), None, id="click-here-with-its-link-lost",
    ),
    pytest.param(
        "The Management Board will present the results in a conference call on 12 November 2024 at 10:00 CET. "
        "Participants can register for the call at https://register.vevent.com/register/BI1234abcd. After "
        "registration, participants receive the dial-in numbers. The webcast can be followed at "
        "https://edge.media-server.com/mmc/p/xyz987.",
        (), "https://edge.media-server.com/mmc/p/xyz987", id="webcast-link-beats-dial-in-registration",
    ),
    pytest.param(
        "Meridian will hold a conference call on February 19, 2025 at 10:00 a.m. Eastern Time.\n\n"
        "Slides and Audio Webcast: There will also be a simultaneous live, and then archived, webcast of the "
        "conference call, through the Meridian Shipping website (www.meridianshipping.com).",
        (), "www.meridianshipping.com", id="live-and-then-archived-webcast",
    ),
    pytest.param(
        "Acme will hold an earnings conference call at 7:00 A.M. ET on March 5, 2025.\n\nFor participants who "
        "wish to join the conference using dial-in numbers, please complete online registration using the link "
        "provided below.\n\nParticipant Online Registration:\n\nhttps://dpregister.com/sreg/10196861/fe7d\n\n"
        "A live and archived webcast of the conference call will also be available on the Company's investor "
        "relations website at ir.acme.com.",
        (), "ir.acme.com", id="dial-in-registration-link-is-not-the-webcast",
    ),
    pytest.param(
        "Acme will host a conference call and live audio webcast today, November 12, 2024, at 4:30 p.m. ET. "
        "To participate via telephone, please register in advance here.",
        [Link("here", "https://register.vevent.com/register/BI1234")], None,
        id="register-here-for-the-dial-in-is-not-the-webcast",
    ),
    pytest.param(
        "A conference call will be held on Tuesday, February 11, 2025, beginning at 6:30 a.m. MST. To participate, "
        "you are asked to register at one of the links provided below.\n\nLive call participant registration\n\n"
        "URL: https://register.vevent.com/register/BI1234\n\nLive webcast participant registration (listen in only)"
        "\n\nURL: https://edge.media-server.com/mmc/p/abcd1234",
        (), "https://edge.media-server.com/mmc/p/abcd1234", id="live-call-registration-is-not-the-webcast",
    ),
    pytest.param(
        "Caterpillar will conduct a live webcast beginning at 7:30 a.m. Central Time on April 28, 2022. The "
        "accompanying slides will be available before the webcast at https://investors.acme.com/events/.\n\n"
        "https://investors.acme.com/quarterly-results/ (live broadcast/replays of quarterly conference call)",
        (), "https://investors.acme.com/quarterly-results/", id="slides-link-is-not-the-webcast",
    ),
    pytest.param(
        "A list of customers is available at www.acme.com/customers/. Acme will hold a conference call and "
        "webcast today at 4:00 p.m. Central. A live and replay webcast will be available on the Acme Investor "
        "Relations website at www.acme.com/investor/.",
        (), "www.acme.com/investor/", id="page-named-for-the-webcast-beats-an-earlier-page",
    ),
    pytest.param(
        "Acme will hold a conference call on March 4, 2025 at 8:30 a.m. ET.\n\nDial-in: 800-274-8461\n\n"
        "Dow Jones Newswires",
        [Link("Dow Jones Newswires", "https://www.tradingview.com/news/DJN_DN20250212016386:0/")],
        None, id="news-site-link-is-not-the-webcast",
    ),
    pytest.param(
        "The call will begin at 10:00 a.m. Central Time on July 30, 2009.\n\nUS Dial-In: 877-555-0844\n\n"
        "The conference call will also be simultaneously broadcast and archived on our website at the following "
        "location:\n\nhttp://www.acme-energy.com",
        (), "http://www.acme-energy.com", id="broadcast-and-archived-link-serves-the-live-call",
    ),
]


@pytest.mark.parametrize(("text", "links", "url"), WEBCAST_CASES)
def test_webcast_url(text, links, url):
    assert call_of(text, links=links).webcast_url == url


def test_replay_link_is_not_the_live_webcast():
    call = call_of(
        "Acme will host a conference call on March 4, 2025 at 4:30 p.m. ET.\n\n"
        "A replay of the webcast will be available at https://investors.acme.com/events/replay."
    )
    assert call.webcast_url is None
    assert call.replay is not None


# --- replays ------------------------------------------------------------------------------

REPLAY_CASES = [
    pytest.param(
        "ImmunoGen will host a conference call at 4:30 p.m. ET on Thursday, October 27, 2011. Following the live "
        "webcast, a replay of the call will be available at the same location through November 3, 2011.",
        date(2011, 11, 3), [], None, id="through-a-date",
    ),
    pytest.param(
        "Nephros will host a conference call on March 6, 2025 at 4:30pm ET.\n\nAlternatively, a replay of the "
        "call may be accessed until March 13, 2025 at 1 (877) 344-7529 or 1 (412) 317-0088 for international "
        "callers and entering replay access code: 1414130.",
        date(2025, 3, 13), ["1 (877) 344-7529", "1 (412) 317-0088"], "1414130", id="until-with-numbers",
    ),
    pytest.param(
        "The Company will host a conference call on February 13, 2025 at 4:30 p.m. ET.\n\nDial In:\n"
        "* Domestic callers (toll free): 844-887-9402\n\nA replay of the conference call will be available for "
        "7 days following the conclusion of the call:\n* Replay for domestic callers (toll free): 877-344-7529, "
        "replay access code 7896562",
        date(2025, 2, 20), ["877-344-7529"], "7896562", id="for-n-days-from-the-call",
    ),
    pytest.param(
        "Acme will host a conference call on March 4, 2025 at 5:00 p.m. ET. A telephonic replay will be available "
        "until 11:59 p.m. ET on March 18, 2025 by dialing (844) 512-2921 and entering passcode 13740001.",
        date(2025, 3, 18), ["(844) 512-2921"], "13740001", id="until-a-time-on-a-date",
    ),
    pytest.param(
        "Acme will host a conference call on March 4, 2025 at 5:00 p.m. ET. A replay will be posted to the "
        "website beginning March 5, 2025.",
        None, [], None, id="posted-to-beginning-is-no-end-date",
    ),
    pytest.param(
        "Acme will host a conference call on June 3, 2025 at 10:00 a.m. ET. The webcast will be archived "
        "and available for thirty days.",
        date(2025, 7, 3), [], None, id="thirty-days-in-words",
    ),
    pytest.param(
        "Apple will provide live streaming of its conference call beginning at 2:00 p.m. PT on February 1, "
        "2024. The webcast will be available for replay for approximately two weeks thereafter.",
        None, [], None, id="approximately-two-weeks",
    ),
    pytest.param(
        "Southern Company's financial analyst call will be at 1 p.m. EST Jan. 25, 2005. A replay of the "
        "Webcast will be available at the site for 12 months.",
        None, [], None, id="twelve-months",
    ),
    pytest.param(
        "Ensco will conduct a conference call at 10:00 a.m. Central Time on 3 May 2012.\n\nA replay of the "
        "conference call will be available by telephone through 13 May 2012 by dialing (877) 344-7529 "
        "(Conference ID 10011365).",
        date(2012, 5, 13), ["(877) 344-7529"], "10011365", id="conference-id-only-in-replay-block",
    ),
    pytest.param(
        "Acme will host a conference call on November 12, 2024 at 4:30 p.m. ET. An archive of the audio webcast "
        "will remain available for at least 90 days following the event.",
        date(2025, 2, 10), [], None, id="for-at-least-n-days",
    ),
    pytest.param(
        "Acme will host a conference call on 4 March 2025 at 10:00 CET. A recording of the call will be "
        "available until 27.03.2025 at +49 69 2222 10625, PIN 7654321.",
        date(2025, 3, 27), ["+49 69 2222 10625"], "7654321", id="european-day-first-dotted-date",
    ),
    pytest.param(
        "Acme will host a conference call on March 4, 2025 at 4:30 p.m. ET.\n\nReplay Information\n"
        "Replay end: March 11, 2025\nToll Free: 1-877-660-6853\nReplay ID: 13751042",
        date(2025, 3, 11), ["1-877-660-6853"], "13751042", id="labelled-end-date-in-details-list",
    ),
    pytest.param(
        "Agilent management will host a live webcast of its conference call today at 7 a.m. (PT). The webcast "
        "will remain on the company site for seven days. A telephone replay of the conference call will be "
        "available starting at 11 a.m. (PT) on Feb. 21 through Feb. 28 by dialing +1 719 457 0820 and entering "
        "pass code 101496.",
        date(2003, 2, 28), ["+1 719 457 0820"], "101496", id="printed-date-wins-over-days",
    ),
    pytest.param(
        "Acme will host a conference call today at 1:30 p.m. (PDT). A replay of the call will be available through "
        "midnight Monday, Nov. 11 by calling (888) 555-1112. The required confirmation code for the replay is 825570.",
        date(2024, 11, 11), ["(888) 555-1112"], "825570", id="code-for-the-replay-is",
    ),
    pytest.param(
        "Acme will conduct its quarterly earnings review on Thursday, November 7, 2024 at 10:00 a.m. ET. The call "
        "will be webcast, and a replay will be available at that same website until November 7, 2025.\n\n"
        "A telephone replay of the conference call will be available from 2:00 p.m. ET, Thursday, November 7, 2024 "
        "until 8:00 p.m. ET, Thursday, November 14, 2024. To access the replay, call 404-555-3406.",
        date(2024, 11, 14), ["404-555-3406"], None, id="the-telephone-replays-date-wins-over-the-archives",
    ),
]


@pytest.mark.parametrize(("text", "until", "dial_in", "passcode"), REPLAY_CASES)
def test_replay(text, until, dial_in, passcode):
    replay = call_of(text, release_date=date(2003, 2, 21) if "Agilent" in text else date(2024, 11, 7)).replay
    assert replay is not None
    assert replay.until == until
    assert list(replay.dial_in) == dial_in
    assert replay.passcode == passcode


def test_list_of_long_details_is_not_read_as_wrapped_prose():
    # A "Call me link" (a phone call-back page) over the webcast link, each line long enough to
    # look hard-wrapped: the webcast is the line labelled so.
    document = to_document(
        "Lumen will host a conference call and webcast at 4:30 p.m. ET on Thursday, March 6, 2025.\n\n"
        "Toll Free: 877-407-0784\nConference ID: 13751042\n"
        "Call me link: https://callme.viavid.com/viavid/?callme=true&passcode=13751042\n"
        "Webcast: https://viavid.webcasts.com/starthere.jsp?ei=1705432\n",
        filename="release.txt",
    )
    (call,) = find_calls(document.blocks, release_date=date(2025, 2, 20), website=None)
    assert call.webcast_url == "https://viavid.webcasts.com/starthere.jsp?ei=1705432"
    assert (call.dial_in, call.passcode) == (("877-407-0784",), "13751042")


def test_plural_webcasts_of_two_conferences_give_two_calls():
    calls = find_calls(blocks(
        "Orbis Medical today announced that management will participate in the following investor conferences:\n\n"
        "Morgan Stanley 22nd Annual Global Healthcare Conference\nFormat: Fireside chat\n"
        "Date: Wednesday, September 4, 2024\nTime: 11:10 a.m. ET\n\n"
        "Baird 2024 Global Healthcare Conference\nFormat: Presentation\nDate: Tuesday, September 10, 2024\n"
        "Time: 2:05 p.m. ET\n\n"
        "Live webcasts of the events will be available on the investor relations website at ir.orbismedical.com. "
        "Replays will be available for 90 days following the events."
    ), release_date=date(2024, 8, 26), website=None)
    assert [(c.starts_at, c.webcast_url, c.replay.until) for c in calls] == [
        (at("2024-09-04T11:10:00-04:00"), "ir.orbismedical.com", date(2024, 12, 3)),
        (at("2024-09-10T14:05:00-04:00"), "ir.orbismedical.com", date(2024, 12, 9)),
    ]


def test_web_conference_is_a_call():
    call = call_of(
        "INFICON will host a web conference via Microsoft Teams on Thursday, October 23, 2025, at 09.30 a.m. "
        "CEST. You can access the web conference via the following link:\n\nhttps://www.acme.com/web-conference",
        release_date=date(2025, 10, 15),
    )
    assert call.starts_at == at("2025-10-23T09:30:00+02:00")
    assert call.webcast_url == "https://www.acme.com/web-conference"


def test_live_presentation_on_an_online_platform_is_a_call():
    call = call_of(
        "Chief Executive Officer Peter Lang will provide a live presentation relating to the trading update via "
        "the Investor Meet Company platform on 16 January 2025 at 10:00 GMT.\n\n"
        "Investors can sign up to Investor Meet Company for free and add to meet Halden Resources plc via: "
        "https://www.investormeetcompany.com/halden-resources-plc/register-investor",
        release_date=date(2025, 1, 14),
    )
    assert call.starts_at == at("2025-01-16T10:00:00+00:00")
    assert call.webcast_url == "https://www.investormeetcompany.com/halden-resources-plc/register-investor"


def test_replay_with_the_same_conference_id_takes_the_live_code():
    call = call_of(
        "Crestline will host a conference call tomorrow at 4:30 p.m. Central Time.\n\n"
        "Dial-in: 1-800-715-9871 (Conference ID: 6284519)\n\n"
        "A telephone replay will be available through February 18, 2025 at 1-800-770-2030, using the same "
        "conference ID.",
        release_date=date(2025, 2, 3),
    )
    assert call.starts_at == at("2025-02-04T16:30:00-06:00")
    assert (call.passcode, call.replay.passcode, call.replay.dial_in) == ("6284519", "6284519", ("1-800-770-2030",))


def test_live_and_archived_webcast_notes_a_replay():
    call = call_of("A live and archived webcast of the call on March 4, 2025 at 9:00 a.m. ET will be available "
                   "at https://edge.media-server.com/mmc/p/abc.")
    assert call.webcast_url == "https://edge.media-server.com/mmc/p/abc"
    assert call.replay is not None


def test_no_replay_mentioned_gives_none():
    assert call_of("Acme will host a webcast on March 4, 2025 at 9:00 a.m. ET at www.acme.com/ir.").replay is None


def test_replay_numbers_are_not_live_numbers():
    call = call_of(
        "Conference call on November 8, 2024 at 8:30 AM (ET).\n\nToll Free: 1-800-267-6316\n\n"
        "A replay will be made available through November 29, 2024:\n\n"
        "Toll-Free: 1-844-512-2921 or 1-412-317-6671\n\nReplay Access ID: 11157276"
    )
    assert call.dial_in == ("1-800-267-6316",)
    assert call.replay.dial_in == ("1-844-512-2921", "1-412-317-6671")
    assert call.passcode is None and call.replay.passcode == "11157276"


# --- times and zones ----------------------------------------------------------------------

TIME_CASES = [
    pytest.param("a conference call at 4:30 p.m. ET on Thursday, October 27, 2011", date(2011, 10, 20),
                 "2011-10-27T16:30:00-04:00", "America/New_York", id="et-in-daylight-time"),
    pytest.param("a conference call at 4:30 p.m. ET on Tuesday, November 12, 2024", date(2024, 11, 7),
                 "2024-11-12T16:30:00-05:00", "America/New_York", id="et-in-standard-time"),
    pytest.param("a conference call on July 24, 2025 at 10:00 a.m. EST", date(2025, 7, 24),
                 "2025-07-24T10:00:00-04:00", "America/New_York", id="est-printed-in-summer-means-local"),
    pytest.param("a conference call on 13 November 2025 from 14:00 to 15:00 p.m. CET", date(2025, 11, 6),
                 "2025-11-13T14:00:00+01:00", "Europe/Berlin", id="cet-range-24-hour"),
    pytest.param("a webcast on 10 June 2025 at 13:00 CEST", date(2025, 6, 1),
                 "2025-06-10T13:00:00+02:00", "Europe/Berlin", id="cest"),
    pytest.param("a conference call at 9:00 a.m. UK time on 24 July 2025", date(2025, 7, 1),
                 "2025-07-24T09:00:00+01:00", "Europe/London", id="uk-time-in-summer"),
    pytest.param("a conference call at 10:00 a.m. Central Time (4:00 p.m. London time) on Thursday, 3 May 2012",
                 date(2012, 5, 2), "2012-05-03T10:00:00-05:00", "America/Chicago", id="first-zone-wins"),
    pytest.param("a live webcast today at 7 a.m. (PT)", date(2003, 2, 21),
                 "2003-02-21T07:00:00-08:00", "America/Los_Angeles", id="today-with-zone-in-brackets"),
    pytest.param("a conference call tomorrow, at 8:30 a.m. Eastern Time", date(2025, 3, 3),
                 "2025-03-04T08:30:00-05:00", "America/New_York", id="tomorrow"),
    pytest.param("the Investor Summit conference call. Presentation Date: September 16, 2:30 PM ET",
                 date(2025, 9, 9), "2025-09-16T14:30:00-04:00", "America/New_York", id="year-from-release"),
    pytest.param("a conference call on January 8 at 9:00 a.m. ET", date(2024, 12, 18),
                 "2025-01-08T09:00:00-05:00", "America/New_York", id="year-rolls-over"),
    pytest.param("a conference call on February 13, 2025 at 10.00 a.m. Eastern Time", date(2025, 2, 12),
                 "2025-02-13T10:00:00-05:00", "America/New_York", id="dot-between-hour-and-minute"),
    pytest.param("a conference call at 09:00 ET (16:00 Israel time) on February 12, 2025", date(2025, 2, 12),
                 "2025-02-12T09:00:00-05:00", "America/New_York", id="24-hour-with-local-equivalent"),
    pytest.param("a conference call on 20 February 2025 at 14h00 CET", date(2025, 2, 1),
                 "2025-02-20T14:00:00+01:00", "Europe/Berlin", id="french-hours"),
    pytest.param("an earnings call on 14 August 2025 at 10:00 HKT", date(2025, 8, 1),
                 "2025-08-14T10:00:00+08:00", "Asia/Hong_Kong", id="hong-kong"),
    pytest.param("an earnings call on 20 February 2025 at 11:00 AEDT", date(2025, 2, 1),
                 "2025-02-20T11:00:00+11:00", "Australia/Sydney", id="sydney-daylight"),
    pytest.param("a results webcast on 26 February 2025 at 8.30am (AEDT)", date(2025, 2, 1),
                 "2025-02-26T08:30:00+11:00", "Australia/Sydney", id="asx-dot-time-zone-in-brackets"),
    pytest.param("a conference call on 21 March 2025 at 3:00 p.m. Hong Kong time", date(2025, 3, 1),
                 "2025-03-21T15:00:00+08:00", "Asia/Hong_Kong", id="hong-kong-time"),
    pytest.param("a conference call on 13 February 2025 at 15:00 hrs CET", date(2025, 2, 1),
                 "2025-02-13T15:00:00+01:00", "Europe/Berlin", id="hours-word-before-zone"),
    pytest.param("a conference call today, February 13, at 4:00 p.m. CET (3:00 p.m. GMT)", date(2025, 2, 13),
                 "2025-02-13T16:00:00+01:00", "Europe/Berlin", id="first-zone-wins-in-brackets"),
    pytest.param("an earnings conference call at 7:00 A.M. U.S. Eastern Time on March 5, 2025 or 8:00 P.M. "
                 "Beijing Time", date(2025, 2, 14), "2025-03-05T07:00:00-05:00", "America/New_York",
                 id="first-zone-wins-after-its-date"),
    pytest.param("a conference call at 7:00 am, Eastern Time on March 2, 2020, (8:00 pm, Beijing/Hong Kong Time on "
                 "March 2, 2020)", date(2020, 2, 20), "2020-03-02T07:00:00-05:00", "America/New_York",
                 id="comma-between-time-and-zone"),
]


@pytest.mark.parametrize(("sentence", "released", "starts_at", "zone"), TIME_CASES)
def test_start_time_and_zone(sentence, released, starts_at, zone):
    call = call_of(f"Acme will host {sentence}.", release_date=released)
    assert call.starts_at == at(starts_at)
    assert call.starts_at.utcoffset() == at(starts_at).utcoffset()
    assert call.zone == zone


def test_that_day_takes_the_date_of_the_sentence_before():
    call = call_of(
        "Zeta will report its second quarter 2025 financial results after the market closes on Wednesday, "
        "August 6, 2025. Management will host a conference call and webcast at 4:30 p.m. ET that day.",
        release_date=date(2025, 7, 30),
    )
    assert call.starts_at == at("2025-08-06T16:30:00-04:00")


def test_time_without_a_day_falls_on_the_release_date():
    call = call_of(
        "Agilent management will present more details on a conference call with investors beginning at "
        "1:30 P.M. (Pacific). This event will be webcast live.",
        release_date=date(2005, 11, 14),
    )
    assert call.starts_at == at("2005-11-14T13:30:00-08:00")


def test_weekday_without_date_is_the_next_such_day():
    call = call_of("Acme will hold a conference call on Thursday at 10:00 a.m. ET.", release_date=date(2025, 2, 10))
    assert call.starts_at == at("2025-02-13T10:00:00-05:00")


def test_date_and_time_on_lines_of_their_own_under_the_heading():
    call = call_of("Conference Call Information\n\nThursday, February 13, 2025\n\n10:00 a.m. ET\n\n"
                   "Dial-in: 1-800-555-0134", release_date=date(2025, 2, 10))
    assert call.starts_at == at("2025-02-13T10:00:00-05:00")
    assert call.dial_in == ("1-800-555-0134",)


def test_date_without_year_takes_it_from_the_body_when_the_release_has_no_date():
    call = call_of(
        "Acme will issue its results on Tuesday, August 19, 2025. The company will host a conference call on "
        "Wednesday, August 20 at 9:00AM Eastern Time.",
        release_date=None,
    )
    assert call.starts_at == at("2025-08-20T09:00:00-04:00")


REGION_CASES = [
    pytest.param("BEIJING, March 5, 2025 /PRNewswire/ -- Acme Ltd. will hold a conference call at 8:00 p.m. CST "
                 "on March 5, 2025.", "2025-03-05T20:00:00+08:00", id="cst-in-a-release-from-china"),
    pytest.param("DUBLIN, Ireland, March 5, 2025 -- Acme plc will hold a conference call at 9:00 a.m. IST on "
                 "July 5, 2025.", "2025-07-05T09:00:00+01:00", id="ist-in-an-irish-release"),
    pytest.param("TEL AVIV, Israel, March 5, 2025 -- Acme Ltd. will hold a conference call at 4:00 p.m. IST on "
                 "March 5, 2025.", "2025-03-05T16:00:00+02:00", id="ist-in-an-israeli-release"),
    pytest.param("CHICAGO, March 5, 2025 -- Acme Inc. will hold a conference call at 8:00 a.m. CST on "
                 "March 5, 2025.", "2025-03-05T08:00:00-06:00", id="cst-elsewhere-is-us-central"),
]


@pytest.mark.parametrize(("text", "starts_at"), REGION_CASES)
def test_shared_zone_letters_read_by_the_release_country(text, starts_at):
    assert call_of(text, release_date=date(2025, 3, 5)).starts_at.isoformat() == starts_at


def test_time_without_zone_has_no_instant():
    call = call_of("Acme will host a conference call on March 4, 2025 at 4:30 p.m. Dial 1-800-555-0134.")
    assert call.starts_at is None and call.zone is None
    assert call.dial_in == ("1-800-555-0134",)


def test_call_announced_without_time_yet_is_a_call():
    call = call_of("Acme will host a conference call to discuss its first quarter results on May 6, 2025. "
                   "Details will be provided closer to the date.")
    assert (call.starts_at, call.dial_in, call.webcast_url) == (None, (), None)


def test_today_without_release_date_has_no_instant():
    call = call_of("Acme will host a conference call today at 4:30 p.m. ET. Dial 1-800-555-0134.",
                   release_date=None)
    assert call.starts_at is None


def test_quarter_end_date_is_not_the_call_date():
    call = call_of("Acme will host a conference call at 4:30 p.m. ET on Thursday, October 27, 2011, to discuss "
                   "its results for the quarter ended September 30, 2011.")
    assert call.starts_at == datetime(2011, 10, 27, 16, 30, tzinfo=ZoneInfo("America/New_York"))


def test_document_time_is_not_the_call_time():
    call = call_of(
        "Novem invites investors to a conference call on 13 November 2025 at 14:00 CET.\n\n"
        "The interim report will be available on 13 November 2025 at 9:00 a.m. CET on the website.",
        release_date=date(2025, 11, 6),
    )
    assert call.starts_at == at("2025-11-13T14:00:00+01:00")


# --- how many calls -----------------------------------------------------------------------


def test_two_presentations_on_separate_days_are_two_calls():
    calls = find_calls(
        blocks(
            "Acme will present at the Jefferies Healthcare Conference on Wednesday, June 4, 2025 at 10:30 a.m. ET. "
            "A live webcast will be available at https://wsw.com/webcast/jeff/acme/.\n\n"
            "Acme will also present at the Goldman Sachs Healthcare Conference on Tuesday, June 10, 2025 at "
            "2:00 p.m. ET. A live webcast will be available at https://kvgo.com/gs/acme-june-2025."
        ),
        release_date=date(2025, 5, 28),
        website=None,
    )
    assert [(c.starts_at, c.webcast_url) for c in calls] == [
        (at("2025-06-04T10:30:00-04:00"), "https://wsw.com/webcast/jeff/acme/"),
        (at("2025-06-10T14:00:00-04:00"), "https://kvgo.com/gs/acme-june-2025"),
    ]


@pytest.mark.parametrize("time, starts_at", [
    ("3:10 - 3:20 Eastern Time", "2025-04-16T15:10:00-04:00"),
    ("11:30 Eastern Time", "2025-04-16T11:30:00-04:00"),
    ("03:10 CET", "2025-04-16T03:10:00+02:00"),
])
def test_an_american_afternoon_printed_without_pm(time, starts_at):
    [call] = find_calls(blocks(f"We are thrilled to be presenting at the Emerging Growth Conference live {time} on "
                               "Wednesday, April 16, 2025. Presentation link: "
                               "https://goto.webcasts.com/starthere.jsp?ei=1705403"),
                        release_date=date(2025, 4, 10), website=None)
    assert call.starts_at.isoformat() == starts_at


def test_two_conferences_on_days_of_their_own_in_one_sentence_are_two_calls():
    calls = find_calls(
        blocks(
            "Acme Robotics, Inc. today announced that management will participate in the Morgan Stanley Technology, "
            "Media & Telecom Conference on February 26 at 10:00am ET and the Raymond James Institutional Investors "
            "Conference on March 3 at 10:40am ET. Live webcasts of the presentations will be available on the "
            "investor relations section of the company's website at ir.acmerobotics.com."
        ),
        release_date=date(2020, 2, 18),
        website=None,
    )
    assert [(c.starts_at, c.webcast_url) for c in calls] == [
        (at("2020-02-26T10:00:00-05:00"), "ir.acmerobotics.com"),
        (at("2020-03-03T10:40:00-05:00"), "ir.acmerobotics.com"),
    ]


def test_results_time_and_call_time_on_two_days_in_one_sentence_are_one_call():
    calls = find_calls(
        blocks(
            "Acme will release its results on February 25, 2020 at 4:05 p.m. ET and will host a conference call "
            "on February 26, 2020 at 8:30 a.m. ET."
        ),
        release_date=date(2020, 2, 10),
        website=None,
    )
    assert [c.starts_at for c in calls] == [at("2020-02-26T08:30:00-05:00")]


def test_sessions_of_one_day_with_links_of_their_own_are_two_calls():
    found = find_calls(blocks(
        "Presentations today 11 February 2025:\n\n"
        "The results will be presented through a live webcast at 08:30 (CET): in Norwegian at 08:30 and in "
        "English at 09:30.\n\n"
        "The Norwegian presentation at 08:30 can be accessed at: https://channel.royalcast.com/acme/20250211_6/\n\n"
        "The English presentation at 09:30 can be accessed at:\nhttps://channel.royalcast.com/acme/20250211_7/"
    ), release_date=date(2025, 2, 11), website=None)
    assert [(c.starts_at.isoformat(), c.webcast_url) for c in found] == [
        ("2025-02-11T08:30:00+01:00", "https://channel.royalcast.com/acme/20250211_6/"),
        ("2025-02-11T09:30:00+01:00", "https://channel.royalcast.com/acme/20250211_7/"),
    ]


def test_dial_in_time_and_replay_link_do_not_make_a_second_session():
    found = find_calls(blocks(
        "Acme will host a conference call on March 4, 2025 at 10:00 a.m. ET. The webcast is at "
        "https://edge.media-server.com/mmc/p/abc1.\n\n"
        "A replay will be available after 1:00 p.m. ET at https://edge.media-server.com/mmc/p/abc2."
    ), release_date=date(2025, 3, 1), website=None)
    assert [(c.starts_at.isoformat(), c.webcast_url) for c in found] == [
        ("2025-03-04T10:00:00-05:00", "https://edge.media-server.com/mmc/p/abc1"),
    ]


def test_one_site_page_serves_presentations_at_two_conferences():
    calls = find_calls(
        blocks(
            "Management will participate in the following upcoming investor conferences:\n\n"
            "- J.P. Morgan 43rd Annual Healthcare Conference. Presentation on Tuesday, January 14, 2025 at "
            "10:30 a.m. PT.\n\n- Guggenheim SMID Cap Biotech Conference. Fireside chat on Wednesday, February 5, "
            "2025 at 1:00 p.m. ET.\n\nA live webcast of the presentations will be available on the Investors "
            "section of Acme Bio's website at ir.acmebio.com. Replays will be available for 90 days following "
            "each event."
        ),
        release_date=date(2025, 1, 6),
        website=None,
    )
    assert [(c.starts_at, c.webcast_url, c.replay.until) for c in calls] == [
        (at("2025-01-14T10:30:00-08:00"), "ir.acmebio.com", date(2025, 4, 14)),
        (at("2025-02-05T13:00:00-05:00"), "ir.acmebio.com", date(2025, 5, 6)),
    ]


def test_one_webcast_with_two_agenda_items_is_one_call():
    calls = find_calls(
        blocks(
            "Multitude invites analysts to its combined Earnings Call and Capital Markets Day webcast.\n\n"
            "The event will be held on Thursday, 13 November 2025, starting with the Earnings Call at 13:00 CET. "
            "The Capital Markets Day presentation will commence at 13:45 CET."
        ),
        release_date=date(2025, 10, 9),
        website=None,
    )
    assert [c.starts_at for c in calls] == [at("2025-11-13T13:00:00+01:00")]


def test_details_repeated_further_down_complete_the_same_call():
    calls = find_calls(
        blocks(
            "Paltalk will host its conference call on Tuesday, November 12, 2024 at 4:30 p.m. Eastern Time.\n\n"
            "Paltalk CEO Jason Katz will discuss the results.\n\nThird Quarter 2024 Conference Call\n\n"
            "Date: Tuesday, November 12, 2024\n\nTime: 4:30 PM ET\n\nToll Free: 888-506-0062"
        ),
        release_date=date(2024, 11, 7),
        website=None,
    )
    assert len(calls) == 1
    assert calls[0].dial_in == ("888-506-0062",)


NO_CALL_CASES = [
    pytest.param("We continue to push forward, as outlined during our previous earnings call.",
                 id="past-call-in-quote"),
    pytest.param("BILL (NYSE: BILL) today announced Rohini Jain will join BILL as Chief Financial Officer on July 7th.",
                 id="appointment"),
    pytest.param("For more information, please call our customer desk at 1-800-555-0100.", id="phone-without-call"),
]


@pytest.mark.parametrize("text", NO_CALL_CASES)
def test_release_without_a_call(text):
    assert find_calls(blocks(text), release_date=date(2024, 11, 7), website=None) == ()


# Pieces of call paragraphs, shuffled and cut at random: whatever comes of them, find_calls
# returns calls (or none) and never raises.
CALL_PIECES = ["conference call", " at 4:30 p.m. ET", " on March 4, 2025", " dial 1-800-555-0134", " Passcode: ",
               " replay", " through ", " for 30 days", " https://x.com/w", " today", " (", "\n", ".", " 13:00 CET",
               " Conference ID ", "\"", " ask for the ", " until 11:59 p.m.", " +44 (0)20 7946 0000", " tomorrow"]


@given(st.lists(st.lists(st.sampled_from(CALL_PIECES) | st.text(max_size=12), max_size=12), max_size=8),
       st.none() | st.dates())
@settings(max_examples=150, deadline=None)
def test_any_text_gives_calls_or_none(paragraphs, released):
    calls = find_calls([Block("".join(p)) for p in paragraphs], release_date=released, website="www.x.com")
    assert all(call.starts_at is None or call.starts_at.tzinfo is not None for call in calls)


# --- which units speak of a call ----------------------------------------------------------

RELATED_CASES = [
    pytest.param("An encore presentation follows the event.", id="encore"),
    pytest.param("The session remains available on the website.", id="remains-available"),
    pytest.param("A Playback of the Call follows.", id="playback-capitalised"),
    pytest.param("Meeting Number: 2634 118 0911", id="meeting-number"),
    pytest.param("Confirmation Code: 55129", id="confirmation-code"),
    pytest.param("WHERE: Grand Hyatt New York", id="where-label"),
    pytest.param("U.S. toll-free: 1-877-407-0789", id="phone-line"),
    pytest.param("Listen online at acme.com/investors/events", id="site-path"),
]


@pytest.mark.parametrize("text", RELATED_CASES)
def test_unit_that_speaks_of_a_call_is_related(text):
    assert is_related(Unit(text))


@pytest.mark.parametrize("text", [
    pytest.param("Revenue rose 12% to $4.1 billion, driven by the Americas.", id="figures"),
    pytest.param("Net income\t1,204\t987\t22%", id="table-row"),
])
def test_unit_of_prose_or_figures_is_not_related(text):
    assert not is_related(Unit(text))


CALL_PHRASES = [
    "Conference-Call", "call", "WEBCAST", "web cast", "Webinar", "teleconference", "dial-in", "live streaming",
    "fireside chat", "Investor Day", "capital markets day", "presenting at", "presentation", "re-play",
    "rebroadcast", "Playback", "archiving", "recorded", "encore", "on-demand", "remains accessible",
    "pass code", "Password", "PIN number", "Conference I.D.", "access number", "entry code", "participant code",
    "Meeting ID", "event passcode", "webinar id", "confirmation number", "reservation code", "replay pin",
]


@given(st.lists(st.sampled_from(CALL_PHRASES) | st.text(max_size=8), max_size=6).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_keyword_precheck_never_hides_a_call_pattern(text):
    # is_related skips the big patterns when no hint word is present: the hint must cover them.
    if CALL_WORD_RE.search(text) or REPLAY_RE.search(text) or PASSCODE_RE.search(text):
        assert is_related(Unit(text))


def test_to_listen_after_a_replay_sentence_dials_the_replay():
    call = call_of(
        "Acme will host a conference call on November 13, 2024 at 8:30 a.m. ET.\n\nUSA Dial In: 888-555-0062\n\n"
        "Participant Access Code: 831836\n\nA replay of the teleconference will be available through Thursday, "
        "November 27, 2024. To listen, please call USA: 877-555-4010 or International: 919-555-2331; Replay "
        "Passcode: 52015."
    )
    assert call.dial_in == ("888-555-0062",)
    assert (call.replay.dial_in, call.replay.passcode) == (("877-555-4010", "919-555-2331"), "52015")


def test_a_wires_tracking_link_leads_to_its_target_and_the_releases_own_copy_is_no_webcast():
    register = ("https://c212.net/c/link/?t=0&l=en&o=1-1&h=1&u=https%3A%2F%2Facme.events.inderes.com%2Fq4%2Fregister"
                "&a=here")
    call = call_of(
        "Acme will present its fourth quarter results in a webcast on 11 February 2025 at 09:30 CET. Register for "
        "the webcast here.\n\nhttps://news.cision.com/acme/r/invitation-to-the-webcast,c4103225",
        links=[Link("here", register)],
    )
    assert call.webcast_url == "https://acme.events.inderes.com/q4/register"


def test_a_nordic_report_presentation_with_the_webcasts_own_registration_page():
    call = call_of(
        "The report will be presented at 09:30 CET by CEO Jane Doe and CFO John Roe. The presentation will be held "
        "in English and can be followed online or by phone.\n\n**Link to webcast**\n\n"
        "https://acme.events.inderes.com/q4-report-2024/register\n\n**Telephone conference**\n\n"
        "To participate in the conference call, please register via this link: "
        "https://conference.inderes.com/teleconference/?id=50050313",
        release_date=date(2025, 2, 11),
    )
    assert call.starts_at.isoformat() == "2025-02-11T09:30:00+01:00"
    assert call.webcast_url == "https://acme.events.inderes.com/q4-report-2024/register"
    assert call.dial_in == ()
