"""Document blocks -> the parts of a release: page chrome, header (headline, subheadline,
letterhead, header date), the dateline paragraph, the body, the About sections and the
forward-looking statements. Positions are block indexes into `Document.blocks`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .document import LINK_ONLY_RE, Block
from .fields import (
    CORP_SUFFIX,
    DatelineFound,
    WIRE_TRAILER_DATE_RE,
    domain_of,
    find_date,
    header_date,
    is_issuer_site,
    parse_dateline,
    wire_name,
)
from .patterns_calls import EMAIL_RE, find_phones

# --- page chrome ---------------------------------------------------------------------------

# Lines a newswire or repost page adds around a release; dropped wherever they stand.
CHROME_LINE_RE = re.compile(
    r"^(?:-{3,}|\*{3,}|_{3,}|view (?:the )?(?:original|source)(?: version| release| content)?\b.*|report this content|"
    r"original/source press release|newsramp\.com tldr|reddit post|blockchain registration|"
    r"(?:share|print|email|tweet)(?: this)?(?: article| release)?|click to tweet|back to (?:top|news)|"
    r"\(?photo:?\s*https?://\S+\)?|logo:?\s*https?://\S+|multimedia files? available.*|email us here|"
    r"(?:facebook|linkedin|twitter|x|instagram|youtube|tiktok)(?:\n(?:facebook|linkedin|twitter|x|instagram|youtube|tiktok))*|"
    r"to view (?:this|the original).*|.*\bon\s+(?:businesswire|prnewswire|globenewswire|accesswire|"
    r"newsfilecorp|einpresswire)\.com[: ].*https?://\S+)$",
    re.I,
)
# Where a newswire page's own furniture begins after the release: nothing after it is the release.
PAGE_END_RE = re.compile(
    r"^(?:release summary|\$?cashtags|site navigation|more from business wire|more news from\b.*|release versions|"
    r"related links|social media profiles|hashtags|#\w+(?: #\w+)*|recent news|related news|most popular|"
    r"trending|latest (?:news|releases)|sign up|log in|advanced news search|"
    r"original/source press release|about business wire|about pr newswire|subscribe to\b.*|follow us|"
    r"visit us on social media:?|legal disclaimer:?(?:\s+ein presswire\b.*)?|ein presswire provides\b.*|attachments?|"
    r"want your company'?s news featured on\b.*|contact (?:pr newswire|business wire|globenewswire)|"
    r"this information is provided by rns\b.*)$",  # the London Stock Exchange's footer, then its codes
    re.I,
)


CHROME_MAX = 500  # page furniture is a short line: a paragraph of the release is never read as one


def chrome_indexes(blocks: Sequence[Block]) -> set[int]:
    chrome: set[int] = set()
    for index, block in enumerate(blocks):
        first = block.lines[0].strip() if block.lines else ""
        if index > 3 and PAGE_END_RE.match(first.rstrip(":")):
            chrome.update(range(index, len(blocks)))
            break
        text = block.text.strip()
        if len(text) <= CHROME_MAX and CHROME_LINE_RE.match(text) or is_site_navigation(block):
            chrome.add(index)
    return chrome | sec_cover_indexes(blocks)


# SECURITIES AND EXCHANGE COMMISSION / FORM 6-K: the cover of an SEC filing that carries the release
SEC_COVER_RE = re.compile(r"^(?:united\s+states\s+)?securities\s+and\s+exchange\s+commission\b|"
                          r"^form\s+(?:6-k|8-k|10-q|10-k|20-f|40-f)\b", re.I)
# The cover's own lines: "Washington, D.C. 20549" / "Commission File Number: 001-12345" / "Indicate by check mark
# ..." / "Pursuant to Rule 13a-16 ..." / "Form 20-F ☒ Form 40-F ☐" / "(Exact name of registrant ...)"
SEC_COVER_LINE_RE = re.compile(
    r"^(?:united\s+states\b.*|washington,?\s+d\.?c\..*|commission\s+file\s+(?:number|no)\b.*|"
    r"indicate\s+by\s+check\s+mark\b.*|(?:report\s+of\s+foreign\s+(?:private\s+)?issuer\s+)?pursuant\s+to\s+"
    r"(?:rule|section)\s+1[35].*|report\s+of\s+foreign\s+(?:private\s+)?issuer\b.*|current\s+report\b.*|"
    r"for\s+the\s+month\s+of\b.*|[^☒☐]*+[☒☐].*|\((?=[^()]{0,80}?\bregistrant\b)[^()]{2,120}\))$",
    re.I | re.S,
)
# /s/ M.J. van Ginneken / By: /s/ Jane Doe: the filing's signature
SIGNATURE_RE = re.compile(r"^(?:by:?\s*)?/s/\s*\S", re.I)
# SIGNATURES / "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused
# this report to be signed ...": where the signature page begins
SIGNATURE_HEAD_RE = re.compile(r"^(?:signatures?|pursuant\s+to\s+the\s+requirements\s+of\s+the\s+securities\b.*)$",
                               re.I | re.S)
# Name: / Title: / Date: / (Chief Legal Officer) / EXHIBIT INDEX / 99.1 Press release ...: the signature's own lines
SIGNATURE_LINE_RE = re.compile(r"^(?:(?:name|title|date|by)\s*:.*|\([^()]{2,60}\)|exhibit\s+index|"
                               r"(?:exhibit\s+)?\d{1,3}\.\d{1,2}\s.*)$", re.I)
SIGNATURE_LINE_MAX = 80  # a signature's line is short: a paragraph of the release never reads as one
SIGNATURE_HEAD_BACK = 4  # the signature page's heading and sentence stand right above its /s/ line


def sec_cover_indexes(blocks: Sequence[Block]) -> set[int]:
    """An SEC filing's cover page and its signature page, around the release it carries. The cover runs from the
    top to the signature when the filing is signed before the release, else to its last cover line; nothing from
    the first dateline paragraph on is cover, only the signature page itself."""
    texts = [b.text.strip() for b in blocks]
    if not any(SEC_COVER_RE.match(text) for text in texts):
        return set()
    lead = next((i for i, text in enumerate(texts) if SEC_COVER_RE.match(text) is None and is_dateline_paragraph(text)),
                len(blocks))
    if not any(SEC_COVER_RE.match(text) for text in texts[:lead]):
        return set()
    signed = [i for i in range(lead) if SIGNATURE_RE.match(texts[i])]
    if signed:
        cover = set(range(signature_end(texts, signed[-1])))
    else:
        last = max(i for i in range(lead) if SEC_COVER_RE.match(texts[i]) or SEC_COVER_LINE_RE.match(texts[i]))
        cover = set(range(last + 1))
    for index in (i for i in range(lead, len(blocks)) if SIGNATURE_RE.match(texts[i])):
        heads = [i for i in range(max(lead, index - SIGNATURE_HEAD_BACK), index) if SIGNATURE_HEAD_RE.match(texts[i])]
        cover.update(range(heads[0] if heads else index, signature_end(texts, index)))
    return cover if len(cover) < len(blocks) else set()


def signature_end(texts: Sequence[str], index: int) -> int:
    """The block after a signature's own lines ("Name:", "Title:", an exhibit index)."""
    end = index + 1
    while end < len(texts) and len(texts[end]) <= SIGNATURE_LINE_MAX and SIGNATURE_LINE_RE.match(texts[end]):
        end += 1
    return end


def is_dateline_paragraph(text: str) -> bool:
    dateline = parse_dateline(text)
    return dateline is not None and len(dateline.rest) >= 20


def is_site_navigation(block: Block) -> bool:
    """A block made only of links into the page's own site ("[Blog](/resources/articles/)", "[Contact](#)") or the
    wire's ("[Client Login](https://app.prnewswire.com/login)"), as a newswire page's menus become in a Markdown copy:
    a release prints its own links in full."""
    if not block.links or block.tag.startswith("h") or not all(
        (link.href.startswith(("/", "#")) or wire_name(domain_of(link.href))) and len(link.text.split()) <= 6
        for link in block.links
    ):
        return False  # a headline linking to its own page is no menu
    rest = block.text
    for link in block.links:
        rest = rest.replace(link.text, " ", 1)
    return not re.search(r"[^\W\d_]", rest)


# --- the header -----------------------------------------------------------------------------

# 1Q 2022 Earnings Release / Q4 2024 Results Announcement / Fourth Quarter Fiscal 2023 Press Release: a banner
PERIOD_BANNER = (r"(?:[1-4]Q|Q[1-4]|H[12]|[1-4]H|FY|(?:first|second|third|fourth)[\s-]quarter|(?:first|second)[\s-]half|"
                 r"full[\s-]year|annual|interim)\s*+(?:fiscal\s*+)?(?:(?:19|20)?\d\d)?"
                 r"(?:\s*+(?:earnings|financial|results))*+\s*+(?:press\s++|news\s++)?(?:release|announcement)")
# The banner is the headline of many RNS, HKEX and ASX releases, and gives way only to a headline printed under it.
PERIOD_BANNER_RE = re.compile(r"^" + PERIOD_BANNER + r"\W*$", re.I)
# Letterhead words that are not the headline: "Exhibit 99.1", "News", "FOR IMMEDIATE RELEASE"
HEADER_NOISE_RE = re.compile(
    r"^(?:exhibit\s*(?:no\.?\s*)?\d+(?:\.\d+)*|ex-?\d+(?:\.\d+)?|news(?:\s+release)?|press\s+release|"
    r"(?:press|media)\s+information|"
    r"(?:news|press|media)\s+release\s+(?:no\.?\s*)?[A-Z]{0,4}\d+|"  # "MEDIA RELEASE PR67261": a wire's serial
    r"for\s+immediate\s+release|immediate\s+release|media\s+release|regulatory\s+news|company\s+announcement|"
    r"announcement(?:\s+no\.?\s*\d+)?|"
    r"investor\s+news|earnings\s+release|news\s+from\b.*+|news\s+provided\s+by\b.*+|page\s+\d.*+|\d+|"
    r"source:.*+|rns\s+number\s*:.*+|share(?: this)?(?: article)?|tweet|print|e-?mail|listen|"
    r"\d+\s+min(?:ute)?s?\s+read|"
    # a newswire page's photo widget: "Full Size Small Preview Thumbnail"
    r"full\s+size(?:\s+small)?(?:\s+preview)?(?:\s+thumbnail)?|"
    r"embargoed\b.*+|embargo\b.*+|not for (?:release|distribution|publication)\b.*+|\[?[\w&. ]{0,40}\blogo\]?)\W*$",
    re.I,
)
# 100 Main Street / 3333 Beverly Rd. / Springfield, IL 62701 / Toronto, ON M5V 3L9: a letterhead's address line
ADDRESS_RE = re.compile(
    r"^\d{1,6}\s+(?:[A-Z0-9][\w.'’-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Way|Lane|Ln|"
    r"Parkway|Pkwy|Place|Pl|Plaza|Court|Ct|Circle|Highway|Hwy|Square|Sq)\b|"
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d$|^(?:P\.?\s?O\.?\s+Box|Suite)\s+\d",
)
CONTACT_LABEL_RE = re.compile(
    r"^(?:(?:investor|media|press|public|analyst|company|ir|pr|corporate)\w*(?:\s+\w+)?\s+)?(?:contacts?|enquiries|"
    r"inquiries)\b",
    re.I,
)
# $3.5 Million / 32% / EUR600m / $.47: a financial figure, the mark of a highlights bullet
FIGURE_RE = re.compile(
    r"[$€£¥]\s?\.?\d|\d(?:[.,]\d+)?\s?(?:%|percent\b|per\s?cent\b)|\b(?:EUR|USD|CAD|GBP|CHF|RMB|NT\$)\s?\d|"
    r"\d(?:\.\d+)?\s?(?:million|billion|bn)\b",
    re.I,
)


# Acme Oyj / Stock Exchange Release / 4 February 2025 at 9.00 EET: the letterhead of a Nordic or European exchange
# release, the issuer's name, the kind of release and its date on one line or on lines of their own, in that order
RELEASE_KIND_RE = re.compile(
    r"^(?P<name>[^\n]{0,60}?)[\s|,–—-]*+\b(?:(?:stock\s+exchange|company|corporate|investor|regulatory|"
    r"press|media)\s+(?:release|announcement|bulletin)(?:\s+no\.?\s*+\d+)?|inside\s+information|"
    r"ad[\s-]hoc(?:\s+announcement)?|"
    r"(?:company\s+)?announcement\s+no\.?\s*\d+)\b"
    r"[\s|,:–—-]*+(?P<rest>[^\n]{0,80})$",
    re.I,
)
LETTERHEAD_NAME_WORDS = 6  # "Acme Oyj" / "Acme Holding ASA (OSE: ACME)": the issuer's name over the release kind
LETTERHEAD_NAME_LINES = 2


def is_name_line(line: str) -> bool:
    """A short line that names (the issuer) and says nothing: no sentence, no label."""
    line = line.strip()
    return 0 < len(line.split()) <= LETTERHEAD_NAME_WORDS and not line.endswith((":", ".", "!", "?"))


# Babcock International Group PLC (Babcock or the Group) / Norcros plc / ("Norcros"): an RNS release's issuer line,
# the issuer's full name (and the short name it goes by) over the headline
ISSUER_LINE_RE = re.compile(
    r"^(?P<name>(?:[A-Z0-9][\w&'’.-]*+\s++){0,7}?(?:[A-Z0-9&][\w&'’.-]*+,?\s++)" + CORP_SUFFIX + r")"
    r"(?:\s*+(?P<alias>\([^()\n]{1,60}\)))?$"
)
ALIAS_LINE_RE = re.compile(r"^\([^()\n]{1,60}\)$")


@dataclass(frozen=True)
class Letterhead:
    issuer: str | None
    date: date | None
    defines: bool = False  # the issuer's name is given with the short name the release calls it by


def release_letterhead(lines: Sequence[str]) -> Letterhead | None:
    """The issuer and date of a release's letterhead, if the lines are one: a release kind ("Acme Oyj" / "Stock
    Exchange Release" / "4 February 2025 at 9.00 EET", or all three on one line), or an RNS issuer line ("RNS Number :
    3431M" / "Acme Group PLC" / "11 May 2020"; "Acme plc" / "("Acme")")."""
    lines = [line.strip() for line in lines if line.strip()]
    labelled = False
    while len(lines) > 1 and HEADER_NOISE_RE.match(lines[0]):
        lines, labelled = lines[1:], True
    at = next((i for i, line in enumerate(lines[:LETTERHEAD_NAME_LINES + 1]) if RELEASE_KIND_RE.match(line)), None)
    if at is None:
        return issuer_line(lines, labelled)
    if not all(is_name_line(line) for line in lines[:at]):
        return None
    match = RELEASE_KIND_RE.match(lines[at])
    name = match["name"].strip(" |,–—-")
    if name and not is_name_line(name):
        return None
    first = FISCAL_YEAR_RE.sub("", match["rest"]).strip()  # "Company announcement no. 15 2019/20"
    rest = ([first] if first else []) + lines[at + 1:]
    dates = [letterhead_date(line) for line in rest]
    if not all(dates):
        return None
    return Letterhead(" ".join(lines[:at] + [name]).strip() or None, dates[0] if dates else None)


# 2019/20 / 2020/2021: the fiscal year an announcement is numbered in, no date
FISCAL_YEAR_RE = re.compile(r"^(?:19|20)\d\d/(?:\d\d){1,2}\b")


def letterhead_date(line: str) -> date | None:
    """The date of a letterhead's line: a date alone, or a dateline standing alone ("Allerød, 24 March 2020")."""
    if found := header_date(line):
        return found
    dateline = parse_dateline(line)
    if dateline and dateline.date and not dateline.rest.strip(" -–—:"):
        return dateline.date.as_date()
    return None


def issuer_line(lines: Sequence[str], labelled: bool) -> Letterhead | None:
    """A company's name with its short name, its date or a label ("RNS Number : 3431M"); a name alone may be the
    end of a headline ("Rock of Ages Acquires" / "American Monument Corporation")."""
    match = ISSUER_LINE_RE.match(lines[0]) if lines else None
    if match is None:
        return None
    alias = bool(match["alias"])
    rest = list(lines[1:])
    if rest and not alias and ALIAS_LINE_RE.match(rest[0]):
        alias, rest = True, rest[1:]
    dates = [header_date(line) for line in rest]
    if not all(dates) or not (alias or dates or labelled):
        return None
    return Letterhead(match["name"], dates[0] if dates else None, defines=alias)


PROVIDED_BY_RE = re.compile(r"^news\s+provided\s+by\W*$", re.I)
# "For Immediate Release: " / "Date: " before a header date
LABEL_RE = re.compile(r"^[A-Za-z ]{2,40}:\s*")


@dataclass(frozen=True)
class Header:
    headline: str | None
    subheadline: str | None
    date: date | None  # printed with the header, not in the dateline
    wire: str | None  # credited on its own line ("PR Newswire")
    location: str | None  # of a header line "MIGDAL HAEMEK, Israel, Feb. 12, 2025"
    issuer: str | None = None  # named in a letterhead ("Acme Oyj" / "Stock Exchange Release"; "Acme Group PLC")
    defines_issuer: bool = False  # an issuer line that gives the short name too ("Acme Group PLC ("Acme")")


def is_header_noise(block: Block) -> bool:
    """Letterhead words, a date or an address: every line of the block is one ("NEWS RELEASE" / "February 3, 2010")."""
    text = block.text.strip()
    if HEADER_NOISE_RE.match(text) or len(re.sub(r"\W", "", text)) < 2:
        return True
    lines = [line.strip() for line in block.lines if line.strip()]
    if any(ADDRESS_RE.search(line) for line in lines):
        return True  # ACME CORPORATION / 100 Main Street, Springfield, IL 62701: the letterhead, not the headline
    if release_letterhead(lines):
        return True
    return len(lines) > 1 and all(HEADER_NOISE_RE.match(line) or header_date(line) for line in lines)


def is_contactish(block: Block) -> bool:
    text = block.text
    return bool(EMAIL_RE.search(text) or CONTACT_LABEL_RE.match(text.strip()) or (
        len(text) < 200 and find_phones(text)))


def read_header(blocks: Sequence[Block], candidates: Sequence[int], *, title: str | None,
                skip: set[int], run_in: str = "", names: Sequence[str] = ()) -> Header:
    """Headline, subheadline, date, wire and location from the blocks before the dateline paragraph. `names` are the
    site's and the issuer's names: a page title or a block that is one of them is no headline."""
    candidates = before_highlights(blocks, candidates)
    usable = [i for i in candidates if i not in skip and blocks[i].tag != "table" and not is_header_noise(blocks[i])
              and not is_a_name(blocks[i].text, names)]
    headline_title = None if title is None or is_a_name(title, names) else title
    headline_at = headline_index(blocks, usable, headline_title)
    headline = (headline_text(blocks[headline_at]) if headline_at is not None
                else headline_title or run_in_headline(run_in))
    continued_at = continuation_index(blocks, usable, headline_at)
    if continued_at is not None:
        headline = f"{headline} {headline_text(blocks[continued_at])}"
    subheads: list[Block] = []
    if headline_at is not None and (deck := deck_lines(blocks[headline_at])):
        subheads.append(Block(text="\n".join(deck)))
    found_date = found_wire = location = issuer = None
    defines = False
    for position, index in enumerate(candidates):
        block = blocks[index]
        text = " ".join(block.lines)
        if position and PROVIDED_BY_RE.match(blocks[candidates[position - 1]].text.strip()):
            continue  # "News provided by" / "Acme Corp." on a PR Newswire page: the issuer's name, not a deck
        cells = [cell for line in block.lines for cell in line.split("\t") if cell.strip()]
        dates = [d for cell in cells if (d := header_date(cell) or header_date(LABEL_RE.sub("", cell)))]
        letterhead = release_letterhead(block.lines)
        found_date = found_date or (dates[0] if dates else None) or (letterhead.date if letterhead else None)
        if letterhead and (issuer is None or letterhead.defines and not defines):
            issuer, defines = letterhead.issuer, letterhead.defines
        if index not in usable or index in (headline_at, continued_at) or (dates and len(cells) == len(dates)):
            continue
        dateline = parse_dateline(text)
        if dateline is not None and not dateline.rest.strip(" -–—:"):
            found_date = found_date or (dateline.date.as_date() if dateline.date else None)
            found_wire = found_wire or dateline.wire
            location = location or dateline.location
            continue
        wire = wire_name(text)
        if wire and len(text) <= 40:
            found_wire = found_wire or wire
            continue
        if headline_at is not None and index < headline_at or (title and same_text(text, title)):
            continue
        if headline_at is None and title and len(bare(text)) >= 10 and bare(text) in bare(title):
            continue  # a line of the page title that is the headline, printed over several paragraphs
        if is_contactish(block) or text.endswith(":") or len(text.split()) < 3 or PERIOD_BANNER_RE.match(text):
            continue  # a results banner that is not the headline is letterhead
        if headline and same_text(text, headline):
            continue  # the headline printed again (a page's title over the release's own)
        if len(block.lines) == 1 and (named := ISSUER_LINE_RE.match(text)) and not named["alias"]:
            issuer = issuer or named["name"]  # "Wihlborgs Fastigheter AB" under the headline: a Cision issuer line
            continue
        subheads.append(block)
    return Header(headline, subheadline_of(subheads), found_date, found_wire, location, issuer, defines)


# "Newell Rubbermaid Reports Third Quarter 2012 Results and": a title cut at a word that cannot end one (a
# connective, an article, a preposition, a mark), continued in the next paragraph
DANGLING_END_RE = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|with|in|on|at|by|from|a|an|as|its|their|into|over|after|versus|vs\.?)|"
    r"[&,;:–—-])$",
    re.I,
)
DANGLING_START_RE = re.compile(r"^(?:AND|OR|OF|TO|FOR|WITH|IN|ON|AT|BY|FROM|INTO|AS)\s")
# "Rock of Ages Acquires": a verb still waiting for its object. Most of these words are plural nouns too ("...
# Sustainability Reports", "... Customer Service Wins"), so a verb dangles only in a bare "Name Verb" title.
DANGLING_VERB_RE = re.compile(
    r"\b(?:announces|reports|acquires|completes|appoints|names|declares|launches|signs|receives|enters|unveils|"
    r"introduces|posts|delivers|raises|secures|wins|extends|schedules|expands|provides)$",
    re.I,
)
BARE_TITLE_WORDS = 6  # "Koninklijke Acme Holdings Acquires": a name and its verb, no more
# The board raised the dividend by ten percent.: a paragraph written as a sentence, never a title's second half
FULL_SENTENCE_RE = re.compile(r"^[A-Z].*[.!?]$", re.S)


def continuation_index(blocks: Sequence[Block], usable: Sequence[int], headline_at: int | None) -> int | None:
    """The paragraph that carries on a headline cut at a dangling word, if it stands right under it."""
    if headline_at is None or headline_at not in usable:
        return None
    headline = headline_text(blocks[headline_at])
    position = usable.index(headline_at) + 1
    if position >= len(usable) or usable[position] != headline_at + 1:
        return None
    following = blocks[usable[position]]
    text = " ".join(following.lines)
    # "ORACLE NAMES RONA FAIRHEAD" / "TO THE BOARD OF DIRECTORS": an upper-case title set on two lines, the second
    # opening with a word that carries on the first
    carried = line_case(headline) == line_case(text) == "upper" and bool(DANGLING_START_RE.match(text))
    verb = not DANGLING_END_RE.search(headline) and is_bare_name_and_verb(headline)
    if not (verb or carried or DANGLING_END_RE.search(headline)):
        return None
    if following.tag == "li" or not is_headline_like(following) or header_date(text) or parse_dateline(text):
        return None
    if line_case(text) == "sentence" and FULL_SENTENCE_RE.match(text):
        return None
    if verb and line_case(text) != line_case(headline):  # the object is set as its title is; a deck is not
        return None
    return usable[position]


def is_bare_name_and_verb(headline: str) -> bool:
    words = headline.split()
    return (len(words) <= BARE_TITLE_WORDS and bool(DANGLING_VERB_RE.search(headline))
            and not any(DANGLING_VERB_RE.search(word) for word in words[:-1]))


# Highlights: / FINANCIAL HIGHLIGHTS / Key Highlights: the label of a list of figures, which is neither title nor deck
# "October–December 2024 in brief" / "Q4 2024 highlights" / "Key figures": the Nordic and the period's forms too
HIGHLIGHTS_RE = re.compile(r"^(?:[^\n:.]{0,50}?\s)?(?:highlights|in\s+brief|key\s+figures)\s*:?$", re.I)


def before_highlights(blocks: Sequence[Block], candidates: Sequence[int]) -> list[int]:
    """The header's blocks up to a highlights label."""
    for position, index in enumerate(candidates):
        if HIGHLIGHTS_RE.match(blocks[index].text.strip()):
            return list(candidates[:position])
    return list(candidates)


def headline_text(block: Block) -> str:
    """The headline's lines, up to a date or source line printed under it in the same block (a GlobeNewswire
    page: "Headline" / "August 08, 2024 14:25 ET" / "| Source: Acme Corp"), or up to its deck."""
    lines = title_lines(block)
    end = len(lines) - len(deck_lines(block))
    for position, line in enumerate(lines[1:end], start=1):
        bare = line.strip().lstrip("|").strip()
        if header_date(bare) or HEADER_NOISE_RE.match(bare):
            return " ".join(lines[:position])
    return " ".join(lines[:end])


def title_lines(block: Block) -> list[str]:
    """The block's lines from the first that is not a letterhead label: "PRESS RELEASE" / "Acme launches ..." in one
    block is a label over the title."""
    lines = list(block.lines)
    while len(lines) > 1 and HEADER_NOISE_RE.match(lines[0].strip()):
        lines = lines[1:]
    return lines


def deck_lines(block: Block) -> list[str]:
    """Lines under a Title Case or upper-case headline, in the same block, that are written as a sentence: the
    deck ("Acme Reports Fourth Quarter Results" / "Record revenue of $1.2 billion"), not the headline wrapped."""
    lines = title_lines(block)
    if len(lines) < 2 or line_case(lines[0]) == "sentence":
        return []
    for position, line in enumerate(lines[1:], start=1):
        if line_case(line) == "sentence" and not header_date(line.strip("|* ")):
            return lines[position:]
    return []


def line_case(line: str) -> str:
    """"upper" (no lower-case letter), "title" (most longer words capitalised) or "sentence"."""
    if not re.search(r"[a-z]", line):
        return "upper"
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return "title" if words and capitalised * 5 >= len(words) * 4 else "sentence"


def headline_index(blocks: Sequence[Block], usable: Sequence[int], title: str | None) -> int | None:
    """The block that is the headline: an h1, else the one repeating the title, else the first title-like one."""
    h1 = [i for i in usable if blocks[i].tag == "h1" and not (wire_name(blocks[i].text) and len(blocks[i].text) <= 40)]
    if h1:
        return h1[0]
    if title:
        same = next((i for i in usable if same_text(" ".join(blocks[i].lines), title)), None)
        if same is not None or len(title.split()) >= TITLE_WORDS_ALONE:
            return same if same is not None else title_part_index(blocks, usable, title)
    likely = (i for i in usable if is_headline_candidate(blocks[i]))
    first = next(likely, None)
    if first is not None and PERIOD_BANNER_RE.match(blocks[first].text.strip()):
        # "1Q 2022 Earnings Release" / "Acme Reports First-Quarter 2022 Results": a headline set under the banner
        under = (i for i in likely if line_case(" ".join(blocks[i].lines)) != "sentence"
                 and not PERIOD_BANNER_RE.match(blocks[i].text.strip()))
        return next(under, first)
    return first


def is_headline_candidate(block: Block) -> bool:
    """A block that may be the headline: neither a date, a wire's credit nor a dateline standing alone."""
    text = " ".join(block.lines)
    if header_date(text) or wire_name(text) and len(text) <= 40:
        return False
    dateline = parse_dateline(text)
    if dateline is not None and not dateline.rest.strip(" -–—:"):
        return False
    return is_headline_like(block)


# A page title this long is the headline even where no block prints it whole; a shorter one ("News", "Home") only
# where a block repeats it
TITLE_WORDS_ALONE = 3
# acme.com / www.acme.co.uk: a domain, as a page title or a letterhead line
DOMAIN_RE = re.compile(r"(?:https?://)?+(?:[\w-]++\.)++[a-z]{2,6}/?", re.I)


def is_a_name(text: str, names: Sequence[str]) -> bool:
    """The site's or issuer's name ("Royal Acme", "Acme Widget Holdings Corporation"), or a domain."""
    text = text.strip()
    return bool(DOMAIN_RE.fullmatch(text)) or any(name and same_text(text, name) for name in names)


# "HDTV Magazine Bulletins - New SANYO Camera ..." / "Acme Reports Results | Business Wire": a page title's parts
TITLE_PARTS_RE = re.compile(r"\s+[|\-–—:]\s+")


def title_part_index(blocks: Sequence[Block], usable: Sequence[int], title: str) -> int | None:
    """The block that a part of the page's title opens (a site's name before or after the headline, the headline
    shortened), when no block repeats the whole title."""
    parts = [bare(part) for part in TITLE_PARTS_RE.split(title) if len(part.split()) >= 3]
    for index in usable:
        text = bare(" ".join(blocks[index].lines))
        if any(part and text.startswith(part) for part in parts) and is_headline_like(blocks[index]):
            return index
    return None


def bare(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).casefold() == re.sub(r"\W+", "", b).casefold()


def is_headline_like(block: Block) -> bool:
    text = " ".join(block.lines)
    words = text.split()
    return (
        3 <= len(words) <= 60
        and not is_contactish(block)
        and not text.endswith(":")
        and not text.startswith(("(", "[", "*"))
        and bool(re.search(r"[A-Za-z]{3}", text))
    )


HIGHLIGHT_LINES = 3  # paragraphs of figures this many under the title are its highlights, however marked
# "Fourth quarter 2024 highlights compared to fourth quarter 2023:(1)": the heading of a list
LIST_HEADING_RE = re.compile(r":\s*+(?:\(\d{1,2}\)|\*)?\s*+$")


def subheadline_of(blocks: Sequence[Block]) -> str | None:
    """Subtitle lines joined by one space; a bulleted list of financial highlights is not one."""
    if not blocks:
        return None
    bulleted = [b for b in blocks if b.tag == "li"]
    if bulleted and sum(1 for b in bulleted if FIGURE_RE.search(b.text)) * 2 >= len(bulleted):
        # "Annual Revenues Increased 43% to $268 million" over the bullets: a deck printed above the highlights
        # stays (not their heading, "Fourth quarter highlights:")
        first = next(i for i, b in enumerate(blocks) if b.tag == "li")
        blocks = list(blocks[:first])
        while blocks and LIST_HEADING_RE.search(blocks[-1].text):
            blocks.pop()
        if not blocks:
            return None
    if len(blocks) >= HIGHLIGHT_LINES and sum(1 for b in blocks if FIGURE_RE.search(b.text)) * 2 > len(blocks):
        return None  # "GAAP net revenue was $930.1 million" / "Net Bookings were $888.2 million" / ...: highlights
    parts = [" ".join(line.strip(" -–—") for line in b.lines if line.strip(" -–—")) for b in blocks]
    text = " ".join(p for p in parts if p).strip()
    return text or None


# --- the dateline paragraph ---------------------------------------------------------------

@dataclass(frozen=True)
class Lead:
    index: int | None
    dateline: DatelineFound | None
    text: str  # the lead sentence after the dateline (the whole paragraph when there is none)
    before: str = ""  # the block's text before a dateline run into it (a page flattened to one line)


# Content blocks searched for the dateline: a newswire page saved as Markdown prints its menus first (90 blocks)
DATELINE_WINDOW = 120


# "Getlink (Paris:GET):" on a line of its own over a table of figures (Business Wire's regulatory news): the lead's
# opening, naming the issuer and its listing
LISTING_OPENER_RE = re.compile(r"[A-Z][\w&.,'’ -]{1,80}?\s*\([A-Za-z .]{2,30}:\s*[A-Z0-9.]{1,10}\)\s*:")


# "Glencore plc will host a Capital Markets Day presentation on Wednesday, 3 December 2025 at 1 pm UK.": a lead of
# one short sentence, a name and what it does (a deck or a heading has no full stop and no such verb)
SHORT_LEAD_RE = re.compile(
    r"[A-Z][\w&.,'’()-]*(?: [\w&.,'’()-]+){0,6}? (?:will|today|has|have|announced|announces|reports|reported|is|are)\b"
    r"[^\n]{30,200}[.!]"
)


def find_lead(blocks: Sequence[Block], order: Sequence[int], *, skip: set[int]) -> Lead:
    """The dateline paragraph (strongest), else the first paragraph that reads as prose."""
    for index in order[:DATELINE_WINDOW]:
        block = blocks[index]
        if block.tag in {"table", "pre"} or index in skip:
            continue
        joined = " ".join(block.lines)
        dateline, before = parse_dateline(joined), ""
        if dateline is None and (embedded := embedded_dateline(joined)):
            dateline, before = embedded[0], joined[:embedded[1]]
        if dateline and len(dateline.rest) >= 20:
            return Lead(index, dateline, dateline.rest, before)
        if dateline and dateline.wire and (dateline.date or dateline.location) and not dateline.rest.strip(" -–—:"):
            # "PARIS--(BUSINESS WIRE)--February 14, 2025--" or "PRINCETON, N.J.--(BUSINESS WIRE)--" standing alone:
            # the lead follows it.
            following = next((blocks[i] for i in order if i > index and is_prose(" ".join(blocks[i].lines))), None)
            return Lead(index, dateline, " ".join(following.lines) if following else "")
    for index in order[:80]:
        block = blocks[index]
        text = " ".join(block.lines)
        if block.tag in {"p", "li"} and index not in skip and (
                is_prose(text) or LISTING_OPENER_RE.fullmatch(text) or SHORT_LEAD_RE.fullmatch(text)):
            return Lead(index, None, strip_exhibit(text))
    return Lead(None, None, "")


# (BUSINESS WIRE) / /EINPresswire.com/ / (Newsfile Corp. - ...): a wire's marker, wherever it stands in a block
EMBEDDED_WIRE_RE = re.compile(
    r"\(\s*[^()\n]{0,40}?(?:wire|presswire|newsfile)\b[^()\n]{0,40}\)|"
    r"/[^/\n]{0,30}?(?:wire|presswire|CNW)\b[^/\n]{0,30}/",
    re.I,
)


# A page flattened to one line may print its whole menu before the dateline: the marker is looked for this far in.
EMBEDDED_WINDOW = 4000


def embedded_dateline(text: str) -> tuple[DatelineFound, int] | None:
    """A dateline run into the text before it, and where it starts: an EIN Presswire page flattened to text glues
    the pull quote to it ("...marginalized groups."— Thom MorganALEXANDRIA, VA, UNITED STATES, September 6, 2023
    /EINPresswire.com/ --), a repost page flattened to one line its menu and headline ("... Press Releases ACME
    ANNOUNCES RESULTS PR Newswire BETHESDA, Md., July 25, 2022 /PRNewswire/ —")."""
    marker = EMBEDDED_WIRE_RE.search(text[:EMBEDDED_WINDOW])
    if marker is None or marker.start() < 20 or not wire_name(marker.group(0)):
        return None
    window = max(0, marker.start() - 150)
    for start in re.finditer(r"(?<![A-Z])[A-Z]{2}", text[window:marker.start()]):
        found = parse_dateline(text[window + start.start():])
        if found and found.wire and len(found.rest) >= 20:
            return found, window + start.start()
    return None


# "... PR Newswire" / "... | Business Wire" / "... July 25, 2022": the wire's credit or the date ending a run-in header
RUN_IN_TAIL_RE = re.compile(
    r"(?:\s*+[|–—-]?\s*+(?>(?:PR\s?Newswire|Business\s?Wire|Globe\s?Newswire|ACCESS\s?Newswire|ACCESSWIRE|"
    r"Newsfile|Marketwired?|EIN Presswire|NewMediaWire|Canada NewsWire|CNW|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d)\b))+\s*$",
    re.I,
)
# Press Releases / News Release: a menu's last label, right before the headline of a page flattened to one line
RELEASE_LABEL_RE = re.compile(r"\b(?:press|news)\s+releases?\b", re.I)
RUN_IN_WORDS = (4, 40)


def run_in_headline(before: str) -> str | None:
    """The headline at the end of the text run into a dateline: its trailing upper-case words, else what follows a
    "Press Releases" label; the wire's credit and the date after it dropped."""
    text = RUN_IN_TAIL_RE.sub("", before[-1000:]).strip(" -–—|:")
    words = text.split()
    upper = 0
    while upper < len(words) and not re.search(r"[a-z]", words[-1 - upper]) and re.search(r"\w", words[-1 - upper]):
        upper += 1
    if upper >= RUN_IN_WORDS[0] and any(len(re.sub(r"\W", "", w)) >= 4 for w in words[len(words) - upper:]):
        return " ".join(words[len(words) - upper:][-RUN_IN_WORDS[1]:])
    labels = list(RELEASE_LABEL_RE.finditer(text[-400:]))
    after = text[-400:][labels[-1].end():].split() if labels else []
    return " ".join(after) if RUN_IN_WORDS[0] <= len(after) <= RUN_IN_WORDS[1] else None


def is_prose(text: str) -> bool:
    """A paragraph of sentences, or one long sentence that introduces a list ("... has set the following dates:")."""
    return len(text) >= 120 and bool(re.search(r"(?s)\A(?>.*?[a-z]{3})(?:.*[.!?]|.*:\s*\Z)", text)) \
        and len(text.split()) >= 15


# "Exhibit 99.1 On February 21, 2003, Agilent ..." (an exhibit flattened to one line)
EXHIBIT_PREFIX_RE = re.compile(r"^(?:exhibit\s*\d+(?:\.\d+)*\s+)", re.I)


def strip_exhibit(text: str) -> str:
    return EXHIBIT_PREFIX_RE.sub("", text)


# On February 21, 2003, Agilent Technologies Inc. reported ...
LEAD_DATE_RE = re.compile(r"^on\s+", re.I)


def lead_date(lead_text: str) -> date | None:
    """The date a lead opens with ("On February 21, 2003, ..."), the release's date when it has no dateline."""
    match = LEAD_DATE_RE.match(lead_text)
    found = find_date(lead_text[match.end():], at_start=True) if match else None
    return found.as_date() if found else None


def trailer_year(blocks: Sequence[Block]) -> int | None:
    for block in reversed(blocks[-12:]):
        match = WIRE_TRAILER_DATE_RE.search(block.text)
        if match and (found := find_date(match["date"])) and found.year:
            return found.year
    return None


# --- body sections ---------------------------------------------------------------------------

# About ImmunoGen, Inc. / ABOUT CAMTEK LTD. / About Multitude AG:
# About Acme / About eBay Inc.; not "About the call", nor a subject in lower case ("About non-GAAP financial
# measures", "About the option exchange program"), which is a note, not the boilerplate of a company
ABOUT_RE = re.compile(r"^about\s+(?!(?:the\s+)?(?:call|conference|webcast|event|this)\b)"
                      r"(?!(?-i:the\s+[a-z]|our\s+[a-z]|these\s)|(?:the\s+)?(?:non-?gaap|use\s+of|forward[\s-]looking|"
                      r"presentation\s+of|(?:option|stock|tender)\s+(?:exchange|offer)))(?P<name>\S.*?)\s*:?$", re.I)
FLS_RE = re.compile(
    r"^(?:(?:cautionary|special)\s+(?:note|statement)|forward[\s-]+looking|safe\s+harbou?r|disclaimer|"
    r"\"?safe harbor\"?|important\s+(?:information|notice)|non-gaap|use of non-gaap|legal notice|"
    r"this (?:press|news) release (?:contains|includes|may contain)\s+(?:\"|“)?forward)",
    re.I,
)
CONTACT_HEAD_RE = re.compile(
    r"^(?:(?:for\s+(?:further|more|additional)\s+information)[^.]{0,60}?contact\b|"
    r"(?:(?:investor|media|press|public|analyst|company|ir|pr|corporate)\w*(?:\s+(?:&|\w+))*\s+)?"
    r"(?:contacts?|enquiries|inquiries)\b\s*:?)",
    re.I,
)
SECTION_END_RE = re.compile(
    r"^(?:source\b|###|# # #|-?30-|-0-|\(c\)|©|copyright\b|.*\b(?:are|is) (?:a )?(?:registered )?trademarks?\b|"
    r"all rights reserved|notes? to (?:editors?|investors|shareholders|stockholders)\b|"
    r"for (?:more|further|additional) information,? (?:please )?"
    r"(?:contact|call|e-?mail)\b|"
    # This press release does not constitute an offer to sell ...: the securities legend
    r"this (?:press |news )?(?:release|announcement|communication) (?:does not|shall not|is not|doesn't) "
    r"constitute\b)",
    re.I,
)


def is_fls_start(text: str) -> bool:
    return bool(FLS_RE.match(text)) or (len(text) > 150 and bool(re.search(r"forward[\s-]looking", text[:150], re.I)))


DOMAIN_END_RE = re.compile(r"\w\.(?:com|net|org|io|co\.uk|de|ca)$", re.I)


def is_heading(block: Block) -> bool:
    text = block.text.strip()
    if block.tag.startswith("h"):
        return True
    if "\n" in text or len(text) > 100 or not text[:1].isupper():
        return False
    if re.search(r"[.!?;,]$", text) or "://" in text or "@" in text or re.match(r"^www\.", text):
        return False
    if DOMAIN_END_RE.search(text):
        return False  # "Apartments.com" / "Westside Rentals, AFTER55.com": a brand of a list cut into lines
    return len(text.split()) <= 12


# ... Inc. / ... Ltd. / ... S.A.: a heading may end with the period of a company suffix
SUFFIX_END_RE = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Plc|N\.V|S\.A|L\.P|LLC|AG|SE|A\.G|Ltda|Pty|B\.V)\.$", re.I)


def is_about_heading(block: Block) -> bool:
    text = block.text.strip()
    if not ABOUT_RE.match(text) or "\n" in text or len(text) > 100:
        return False
    # "About Crunchfish – crunchfish.com": a Nordic heading may end with the issuer's domain
    return is_heading(block) or bool(SUFFIX_END_RE.search(text)) or (
        bool(DOMAIN_END_RE.search(text)) and is_heading(replace(block, text=DOMAIN_END_RE.sub("", text))))


# INFICONINFICON is / Acme GroupAcme Group is: the heading's name run into the text that repeats it
GLUED_REPEAT_RE = re.compile(r"^(?P<name>[A-Z][\w&.'’ -]{1,59}?)(?P=name)\b(?=\s+[a-z])")


# "About Acme International, Inc., Acme makes ...": a heading ending in a company suffix, then a comma where a page
# saved with its paragraphs joined by commas had a paragraph break
SUFFIXED_HEADING_RE = re.compile(r"^(?i:about)\s++([^,\n]{2,60}?(?:,\s*)?\b" + CORP_SUFFIX + r"),\s++(?=[A-Z])(.*)$",
                                 re.S)


REPEAT_HEADING_WORDS = 11  # an About heading with its tagline is at most ten words long


def inline_about(text: str) -> tuple[str, str] | None:
    """`About Eutelsat Group Eutelsat Group is ...` / `About BoraFounded in 2007` -> (name, text)."""
    match = re.match(r"^about\s+", text, re.I)
    if not match:
        return None
    words = text[match.end():].split(" ")
    # "ABOUT ACME CORP. Acme Corp. is": the heading in capitals; "About Acme, Inc, Acme, Inc. is": a comma after it
    folded = [w.casefold().rstrip(".,;:") for w in words]
    for size in range(1, min(7, len(words) // 2)):
        if folded[:size] == folded[size:2 * size]:
            return " ".join(words[:size]).rstrip(",;:"), " ".join(words[size:])
    # "About Xlife Sciences AG (SIX:XLS) Xlife Sciences is ...", "About Itera - specialist in digital
    # transformation Itera is ...": the text opens with the heading's first word again, a sentence under way
    if words[0][:1].isupper():
        for size in range(2, min(REPEAT_HEADING_WORDS, len(words) - 1)):
            if folded[size] == folded[0] and any(w[:1].islower() for w in words[size + 1: size + 4]):
                return " ".join(words[:size]).rstrip(",;:"), " ".join(words[size:]).replace("\n", " ")
    if repeated := GLUED_REPEAT_RE.match(text[match.end():]):  # "About INFICONINFICON is a leading provider"
        return repeated["name"], text[match.end() + len(repeated["name"]):].replace("\n", " ")
    glued = re.match(r"^((?:[A-Z][\w&.'’-]*\s){0,5}[A-Z][a-z&.'’-]*[a-z])([A-Z][a-z]+\s+[a-z].*)$", text[match.end():],
                     re.S)
    if glued:
        return glued.group(1), glued.group(2)
    if suffixed := SUFFIXED_HEADING_RE.match(text):
        return suffixed.group(1), suffixed.group(2).replace("\n", " ")
    # "About Acme: Acme is ..." / "About Acme Corp.\nAcme is ..." (heading and text in one block)
    # "About Acme, Inc. (OTC: ACME): Acme is ...": the listing in the heading
    labelled = re.match(r"^about\s+([^:\n()]{2,60}?(?:\s*\([^()\n]{1,40}\))?)\s*(?::\s+|\n)(\S.*)$", text, re.I | re.S)
    if labelled:
        return labelled.group(1), labelled.group(2).replace("\n", " ")
    return None


@dataclass(frozen=True)
class AboutSection:
    name: str
    blocks: tuple[int, ...]  # the heading and paragraphs it takes out of the body
    text: str


# "Agilent management will host a live webcast ... today at 7 a.m.": About boilerplate never announces a call
CALL_SENTENCE_RE = re.compile(r"\b(?:conference call|webcast|dial[- ]in|replay)\b", re.I)
ANNOUNCES_RE = re.compile(r"\bwill\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b", re.I)
# "This press release ... contain forward-looking statements that ...": About boilerplate never speaks of them
FLS_SENTENCE_RE = re.compile(r"\bforward[\s-]looking\s+statements?\b", re.I)
SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def before_call(text: str, *, first: bool = True) -> tuple[str, bool]:
    """The text up to a sentence that announces a call, and whether it was cut there (the opening sentence of the
    section's first paragraph is always its own)."""
    sentences = SENTENCE_BREAK_RE.split(text)
    for number, sentence in enumerate(sentences):
        if number and FLS_SENTENCE_RE.search(sentence):
            return " ".join(sentences[:number]), True  # the safe-harbour text run into the same paragraph
        if (number or not first) and CALL_SENTENCE_RE.search(sentence) and ANNOUNCES_RE.search(sentence):
            return " ".join(sentences[:number]), True
    return text, False


def about_sections(blocks: Sequence[Block], order: Sequence[int], *, stop: set[int]) -> list[AboutSection]:
    """Every "About ..." section: its heading and the paragraphs up to the next section."""
    sections: list[AboutSection] = []
    position = 0
    while position < len(order):
        index = order[position]
        block = blocks[index]
        heading = ABOUT_RE.match(block.text.strip()) if is_about_heading(block) else None
        inline = None if heading else inline_about("\n".join(block.lines))
        position += 1
        if not heading and not inline:
            continue
        name = heading["name"] if heading else inline[0]
        texts: list[str] = []
        taken: list[int] = [index]
        pending = [] if heading else [(index, inline[1])]
        while pending or position < len(order):
            if pending:
                current, line = pending.pop()
            else:
                current = order[position]
                if current in stop or ends_about(blocks[current]):
                    break
                line = " ".join(blocks[current].lines)
                position += 1
            kept, cut = before_call(line, first=not texts)
            if kept:
                texts.append(kept)
            if cut:  # the rest of this paragraph is the release's own: it stays in the body
                if current in taken:
                    taken.remove(current)
                break
            if current not in taken:
                taken.append(current)
        if texts:
            sections.append(AboutSection(name.strip(" :"), tuple(taken), " ".join(texts)))
    return sections


# "1 Period of time when all communication is suspended ...", "(2) Excluding ...": a footnote to the release
FOOTNOTE_RE = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}|[¹²³⁴⁵*†])\s+[A-Z][a-z]")


def ends_about(block: Block) -> bool:
    text = " ".join(block.lines)
    return (
        block.tag in {"table", "pre"}
        # a repost's link back to the wire's or the exchange's copy ("https://news.cision.com/acme/r/...")
        or bool(LINK_ONLY_RE.fullmatch(text.strip())) and not is_issuer_site(text.strip("<> "))
        # a footnote to the release: "1 Period of time when all communication is suspended ..."
        or bool(FOOTNOTE_RE.match(text))
        or is_heading(block)
        or is_fls_start(text)
        or bool(CONTACT_HEAD_RE.match(text) or SECTION_END_RE.match(text))
        or is_about_heading(block)
        or inline_about("\n".join(block.lines)) is not None
    )


def fls_indexes(blocks: Sequence[Block], order: Sequence[int], *, stop: set[int]) -> set[int]:
    """Forward-looking statements: from their heading or opening sentence to the next section."""
    found: set[int] = set()
    inside = False
    for index in order:
        block = blocks[index]
        text = " ".join(block.lines)
        if is_fls_start(text):
            inside = True
            found.add(index)
            continue
        if inside and (index in stop or (is_heading(block) and not FLS_RE.match(text)) or SECTION_END_RE.match(text)
                       or block.tag in {"table", "pre"}):
            inside = False
        if inside:
            found.add(index)
    return found


def end_marks(blocks: Sequence[Block], order: Sequence[int]) -> set[int]:
    """SOURCE lines, ### and -30- marks, and wire trailer lines: not body text."""
    return {i for i in order if re.match(r"^(?:source\s*:?\s|###|# # #|-30-|-0-|/contact:?$|/source:?)",
                                         blocks[i].text.strip(), re.I)}

