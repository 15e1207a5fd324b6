"""Printed zone words -> IANA names, and the offset in force on the call's date."""

from datetime import date

import pytest

from releases.parsing import zones
from releases.parsing.zones import localize, region_of, zone_name

ZONE_CASES = [
    pytest.param("ET", "America/New_York", id="et"),
    pytest.param("(ET)", "America/New_York", id="et-in-brackets"),
    pytest.param("EST", "America/New_York", id="est"),
    pytest.param("EDT", "America/New_York", id="edt"),
    pytest.param("E.T.", "America/New_York", id="et-with-dots"),
    pytest.param("Eastern Time", "America/New_York", id="eastern-time"),
    pytest.param("Eastern Standard Time", "America/New_York", id="eastern-standard-time"),
    pytest.param("Eastern", "America/New_York", id="eastern-alone"),
    pytest.param("CT", "America/Chicago", id="ct"),
    pytest.param("Central Time", "America/Chicago", id="central-time"),
    pytest.param("MT", "America/Denver", id="mt"),
    pytest.param("PT", "America/Los_Angeles", id="pt"),
    pytest.param("Pacific Time", "America/Los_Angeles", id="pacific-time"),
    pytest.param("GMT", "Europe/London", id="gmt"),
    pytest.param("BST", "Europe/London", id="bst"),
    pytest.param("UK time", "Europe/London", id="uk-time"),
    pytest.param("London time", "Europe/London", id="london-time"),
    pytest.param("CET", "Europe/Berlin", id="cet"),
    pytest.param("CEST", "Europe/Berlin", id="cest"),
    pytest.param("CET/CEST", "Europe/Berlin", id="cet-cest"),
    pytest.param("Central European Summer Time", "Europe/Berlin", id="central-european-summer-time"),
    pytest.param("Israel time", "Asia/Jerusalem", id="israel-time"),
    pytest.param("HKT", "Asia/Hong_Kong", id="hkt"),
    pytest.param("Hong Kong time", "Asia/Hong_Kong", id="hong-kong-time"),
    pytest.param("SGT", "Asia/Singapore", id="sgt"),
    pytest.param("JST", "Asia/Tokyo", id="jst"),
    pytest.param("AEDT", "Australia/Sydney", id="aedt"),
    pytest.param("IST", "Asia/Kolkata", id="ist"),
    pytest.param("U.S. Eastern Time", "America/New_York", id="us-eastern-time"),
    pytest.param("Beijing/Hong Kong Time", "Asia/Shanghai", id="two-cities-one-zone"),
    pytest.param("Central European Time", "Europe/Berlin", id="central-european-time"),
    pytest.param("et", None, id="lower-case-word-is-no-zone"),
    pytest.param("XYZ", None, id="unknown"),
]


@pytest.mark.parametrize(("printed", "iana"), ZONE_CASES)
def test_zone_name(printed, iana):
    assert zone_name(printed) == iana


REGIONAL_CASES = [
    pytest.param("CST", "CN", "Asia/Shanghai", id="cst-in-china"),
    pytest.param("CST", None, "America/Chicago", id="cst-elsewhere"),
    pytest.param("IST", "IE", "Europe/Dublin", id="ist-in-ireland"),
    pytest.param("IST", "IL", "Asia/Jerusalem", id="ist-in-israel"),
    pytest.param("EST", "CN", "America/New_York", id="unshared-letters-ignore-region"),
]


@pytest.mark.parametrize(("printed", "region", "iana"), REGIONAL_CASES)
def test_shared_letters_read_by_region(printed, region, iana):
    assert zone_name(printed, region) == iana


DATELINE_CASES = [
    pytest.param("BEIJING, March 5, 2025 /PRNewswire/ -- Acme Ltd.", "CN", id="chinese-city"),
    pytest.param("GUIYANG, China, Feb. 14, 2025 /PRNewswire/ --", "CN", id="country-after-city"),
    pytest.param("DUBLIN--(BUSINESS WIRE)--Acme plc", "IE", id="irish-city"),
    pytest.param("HERZLIYA, Israel, Feb. 12, 2025 (GLOBE NEWSWIRE) --", "IL", id="israeli-release"),
    pytest.param("WALTHAM, Mass.--(BUSINESS WIRE)--ImmunoGen", None, id="us-release"),
]


@pytest.mark.parametrize(("dateline", "region"), DATELINE_CASES)
def test_region_of_dateline(dateline, region):
    assert region_of(dateline) == region


OFFSET_CASES = [
    pytest.param(date(2025, 1, 15), "America/New_York", "-05:00", id="new-york-winter"),
    pytest.param(date(2025, 7, 15), "America/New_York", "-04:00", id="new-york-summer"),
    pytest.param(date(2025, 3, 10), "America/New_York", "-04:00", id="new-york-day-after-us-change"),
    pytest.param(date(2025, 3, 10), "Europe/London", "+00:00", id="london-before-eu-change"),
    pytest.param(date(2025, 3, 31), "Europe/Berlin", "+02:00", id="berlin-after-eu-change"),
    pytest.param(date(2025, 1, 15), "Australia/Sydney", "+11:00", id="sydney-southern-summer"),
    pytest.param(date(2025, 7, 15), "Asia/Tokyo", "+09:00", id="tokyo-no-dst"),
]


@pytest.mark.parametrize(("day", "zone", "offset"), OFFSET_CASES)
def test_offset_is_the_one_in_force_that_day(day, zone, offset):
    assert localize(day, 9, 0, zone).isoformat().endswith(offset)


@pytest.mark.parametrize(("printed", "iana"), [
    pytest.param("Taiwan", "Asia/Taipei", id="place-alone"),
    pytest.param("Hong Kong", "Asia/Hong_Kong", id="two-word-place-alone"),
    pytest.param("PHT", "Asia/Manila", id="philippines"),
    pytest.param("Kuala Lumpur time", "Asia/Kuala_Lumpur", id="malaysia-city-time"),
    pytest.param("SAST", "Africa/Johannesburg", id="south-africa"),
    pytest.param("Gulf Standard Time", "Asia/Dubai", id="gulf"),
    pytest.param("taiwan", None, id="lower-case-place-is-no-zone"),
])
def test_zones_of_the_rest_of_the_world(printed, iana):
    assert zone_name(printed) == iana


@pytest.mark.parametrize(("dateline", "iana"), [
    ("HSINCHU, Taiwan, Feb. 11, 2025 /PRNewswire/ --", "Asia/Taipei"),
    ("HONG KONG, March 3, 2025 /PRNewswire/ --", "Asia/Hong_Kong"),
    ("CHICAGO, March 3, 2025 /PRNewswire/ --", "America/Chicago"),
])
def test_cst_is_read_by_the_release_country(dateline, iana):
    assert zone_name("CST", region_of(dateline)) == iana


@pytest.mark.parametrize(("printed", "iana"), [
    pytest.param("(UTC+8)", "Etc/GMT-8", id="utc-plus-hours-in-brackets"),
    pytest.param("GMT+8", "Etc/GMT-8", id="gmt-plus-hours"),
    pytest.param("UTC+01:00", "Etc/GMT-1", id="utc-plus-hh-mm"),
    pytest.param("UTC-5", "Etc/GMT+5", id="utc-minus-hours"),
    pytest.param("GMT+5:30", "Asia/Kolkata", id="half-hour-offset"),
    pytest.param("UTC+0", "UTC", id="utc-plus-zero"),
    pytest.param("UTC+19", None, id="no-such-offset"),
])
def test_offset_from_utc_is_a_fixed_zone(printed, iana):
    assert zone_name(printed) == iana


def test_time_with_an_offset_from_utc():
    assert localize(date(2025, 3, 20), 20, 0, zone_name("(UTC+8)")).isoformat() == "2025-03-20T20:00:00+08:00"


@pytest.mark.parametrize("location, phones, zone", [
    ("VELDHOVEN, the Netherlands", (), "Europe/Amsterdam"),
    ("LONDON", ("+1 212 555 0100",), "Europe/London"),  # the dateline first
    (None, ("+44 (0)20 7355 5312", "+44 7850 978 741"), "Europe/London"),
    (None, ("+44 20 7355 5312", "+1 212 555 0100"), None),  # contacts in two countries
    (None, ("020 7355 5312",), None),  # no country code
    ("SYDNEY, Australia", (), None),  # a country of several zones
    ("NEW YORK", ("+1 212 555 0100",), None),
])
def test_the_issuers_own_clock_is_its_datelines_country_else_its_contacts(location, phones, zone):
    assert zones.local_zone(location, phones) == zone
