"""Printed time-zone words -> IANA zone names, and local times -> aware datetimes.

A release prints the zone of its call as an abbreviation ("ET", "CEST"), a name
("Eastern Time", "Central European Summer Time") or a city ("London time"). Each stands
for the region's local time (parser contract), so "EST" in July still means New York's
summer offset: the offset comes from zoneinfo for that date, never from the letters.

`ZONE_RE` finds a zone printed after a time; `zone_name(text, region)` maps it to its IANA
name, reading the few letters that two regions share ("CST", "IST") by the release's own
country, which `region_of(dateline)` finds; `localize(day, hour, minute, zone)` gives the
aware datetime.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import phonenumbers

# Abbreviations, upper-case as printed. CST is US Central (US releases print it far
# more often than China Standard Time); IST is India (Israel releases write "Israel time").
ABBREVIATIONS = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "AT": "America/Halifax", "AST": "America/Halifax", "ADT": "America/Halifax",
    "NT": "America/St_Johns", "NST": "America/St_Johns", "NDT": "America/St_Johns",
    "GMT": "Europe/London", "BST": "Europe/London", "UTC": "UTC",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
    "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki", "MSK": "Europe/Moscow",
    "IST": "Asia/Kolkata", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "AET": "Australia/Sydney",
    "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "NZT": "Pacific/Auckland",
    "PHT": "Asia/Manila", "PHST": "Asia/Manila", "WIB": "Asia/Jakarta", "ICT": "Asia/Bangkok",
    "MYT": "Asia/Kuala_Lumpur", "GST": "Asia/Dubai", "TRT": "Europe/Istanbul", "SAST": "Africa/Johannesburg",
    "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos", "BRT": "America/Sao_Paulo", "ART": "America/Argentina/Buenos_Aires",
}

# The same letters in a release from elsewhere: "CST" in a release from China is China Standard
# Time, "IST" in an Irish one Irish Standard Time, in an Israeli one Israel Standard Time.
REGIONAL_ABBREVIATIONS = {
    ("CST", "CN"): "Asia/Shanghai",
    ("CST", "TW"): "Asia/Taipei",
    ("CST", "HK"): "Asia/Hong_Kong",
    ("IST", "IE"): "Europe/Dublin",
    ("IST", "IL"): "Asia/Jerusalem",
}

# Country and city words of a dateline -> its country code, for REGIONAL_ABBREVIATIONS:
# "BEIJING, March 5, 2025 /PRNewswire/", "DUBLIN, Ireland--(BUSINESS WIRE)", "TEL AVIV, Israel", "HSINCHU, Taiwan".
REGION_RE = re.compile(
    r"\b(?P<CN>China|PRC|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou)\b"
    r"|\b(?P<TW>Taiwan|Taipei|Hsinchu|Taichung|Kaohsiung|Tainan)\b"
    r"|\b(?P<HK>Hong\s+Kong|Kowloon)\b"
    r"|\b(?P<IE>Ireland|Dublin|Cork|Galway|Limerick)\b"
    r"|\b(?P<IL>Israel|Tel[\s-]Aviv|Jerusalem|Haifa|Herzliya|Petah[\s-]Tikva|Rehovot|Ra['’]?anana|Caesarea|Yokneam)\b",
    re.I,
)


def region_of(dateline: str) -> str | None:
    """'GUIYANG, China, March 5, 2025 /PRNewswire/ -- ...' -> 'CN'; None where no listed country is named."""
    match = REGION_RE.search(dateline[:160])
    return match.lastgroup if match else None


# Spelled-out names and "<place> time", lower-case; the longest match is tried first.
NAMES = {
    "eastern": "America/New_York", "eastern standard": "America/New_York",
    "eastern daylight": "America/New_York", "eastern us": "America/New_York",
    "central": "America/Chicago", "central standard": "America/Chicago",
    "central daylight": "America/Chicago",
    "mountain": "America/Denver", "mountain standard": "America/Denver",
    "mountain daylight": "America/Denver",
    "pacific": "America/Los_Angeles", "pacific standard": "America/Los_Angeles",
    "pacific daylight": "America/Los_Angeles",
    "atlantic": "America/Halifax", "newfoundland": "America/St_Johns",
    "greenwich mean": "Europe/London", "british summer": "Europe/London", "british": "Europe/London",
    "uk": "Europe/London", "u.k.": "Europe/London", "london": "Europe/London",
    "irish": "Europe/Dublin", "dublin": "Europe/Dublin",
    "central european": "Europe/Berlin", "central european summer": "Europe/Berlin",
    "central european standard": "Europe/Berlin",
    "eastern european": "Europe/Helsinki", "eastern european summer": "Europe/Helsinki",
    "western european": "Europe/Lisbon",
    "frankfurt": "Europe/Berlin", "german": "Europe/Berlin", "berlin": "Europe/Berlin",
    "munich": "Europe/Berlin", "paris": "Europe/Paris", "french": "Europe/Paris",
    "amsterdam": "Europe/Amsterdam", "dutch": "Europe/Amsterdam", "brussels": "Europe/Brussels",
    "zurich": "Europe/Zurich", "swiss": "Europe/Zurich", "madrid": "Europe/Madrid",
    "milan": "Europe/Rome", "italian": "Europe/Rome", "vienna": "Europe/Vienna",
    "stockholm": "Europe/Stockholm", "swedish": "Europe/Stockholm", "cet/cest": "Europe/Berlin",
    "oslo": "Europe/Oslo", "norwegian": "Europe/Oslo", "copenhagen": "Europe/Copenhagen",
    "danish": "Europe/Copenhagen", "helsinki": "Europe/Helsinki", "finnish": "Europe/Helsinki",
    "lisbon": "Europe/Lisbon", "athens": "Europe/Athens", "warsaw": "Europe/Warsaw",
    "moscow": "Europe/Moscow", "israel": "Asia/Jerusalem", "israeli": "Asia/Jerusalem",
    "tel aviv": "Asia/Jerusalem", "jerusalem": "Asia/Jerusalem", "dubai": "Asia/Dubai",
    "india": "Asia/Kolkata", "indian": "Asia/Kolkata", "india standard": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata", "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong",
    "beijing": "Asia/Shanghai", "china": "Asia/Shanghai", "shanghai": "Asia/Shanghai",
    "taipei": "Asia/Taipei", "taiwan": "Asia/Taipei", "tokyo": "Asia/Tokyo", "japan": "Asia/Tokyo",
    "seoul": "Asia/Seoul", "korea": "Asia/Seoul", "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne", "australian eastern": "Australia/Sydney",
    "australian eastern daylight": "Australia/Sydney", "australian eastern standard": "Australia/Sydney",
    "perth": "Australia/Perth", "auckland": "Pacific/Auckland", "new zealand": "Pacific/Auckland",
    "new york": "America/New_York", "toronto": "America/Toronto", "montreal": "America/Toronto",
    "chicago": "America/Chicago", "denver": "America/Denver", "vancouver": "America/Vancouver",
    "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "mexico city": "America/Mexico_City", "sao paulo": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires", "johannesburg": "Africa/Johannesburg",
    "south african": "Africa/Johannesburg",
    "korean": "Asia/Seoul", "japanese": "Asia/Tokyo", "manila": "Asia/Manila", "philippine": "Asia/Manila",
    "philippines": "Asia/Manila", "jakarta": "Asia/Jakarta", "bangkok": "Asia/Bangkok", "thailand": "Asia/Bangkok",
    "kuala lumpur": "Asia/Kuala_Lumpur", "malaysia": "Asia/Kuala_Lumpur", "hanoi": "Asia/Ho_Chi_Minh",
    "vietnam": "Asia/Ho_Chi_Minh", "new delhi": "Asia/Kolkata", "delhi": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "riyadh": "Asia/Riyadh", "saudi": "Asia/Riyadh",
    "abu dhabi": "Asia/Dubai", "gulf": "Asia/Dubai", "istanbul": "Europe/Istanbul", "turkey": "Europe/Istanbul",
    "cairo": "Africa/Cairo", "lagos": "Africa/Lagos", "nairobi": "Africa/Nairobi", "santiago": "America/Santiago",
    "bogota": "America/Bogota", "lima": "America/Lima",
}

_ABBR = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_NAMES = "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True))

# A zone printed right after a time: "ET", "(ET)", "p.m. E.T.", "Eastern Time", "(UTC+8)", "GMT+5:30",
# "Eastern Standard Time", "CET/CEST", "London time", "(16:00 Israel time)" is not
# taken: only what directly follows the time counts. A place alone stands for its clock where
# the time's phrase ends with it: "3:00 p.m. Taiwan (2:00 a.m. New York)", "10:00 Sydney / 08:00 Singapore".
ZONE_RE = re.compile(
    rf"""\(?\s*(?:
        (?P<offset>(?-i:UTC|GMT)\s?(?P<sign>[+\-−–])\s?(?P<hours>\d{{1,2}})(?::?(?P<minutes>[0-5]\d))?)(?![\d:])
      | (?P<abbr>(?:{_ABBR})(?:/(?:{_ABBR}))?|E\.T\.|C\.T\.|P\.T\.|M\.T\.)(?!\w)
      | (?:U\.?S\.?\s+)?(?P<name>(?:{_NAMES}))(?:\s*/\s*[A-Za-z][A-Za-z ]{{2,20}}?)?
        \s+(?:(?:summer|standard|daylight)\s+)?time\b
      | (?P<bare>eastern|central|mountain|pacific)\b
      | (?P<place>(?=(?-i:[A-Z]))(?:{_NAMES}))(?=\s*(?:[()/,;]|\.(?!\w)|$)|\s+(?:and|or|on)\b)
    )\s*\)?""",
    re.X | re.I,
)


# Offsets that are not whole hours, and a zone that has kept it all year for decades
HALF_HOUR_ZONES = {
    (True, 5, 30): "Asia/Kolkata", (True, 5, 45): "Asia/Kathmandu", (True, 9, 30): "Australia/Darwin",
    (True, 6, 30): "Asia/Yangon", (True, 3, 30): "Asia/Tehran", (True, 4, 30): "Asia/Kabul",
}


def offset_zone(ahead: bool, hours: int, minutes: int) -> str | None:
    """'UTC+8' -> 'Etc/GMT-8' (the IANA name of a fixed offset, its sign the other way round), 'GMT+5:30' ->
    'Asia/Kolkata'; None for what no zone keeps."""
    if minutes:
        return HALF_HOUR_ZONES.get((ahead, hours, minutes))
    if hours == 0:
        return "UTC"
    if hours > (14 if ahead else 12):
        return None
    return f"Etc/GMT{'-' if ahead else '+'}{hours}"


def zone_name(printed: str, region: str | None = None) -> str | None:
    """'ET' -> 'America/New_York', 'Central European Summer Time' -> 'Europe/Berlin', else None;
    'CST' -> 'Asia/Shanghai' with region 'CN'."""
    match = ZONE_RE.fullmatch(printed.strip())
    if match is None:
        return None
    if match.group("offset"):
        return offset_zone(match.group("sign") == "+", int(match.group("hours")), int(match.group("minutes") or 0))
    if match.group("abbr"):
        abbr = match.group("abbr").replace(".", "").upper().split("/")[0]
        # Lower-case "et" or "pt" is a word, not a zone: only capitals count.
        if not match.group("abbr").replace(".", "").replace("/", "").isupper():
            return None
        return REGIONAL_ABBREVIATIONS.get((abbr, region)) or ABBREVIATIONS.get(abbr)
    if match.group("bare"):
        return NAMES[match.group("bare").lower()]
    if match.group("place"):
        return NAMES.get(re.sub(r"\s+", " ", match.group("place").lower()))
    return NAMES.get(re.sub(r"\s+", " ", match.group("name").lower()))


def localize(day: date, hour: int, minute: int, zone: str) -> datetime:
    """The aware datetime of a wall-clock time in an IANA zone, with the offset in force that day."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


# --- the issuer's own clock, for a time printed without a zone --------------------------------

# Countries that keep one clock, by their ISO code, and the words of a dateline that name them or their cities.
# A country of several zones (the US, Canada, Australia, Brazil, ...) is left out: its clock cannot be told.
COUNTRY_ZONES = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels",
    "LU": "Europe/Luxembourg", "DE": "Europe/Berlin", "AT": "Europe/Vienna", "CH": "Europe/Zurich",
    "FR": "Europe/Paris", "IT": "Europe/Rome", "ES": "Europe/Madrid", "DK": "Europe/Copenhagen",
    "NO": "Europe/Oslo", "SE": "Europe/Stockholm", "FI": "Europe/Helsinki", "IS": "Atlantic/Reykjavik",
    "PL": "Europe/Warsaw", "CZ": "Europe/Prague", "HU": "Europe/Budapest", "GR": "Europe/Athens",
    "IL": "Asia/Jerusalem", "IN": "Asia/Kolkata", "CN": "Asia/Shanghai", "HK": "Asia/Hong_Kong",
    "TW": "Asia/Taipei", "JP": "Asia/Tokyo", "KR": "Asia/Seoul", "SG": "Asia/Singapore",
    "MY": "Asia/Kuala_Lumpur", "TH": "Asia/Bangkok", "PH": "Asia/Manila", "AE": "Asia/Dubai",
    "ZA": "Africa/Johannesburg", "NZ": "Pacific/Auckland",
}
PLACE_COUNTRIES = {
    "GB": r"United Kingdom|U\.?K\.?|England|Scotland|London|Edinburgh|Manchester|Cambridge|Oxford|Birmingham",
    "IE": r"Ireland|Dublin|Cork",
    "NL": r"(?:the\s+)?Netherlands|Amsterdam|Rotterdam|Eindhoven|Veldhoven|Utrecht|The\s+Hague|Leiden",
    "BE": r"Belgium|Brussels|Antwerp|Ghent|Leuven",
    "LU": r"Luxembourg", "DE": r"Germany|Berlin|Frankfurt|Munich|Hamburg|D(?:ü|ue)sseldorf|Cologne|Stuttgart",
    "AT": r"Austria|Vienna", "CH": r"Switzerland|Zurich|Z(?:ü|ue)rich|Geneva|Basel|Zug|Lausanne|Bern",
    "FR": r"France|Paris|Lyon", "IT": r"Italy|Milan|Rome|Turin", "ES": r"Spain|Madrid|Barcelona",
    "DK": r"Denmark|Copenhagen|Aarhus", "NO": r"Norway|Oslo|Bergen|Stavanger",
    "SE": r"Sweden|Stockholm|Gothenburg|Malm(?:ö|o)", "FI": r"Finland|Helsinki|Espoo|Tampere",
    "IS": r"Iceland|Reykjavik", "PL": r"Poland|Warsaw", "IL": r"Israel|Tel[\s-]Aviv|Jerusalem|Haifa|Herzliya",
    "IN": r"India|Mumbai|Bangalore|Bengaluru|New\s+Delhi|Hyderabad|Chennai|Pune",
    "CN": r"China|PRC|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou", "HK": r"Hong\s+Kong",
    "TW": r"Taiwan|Taipei|Hsinchu", "JP": r"Japan|Tokyo|Osaka|Kyoto|Kawasaki|Yokohama",
    "KR": r"(?:South\s+)?Korea|Seoul", "SG": r"Singapore", "NZ": r"New\s+Zealand|Auckland|Wellington",
    "ZA": r"South\s+Africa|Johannesburg|Cape\s+Town",
}
PLACE_COUNTRY_RE = re.compile(
    "|".join(rf"\b(?P<{code}>{words})\b" for code, words in PLACE_COUNTRIES.items()), re.I)


def local_zone(location: str | None, phones: tuple[str, ...] = ()) -> str | None:
    """The clock of the issuer's country, which a time printed without a zone is read in: the dateline's country,
    else the country that the contacts' international numbers share; None for a country of several zones."""
    if location and (match := PLACE_COUNTRY_RE.search(location)):
        return COUNTRY_ZONES.get(match.lastgroup)
    codes = {phone_country(phone) for phone in phones if phone.lstrip().startswith("+")}
    codes.discard(None)
    return COUNTRY_ZONES.get(codes.pop()) if len(codes) == 1 else None


def phone_country(phone: str) -> str | None:
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(phone, None))
    except phonenumbers.NumberParseException:
        return None
