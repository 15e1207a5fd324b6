"""find_calls on layouts first met in held-out releases: each test is an invented release of that layout."""

from datetime import date, datetime

import pytest

from releases.parsing.calls import find_calls
from releases.parsing.document import Block, to_document


def blocks(text: str) -> list[Block]:
    return [Block(part.strip("\n")) for part in text.split("\n\n") if part.strip()]


def calls_of(text: str, *, release_date=date(2025, 2, 11), website="https://www.example.com"):
    return find_calls(blocks(text), release_date=release_date, website=website)


# --- a time followed by a place alone: "3:00PM Taiwan (2:00AM New York)" ------------------

PLACE_ZONE_CASES = [
    pytest.param(
        "Hanwa Semiconductor will host a conference call on Tuesday, February 25, 2025.\n\n"
        "Time: 3:00PM Taipei (2:00AM New York)",
        "2025-02-25T15:00:00+08:00", id="taiwan-time-then-new-york",
    ),
    pytest.param(
        "Kumo Holdings will hold an earnings call on March 4, 2025 at 4:00 p.m. Tokyo (2:00 a.m. London).",
        "2025-03-04T16:00:00+09:00", id="tokyo-then-london",
    ),
    pytest.param(
        "Southern Cross Minerals will webcast its half-year results on 20 February 2025 at 10:00 Sydney / "
        "07:00 Singapore.",
        "2025-02-20T10:00:00+11:00", id="sydney-slash-singapore-24h",
    ),
]


@pytest.mark.parametrize(("text", "starts_at"), PLACE_ZONE_CASES)
def test_place_printed_after_the_time_is_its_zone(text, starts_at):
    (call,) = calls_of(text)
    assert call.starts_at == datetime.fromisoformat(starts_at)


def test_place_inside_a_longer_phrase_is_no_zone():
    (call,) = calls_of("Acme will host a conference call on March 4, 2025 at 4:00 p.m. London office staff attend.")
    assert call.starts_at is None


# --- a details list under a sentence that names the replay in passing ----------------------

DETAILS_AFTER_REPLAY_SENTENCE = [
    pytest.param(
        "Hanwa Semiconductor today announced that it will host a conference call on February 25, 2025.\n\n"
        "Investors are encouraged to participate using the dial-in number noted below. A webcast and replay "
        "will be available on the Company's website.\n\n"
        "Date: Tuesday, February 25, 2025\n\nTime: 3:00PM Taipei (2:00AM New York)\n\n"
        "Dial-In: +886-2-2700 5000\n\nPassword: 5523101 #\n\n"
        "Webcast and Replay: https://www.hanwa-semi.example.tw/ir/events\n\n"
        "Replay: Starts approximately 2 hours after the live call ends",
        ["+886-2-2700 5000"], "5523101", "https://www.hanwa-semi.example.tw/ir/events", id="taiwan-details-list",
    ),
    pytest.param(
        "Daeho Chemical will hold its fourth quarter earnings call on March 6, 2025.\n\n"
        "An archived recording of the webcast will be posted on the investor relations website afterwards.\n\n"
        "Date: Thursday, March 6, 2025\n\nTime: 4:00 PM KST\n\nDial-in: +82-2-3140-9800\n\nPasscode: 7788\n\n"
        "Webcast: https://events.example.kr/daeho/q4",
        ["+82-2-3140-9800"], "7788", "https://events.example.kr/daeho/q4", id="korea-recording-sentence-first",
    ),
]


@pytest.mark.parametrize(("text", "dial_in", "passcode", "webcast"), DETAILS_AFTER_REPLAY_SENTENCE)
def test_details_list_after_a_replay_sentence_is_the_live_call(text, dial_in, passcode, webcast):
    (call,) = calls_of(text)
    assert list(call.dial_in) == dial_in
    assert call.passcode == passcode
    assert call.webcast_url == webcast
    assert call.replay is not None
    assert call.starts_at is not None


def test_replay_heading_still_hands_replay_on_to_its_lines():
    (call,) = calls_of(
        "Acme will host a conference call on March 6, 2025 at 4:30 p.m. ET.\n\nDial-in: 1-877-407-0784\n\n"
        "Replay:\n\nToll-free: 1-844-512-2921\n\nPasscode: 13751042"
    )
    assert list(call.dial_in) == ["1-877-407-0784"]
    assert list(call.replay.dial_in) == ["1-844-512-2921"]
    assert call.replay.passcode == "13751042"


def test_contact_sentence_run_into_the_call_paragraph_gives_no_dial_in():
    (call,) = calls_of(
        "Desert Robotics announced that its earnings call is scheduled for Thursday, March 10, 2016 at 11 a.m. ET., "
        "To join the live audio presentation, please dial toll free at 866-555-0142. The pass code is 55120., "
        "For investor relations information please contact Dana Whitfield by phone at 602-555-0117.",
        release_date=date(2016, 3, 3),
    )
    assert list(call.dial_in) == ["866-555-0142"]
    assert call.passcode == "55120"


# --- a list of presentations under "will present at the following conferences:" -----------

def test_each_listed_presentation_is_a_call_even_two_on_one_day():
    found = calls_of(
        "TORONTO, Feb. 24, 2025 /CNW/ -- Northern Lynx Software today announced that its CFO will be presenting at "
        "the following upcoming investor conferences:\n\n"
        "RBC Capital Markets Technology Conference on Monday, March 3, 2025 at 10:40am ET in New York, NY.\n\n"
        "Canaccord Genuity Software Summit on Tuesday, March 4, 2025 at 9:00am ET in Boston, MA.\n\n"
        "TD Securities Tech Day on Tuesday, March 4, 2025 at 2:30pm ET in Toronto, ON.\n\n"
        "Live webcasts and replays of the presentations will be accessible at https://investors.nlynx.example/events.",
        release_date=date(2025, 2, 24),
    )
    assert [c.starts_at.isoformat() for c in found] == [
        "2025-03-03T10:40:00-05:00", "2025-03-04T09:00:00-05:00", "2025-03-04T14:30:00-05:00",
    ]
    assert {c.webcast_url for c in found} == {"https://investors.nlynx.example/events"}
    assert all(c.replay is not None for c in found)


def test_listed_presentations_share_the_website_section_named_below():
    found = calls_of(
        "Harrow Biologics plc will present at the following investor conferences:\n\n"
        "Jefferies London Healthcare Conference on Wednesday 19 November 2025 at 14:30 GMT.\n\n"
        "Berenberg European Conference on Wednesday 19 November 2025 at 16:00 GMT.\n\n"
        "The presentations will be webcast live on the Investors section of the Company's website.",
        release_date=date(2025, 11, 12), website="https://www.harrowbio.example",
    )
    assert [c.starts_at.isoformat() for c in found] == ["2025-11-19T14:30:00+00:00", "2025-11-19T16:00:00+00:00"]
    assert [c.webcast_url for c in found] == ["https://www.harrowbio.example"] * 2


def test_details_list_after_a_colon_is_still_one_call():
    found = calls_of(
        "Acme will host a conference call to discuss its results. Conference call details:\n\n"
        "Date: Tuesday, March 4, 2025\n\nTime: 10:00 a.m. ET\n\nDial-in: 1-877-407-0784\n\n"
        "Replay: available until March 11, 2025 at 11:59 p.m. ET",
        release_date=date(2025, 2, 24),
    )
    assert [c.starts_at.isoformat() for c in found] == ["2025-03-04T10:00:00-05:00"]
    assert found[0].replay.until == date(2025, 3, 11)


@pytest.mark.parametrize("sentence", [
    "A live webcast and replay of the call will be available at https://ir.acme.example/events.",
    "Live webcasts, as well as replays, will be available at https://ir.acme.example/events.",
])
def test_one_link_for_the_webcast_and_its_replay(sentence):
    (call,) = calls_of(f"Acme will host a conference call on March 3, 2025 at 10:00 a.m. ET. {sentence}")
    assert call.webcast_url == "https://ir.acme.example/events"
    assert call.replay is not None


# --- a national toll-free number named in a sentence --------------------------------------

@pytest.mark.parametrize(("sentence", "number"), [
    ("The toll-free Israeli number is 1 809 406 247.", "1 809 406 247"),
    ("Toll-free Australia: 1800 123 456.", "1800 123 456"),
    ("The toll-free number in Italy: 800 231 525.", "800 231 525"),
])
def test_national_toll_free_number_in_a_sentence_is_a_dial_in(sentence, number):
    (call,) = calls_of(
        "Acme will host a conference call on March 3, 2025 at 8:30 a.m. ET. To access the call, participants may "
        f"dial toll-free at 1-877-407-0792 or 1-201-689-8263. {sentence}"
    )
    assert list(call.dial_in) == ["1-877-407-0792", "1-201-689-8263", number]


@pytest.mark.parametrize("note", [
    "NOTE TO EDITORS: For additional information visit Orchard's PR website (www.orchard.example/pr), or call "
    "Orchard's Media Helpline at (408) 555-0142.",
    "For more information, please visit www.orchard.example or call the press hotline at (408) 555-0142.",
])
def test_helpline_after_the_webcast_is_no_replay_number(note):
    (call,) = calls_of(
        "Orchard will provide live streaming of its quarterly conference call beginning at 2:00 p.m. PST on "
        "January 18, 2011 at www.orchard.example/live. This webcast will also be available for replay for "
        f"approximately two weeks thereafter. {note}",
        release_date=date(2011, 1, 18),
    )
    assert call.dial_in == ()
    assert call.replay.dial_in == ()


# --- Nordic and Dutch results presentations: "will present its results ... at 08:00 CET" ----------

NORDIC_CASES = [
    pytest.param(
        "Nordkraft ASA will present its fourth quarter results on 12 February 2025 at 08:00 CET. The presentation "
        "can be followed live at https://nordkraft.example.no/webcast.",
        "2025-02-12T08:00:00+01:00", "https://nordkraft.example.no/webcast", id="norway-present-its-results",
    ),
    pytest.param(
        "Helsingin Metalli Oyj will publish its interim report on 24 April 2025 at approximately 8:00 EEST. A news "
        "conference for analysts and media will be held in English the same day at 10:00 EEST at the company's "
        "headquarters. The event can be viewed as a live webcast at https://metalli.videosync.example/q1.",
        "2025-04-24T10:00:00+03:00", "https://metalli.videosync.example/q1", id="finland-news-conference",
    ),
    pytest.param(
        "Veldhoven Systems will publish its results on 23 April 2025 at 07:00 CET. A presentation for analysts and "
        "investors will be held at 10:00 CET and can be followed via a live audio webcast on "
        "www.veldhoven.example/investors.",
        "2025-04-23T10:00:00+02:00", "www.veldhoven.example/investors", id="netherlands-publish-then-present",
    ),
]


@pytest.mark.parametrize(("text", "starts_at", "webcast"), NORDIC_CASES)
def test_results_presentation_with_a_webcast_is_a_call(text, starts_at, webcast):
    (call,) = calls_of(text)
    assert call.starts_at == datetime.fromisoformat(starts_at)
    assert call.webcast_url == webcast


def test_press_conference_in_a_hall_is_no_call():
    assert calls_of("Nordkraft ASA will hold a press conference on 12 February 2025 at 10:00 CET at its offices in "
                    "Oslo. Coffee will be served from 09:30.") == ()


# --- a time with its offset from UTC: "20:00 (UTC+8)", "9:00 a.m. (GMT+8)" ---------------------

@pytest.mark.parametrize(("sentence", "starts_at"), [
    ("Huaxin will hold an earnings conference call on March 20, 2025 at 20:00 (UTC+8).", "2025-03-20T20:00:00+08:00"),
    ("Huaxin will hold an earnings conference call on March 20, 2025 at 9:00 a.m. (GMT+8).",
     "2025-03-20T09:00:00+08:00"),
    ("Ostbahn will host a conference call on 6 March 2025 at 16:00 UTC+01:00.", "2025-03-06T16:00:00+01:00"),
    ("Vardhan will host an earnings call on 20 March 2025 at 16:00 (GMT+5:30).", "2025-03-20T16:00:00+05:30"),
])
def test_time_with_its_offset_from_utc(sentence, starts_at):
    (call,) = calls_of(sentence, release_date=date(2025, 3, 4))
    assert call.starts_at == datetime.fromisoformat(starts_at)


def test_one_instant_listed_in_two_zones_is_one_call():
    found = calls_of(
        "Ostbahn AG will host a conference call on its full-year results at the following times:\n\n"
        "Thursday, 6 March 2025 at 14:00 CET\n\nThursday, 6 March 2025 at 8:00 a.m. EST\n\n"
        "The webcast will be available at https://ostbahn.example.de/ir/webcast.",
        release_date=date(2025, 2, 27),
    )
    assert [c.starts_at.isoformat() for c in found] == ["2025-03-06T14:00:00+01:00"]
    assert found[0].webcast_url == "https://ostbahn.example.de/ir/webcast"


def test_a_presenter_line_and_a_register_label_keep_the_time_with_its_link():
    text = (
        "Acme Mining Ltd. will present at a virtual investor conference.\n\nDate: February 12, 2025\n\n"
        "Presentation Time: 12:00pm PT / 3:00pm ET\n\nPresenter: Jane Doe, President & CEO\n\nRegister at:\n\n"
        "https://us06web.zoom.us/webinar/register/7017363579123"
    )
    calls = find_calls(to_document(text).blocks, release_date=date(2025, 2, 10), website=None)
    assert [(c.starts_at.isoformat(), c.webcast_url) for c in calls] == [
        ("2025-02-12T12:00:00-08:00", "https://us06web.zoom.us/webinar/register/7017363579123")
    ]


def test_a_pre_recorded_audio_cast_at_a_time_is_an_event_not_a_replay():
    found = calls_of(
        "On February 14th, 2025, at 8 AM CET, Kvarn Holding AB publishes its year-end report for 2024. The report "
        "will be presented in a pre-recorded audio cast at 10 AM CET the same day.",
        release_date=date(2025, 2, 14),
    )
    assert [(c.starts_at.isoformat(), c.replay) for c in found] == [("2025-02-14T10:00:00+01:00", None)]
