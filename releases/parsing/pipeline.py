"""Raw release (bytes or text) -> ParsedRelease: the ordered chain of stages.

decode and split into blocks -> drop page chrome -> find the dateline paragraph ->
read the header above it -> contacts -> About sections, forward-looking statements ->
issuer, listings, website -> calls -> body HTML and warnings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from . import zones
from .calls import STRONG_CALL_RE, find_calls
from .contacts import find_contacts, glued_issuer_re, issuer_lines_as_organization, mail_domain, part_glued_issuer
from .document import LINK_ONLY_RE, Block, Document, to_document
from .doubts import with_doubts
from .errors import ParseError
from .filings import covering_letter, last_page, release_header
from .fields import (
    CORP_SUFFIX,
    TRADEMARK_RE,
    company_name,
    domain_of,
    header_date,
    listings_in,
    parse_dateline,
    websites_in,
    wire_name,
)
from .patterns_calls import EMAIL_RE
from .result import CompanyInfo, Dateline, Listing, ParsedRelease
from .sanitize import body_html
from .sections import (
    CONTACT_HEAD_RE,
    AboutSection,
    Header,
    Lead,
    about_sections,
    chrome_indexes,
    end_marks,
    find_lead,
    fls_indexes,
    lead_date,
    read_header,
    release_letterhead,
    trailer_year,
)

MAX_BYTES = 5 * 1024 * 1024
HEADER_BLOCKS_WITHOUT_LEAD = 5  # letterhead (kind, date, number), the headline and its deck
MAX_TEXT = 1_000_000  # characters: seven times the longest release seen, tables included


def parse_press_release(raw: str | bytes, *, filename: str = "", max_bytes: int = MAX_BYTES) -> ParsedRelease:
    size = len(raw.encode("utf-8")) if isinstance(raw, str) else len(raw)
    if size > max_bytes:
        raise ParseError(
            f"The file is too large ({size / 1048576:.1f} MB); a release may be at most {max_bytes / 1048576:.0f} MB."
        )
    document = to_document(raw, filename=filename)
    blocks = document.blocks
    if (chars := sum(len(block.text) for block in blocks)) > MAX_TEXT:
        raise ParseError(
            f"This file holds {chars:,} characters of text; a press release, tables included, is far shorter "
            f"(at most {MAX_TEXT:,} are read). Upload the release alone, not the filing or report around it."
        )
    chrome = chrome_indexes(blocks)
    content = [i for i in range(len(blocks)) if i not in chrome]
    if not is_release(document, content):
        raise ParseError("This file does not read as a press release: it has no paragraphs of text.")

    credit = next((i for i in sorted(chrome) if CREDIT_RE.match(blocks[i].text.strip())), None)
    credited = next((position for position, i in enumerate(content) if credit is not None and i > credit), None)
    # The issuer as the dateline paragraph names it, before the contacts are known: a contact's line that prints its
    # name prints its firm ("Jane Doe, Trane Technologies")
    first_lead = find_lead(blocks, content, skip=set())
    guess = company_name(first_lead.text) if first_lead.dateline else None
    guessed_names = [n for n in (guess, short_name(guess)) if n]
    contacts = find_contacts([blocks[i] for i in content], credited=credited, issuer=guessed_names)
    contact_blocks = {content[i] for i in contacts.used if 0 <= i < len(content)}
    lead = find_lead(blocks, content, skip=contact_blocks)
    before_lead = [i for i in content if i < lead.index] if lead.index is not None else dated_header(blocks, content)
    before_lead = last_page(blocks, before_lead)
    letter = covering_letter(blocks, content)
    if letter is not None and lead.dateline is not None and lead.index is not None and lead.index > letter.closing:
        before_lead, letter = release_header(blocks, before_lead, letter), None  # the release follows its letter
    after_lead = [i for i in content if lead.index is None or i >= lead.index]

    abouts = about_sections(blocks, after_lead, stop=contact_blocks)
    about_blocks = {i for s in abouts for i in s.blocks}
    fls = fls_indexes(blocks, after_lead, stop=contact_blocks | about_blocks)
    marks = end_marks(blocks, after_lead)

    name = (company_name(lead.text) or about_name_in(abouts, lead.text)) if lead.text else None
    header = read_header(blocks, before_lead, title=document.title, skip=contact_blocks, run_in=lead.before,
                         names=site_names(document, name))
    if header.issuer and (not name or header.defines_issuer and name not in header.issuer):
        name = header.issuer
    if (mar := mar_issuer(blocks, content)) and not shares_word(name, mar) and not shares_word(name, header.headline):
        name = mar  # the lead names no company ("Revenue amounted to ..." under the dateline): the MAR statement does
    if letter is not None:
        # the letter is the release: a notice titled by its subject, issued by the company it is signed for
        header = replace(header, headline=letter.subject or header.headline, subheadline=None)
        name = letter.signatory or name
    listings = (issuer_listings(lead.text, name) or issuer_listings_elsewhere(blocks, after_lead, name)
                or about_listings(abouts, name) or boilerplate_listings(blocks, after_lead, name)
                or description_listings(document))
    website = issuer_website(blocks, abouts, name, after_lead, before_lead)
    release_date = dateline_date(lead, header, blocks, document)
    wire = (lead.dateline.wire if lead.dateline else None) or header.wire or page_wire(document) or credited_wire(
        [blocks[i] for i in sorted(chrome)])

    removed = contact_blocks | about_blocks | marks | contact_headings(blocks, after_lead, contact_blocks)
    body = [blocks[i] for i in after_lead if i not in removed]
    if not header.headline and lead.dateline is None and not any(SENTENCE_RE.search(b.text[:2000]) for b in body):
        raise ParseError("This file does not read as a press release: it has neither a headline nor any body text.")
    call_blocks = [blocks[i] for i in after_lead if i not in removed and i not in fls]
    location = lead.dateline.location if lead.dateline else header.location
    issuer_names = [n for n in (name, short_name(name)) if n]
    glued = glued_issuer_re(issuer_names)
    parted = part_glued_issuer([blocks[i] for i in content], glued) if glued is not None else None
    if parted is not None:
        # a converter ran the issuer's name into its contacts' fields: read them again with the name parted off
        contacts = find_contacts(parted, credited=credited, issuer=issuer_names)
    elif issuer_names != guessed_names and any(n in blocks[i].text for i in contact_blocks for n in issuer_names):
        # the issuer's name on a contact's line is its firm: read them again knowing it
        contacts = find_contacts([blocks[i] for i in content], credited=credited, issuer=issuer_names)
    people = issuer_lines_as_organization(contacts.contacts, {" ".join(n.casefold().split()) for n in issuer_names})
    phones = tuple(phone for contact in people for phone in contact.phones)
    calls = find_calls(call_blocks, release_date=release_date, website=website,
                       local_zone=zones.local_zone(location, phones))

    result = ParsedRelease(
        headline=header.headline,
        subheadline=header.subheadline,
        dateline=Dateline(location=location, date=release_date),
        wire=wire,
        company=CompanyInfo(name=name, website=website),
        listings=tuple(Listing(x.exchange, x.ticker) for x in listings),
        about=" ".join(s.text for s in abouts) or None,
        calls=calls,
        contacts=people,
        body_html=body_html(body),
    )
    return with_doubts(result)


# Eight words or more ending in a full stop: body text, which a cover page, a list of file names or a stack of
# EDGAR wrappers lacks. Each word is atomic and the run possessive (no word can end in . ! or ?, so giving one
# back never helps): the pattern cannot backtrack exponentially on a long run of words without a full stop.
SENTENCE_RE = re.compile(r"(?:(?>[^\W\d_]{2,}[\w,;'’\"“”()-]*)\s++){7,}+(?=[^\s.!?]*[^\W\d_])[^\s.!?]*+[.!?]")


# "This is information that Skanska AB (publ) is obliged to make public pursuant to the EU Market Abuse Regulation"
MAR_ISSUER_RE = re.compile(
    r"\binformation\s+(?:that|which)\s+(?P<name>[A-Z][^.;:\n]{1,80}?)\s+is\s+(?:obliged|required|obligated)\s+to\s+"
    r"(?:make\s+public|disclose)"
)


def mar_issuer(blocks: Sequence[Block], content: Sequence[int]) -> str | None:
    """The issuer the release's EU Market Abuse Regulation statement names, if it has one."""
    for index in content:
        if "obliged" in blocks[index].text or "required" in blocks[index].text:
            if found := MAR_ISSUER_RE.search(" ".join(blocks[index].lines)):
                return found["name"]
    return None


def shares_word(name: str | None, text: str | None) -> bool:
    words = {w.casefold() for w in re.findall(r"\w{3,}", name or "")}
    return bool(words & {w.casefold() for w in re.findall(r"\w{3,}", text or "")})


def dated_header(blocks: Sequence[Block], content: Sequence[int]) -> list[int]:
    """The header of a release in which no paragraph reads as a lead (a financial calendar, a list of dates): its
    first few blocks, when one of them dates it ("Company Announcement" / "26 October 2020"); else none."""
    first = list(content[:HEADER_BLOCKS_WITHOUT_LEAD])
    dated = any(header_date(blocks[i].text) or (found := release_letterhead(blocks[i].lines)) and found.date
                for i in first)
    return first if dated else []


def contact_headings(blocks: Sequence[Block], order: Sequence[int], contact_blocks: set[int]) -> set[int]:
    """A "Contacts" heading directly above a contact block goes with it."""
    return {
        index for index, following in zip(order, order[1:])
        if following in contact_blocks and index not in contact_blocks and CONTACT_HEAD_RE.match(blocks[index].text)
        and len(blocks[index].text) < 60
    }


def is_release(document: Document, content: Sequence[int]) -> bool:
    """At least 12 words and 60 letters of text: counted until both are reached."""
    words = letters = 0
    for index in content:
        text = document.blocks[index].text
        words += len(text.split())
        letters += len(LETTER_RE.findall(text))
        if words >= 12 and letters >= 60:
            return True
    return False


LETTER_RE = re.compile(r"[^\W\d_]")


def site_names(document: Document, issuer: str | None) -> tuple[str, ...]:
    """The names a page carries that are no headline: its site's (og:site_name) and the issuer's."""
    site = [value for key, value in document.meta if key.lower() == "og:site_name"]
    return tuple(n for n in (*site, issuer) if n)


def about_name_in(abouts: Sequence[AboutSection], lead_text: str) -> str | None:
    """A lead that does not open with the issuer ("We look forward to welcoming you ... INFICON will host"): the
    first About section's company, when the lead names it."""
    for section in abouts[:1]:
        name = TRADEMARK_RE.sub("", section.name).strip(" .,:")
        if name and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", lead_text):
            return name
    return None


def dateline_date(lead: Lead, header: Header, blocks: Sequence[Block], document: Document) -> date | None:
    """The dateline's date (its year from the header or trailer when it prints none), else the header's."""
    fallback_year = header.date.year if header.date else trailer_year(blocks) or front_matter_year(document)
    if lead.dateline and lead.dateline.date:
        found = lead.dateline.date.as_date(fallback_year)
        if found:
            return found
    # A repost site's front matter dates the release it copies when the copy prints no dateline.
    return header.date or front_matter_date(document) or lead_date(lead.text)


def front_matter_date(document: Document) -> date | None:
    value = dict(document.meta).get("date") or ""
    match = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None
    except ValueError:
        return None


def front_matter_year(document: Document) -> int | None:
    found = front_matter_date(document)
    return found.year if found else None


def page_wire(document: Document) -> str | None:
    for key, value in document.meta:
        if key.lower() in {"og:site_name", "author"} and (name := wire_name(value)):
            return name
    return None


# View source version on businesswire.com: https://... / View original content: https://www.prnewswire.com/...
CREDIT_RE = re.compile(r"^view (?:the )?(?:source|original)\b.*?(?<![\w.-])(?:https?://)?(?:www\.)?(?P<site>[\w.-]+\.(?:com|ca))", re.I)


def credited_wire(chrome: Sequence[Block]) -> str | None:
    for block in chrome:
        match = CREDIT_RE.match(block.text.strip())
        if match and (name := wire_name(match["site"])):
            return name
    return None


# (AWS), an Amazon.com, Inc. company (NASDAQ: AMZN): a parent's appositive before its listing
APPOSITIVE_RE = re.compile(r"^\s*+,?\s*(?:an?|the)\s+[^()]{1,80}?\b(?:company|subsidiary|unit|division|affiliate|"
                           r"member)\b", re.I)


def issuer_listings(lead_text: str, name: str | None) -> list:
    """EXCHANGE: TICKER pairs printed in the parentheses that follow the issuer's name
    (without a name, those of the lead's first parentheses that hold any)."""
    if not lead_text:
        return []
    lead_text = TRADEMARK_RE.sub("", lead_text)  # "NETGEAR®, Inc. (NASDAQ:NTGR)": the name is read without its mark
    if not name:
        first = next(((m, found) for m in re.finditer(r"[(\[]([^()\[\]]{2,200})[)\]]", lead_text[:400])
                      if (found := listings_in(m.group(1)))), None)
        # Only when a name stands before them: not "... who purchased Telenav, Inc. (NASDAQ: TNAV) shares"
        return list(first[1]) if first and NAME_ONLY_RE.match(lead_text[:first[0].start()]) else []
    start = lead_text.find(name)
    if start < 0:
        return []
    rest = lead_text[start + len(name):]
    found = []
    for _ in range(6):
        appositive = APPOSITIVE_RE.match(rest)
        if appositive:
            rest = rest[appositive.end():]
        opening = re.match(r"^\s*+[,.]?\s*[(\[]", rest)  # "AAC Holdings, Inc . (NYSE: AAC)": a stray space
        if not opening:
            break
        close = matching_paren(rest, opening.end() - 1)
        inside = rest[opening.end():close]
        found.extend(x for x in listings_in(inside) if x not in found)
        rest = rest[close + 1:]
    return found


# Capitalised words (and the odd connective) up to a listing's bracket: the unread issuer's name
NAME_ONLY_RE = re.compile(r"^\W*(?:(?:(?>[A-Z0-9][\w&'’.,®™-]*)|of|and|the|de|for|&|\([^()]{1,60}\))\s*)+$")


def issuer_listings_elsewhere(blocks: Sequence[Block], order: Sequence[int], name: str | None) -> list:
    """Listings printed after the issuer's name further on ("Southern Company (NYSE: SO) is ...")."""
    if not name:
        return []
    for index in order:
        text = " ".join(blocks[index].lines)
        position = text.find(name)
        while position >= 0:
            found = issuer_listings(text[position:position + 400], name)
            if found:
                return found
            position = text.find(name, position + 1)
    return []


# (XMIL: REC) / [NASDAQ: ACME]: a bracketed stretch that may hold listings
BRACKETS_RE = re.compile(r"[(\[]([^()\[\]]{2,200})[)\]]")


def about_listings(abouts: Sequence[AboutSection], name: str | None) -> list:
    """Listings in the first sentence of the issuer's own About section ("Recordati is ... listed on the Italian
    Stock Exchange (XMIL: REC), ..."), which describes the issuer whatever short name it uses."""
    for section in abouts:
        if not about_match(section.name, name):
            continue
        if found := first_sentence_listings(section.text):
            return found
    return []


def boilerplate_listings(blocks: Sequence[Block], order: Sequence[int], name: str | None) -> list:
    """Listings in the first sentence of a paragraph that describes the issuer by its short name, without an About
    heading: "Recordati is an international pharmaceutical group listed on the Italian Stock Exchange (XMIL: REC)"."""
    short = short_name(name)
    if not short:
        return []
    opening = re.compile(r"^(?:the\s+)?" + re.escape(short) + r"(?:,[^,]{1,80},)?\s+(?:is|are|was)\b", re.I)
    for index in order:
        text = " ".join(blocks[index].lines)
        if opening.match(text) and (found := first_sentence_listings(text)):
            return found
    return []


# "... (XMIL: REC), with roots in 1926. Recordati employs ...": where a paragraph's first sentence ends
SENTENCE_BREAK_RE = re.compile(r"(?<=[a-z)][.!?])\s+(?=[A-Z])")


def first_sentence_listings(text: str) -> list:
    """The listings in the first bracketed stretch of a paragraph's first sentence that holds any."""
    first = SENTENCE_BREAK_RE.split(text, maxsplit=1)[0]
    return next((found for match in BRACKETS_RE.finditer(first) if (found := listings_in(match.group(1)))), [])


# Recordati S.p.A. -> Recordati / Acme Holdings, Inc. -> Acme Holdings: the name without its corporate suffix
# ("Bora Pharmaceuticals Co., Ltd." has two), stripped one at a time from the end.
SUFFIX_END_RE = re.compile(r"(?<![\s,]),?\s++(?>" + CORP_SUFFIX + r"\b)\.?\Z")
MAX_SUFFIXES = 4


def short_name(name: str | None) -> str | None:
    short = name or ""
    for _ in range(MAX_SUFFIXES):
        if not (suffix := SUFFIX_END_RE.search(short)):
            break
        short = short[:suffix.start()]
    short = short.strip(" ,")
    return short if len(short) >= 3 else None


def description_listings(document: Document) -> list:
    """A repost page whose copy of the lead lost its exchange ("(AAC)", the ticker a link to a quote page) keeps the
    wire's lead in its description: "BRENTWOOD, Tenn., June 13, 2017 /PRNewswire/ -- AAC Holdings, Inc . (NYSE: AAC)"."""
    description = dict(document.meta).get("description") or ""
    dateline = parse_dateline(description) if description else None
    if dateline is None or not dateline.wire:
        return []
    return issuer_listings(dateline.rest, company_name(dateline.rest))


def matching_paren(text: str, open_at: int) -> int:
    depth = 0
    for position in range(open_at, min(len(text), open_at + 400)):
        if text[position] in "([":
            depth += 1
        elif text[position] in ")]":
            depth -= 1
            if depth == 0:
                return position
    return min(len(text), open_at + 400)


# "The investor presentation is available on H&R's website at www.hr-reit.com/investor-relations/#...": a page of
# the site that holds a document, whose root is the site
DOCUMENT_WORD_RE = re.compile(r"\b(?:available|presentations?|reports?|statements|results|filings?|slides)\b", re.I)
WEBSITE_PHRASE_RE = re.compile(r"(?:web\s*site|visit|found at|available at|log on at|web:|website:|www\.)", re.I)


def issuer_website(blocks: Sequence[Block], abouts: Sequence[AboutSection], name: str | None,
                   after_lead: Sequence[int], before_lead: Sequence[int]) -> str | None:
    """The issuer's own site: its About section first, else where the release calls it its website."""
    # Another company's About section (the other party to a merger) never gives the issuer's site.
    own = [s for s in abouts if about_match(s.name, name)] or list(abouts)
    for section in sorted(own, key=lambda s: -about_match(s.name, name)):
        text = " ".join([section.text, *visit_lines(blocks, section)])
        sites = [site for site in websites_in(text) if not offer_link(text, site)]
        if sites:
            return best_site(sites, name)
    # "[GitLab Inc.](https://about.gitlab.com/), (Nasdaq: GTLB) today announced": the issuer's name in the lead
    # linked to its site
    words = name_words(name)
    for link in blocks[after_lead[0]].links if after_lead and words else ():
        linked = set(name_words(link.text))
        if linked and linked <= set(words) and websites_in(link.href):
            return link.href
    foreign = {i for s in abouts if s not in own for i in s.blocks}
    # The page's own trailer is chrome to the body, yet it is where a newswire page lists the issuer's links.
    listed = related_links(blocks, range(after_lead[0], len(blocks))) if after_lead else []
    if listed:
        return best_site(listed, name)
    sites, standalone, pages = [], [], []
    for index in [*after_lead, *before_lead]:
        if index in foreign:
            continue
        block = blocks[index]
        text = " ".join(block.lines)
        if WEBSITE_PHRASE_RE.search(text):
            found = websites_in(text) or [link.href for link in block.links if websites_in(link.href)]
            # "Sven Pauly ... sp@crossalliance.de www.crossalliance.de": the site of the firm whose mailbox is
            # beside it, an agency's unless it carries the issuer's name
            mailboxes = {mail_domain(m.group(0)) for m in EMAIL_RE.finditer(text)}
            # (the mailbox's domain as matched may run on into the site glued to it: "sp@x.dewww.x.de")
            found = [site for site in found if not any(domain_of(site) in box for box in mailboxes)
                     or any(w in domain_of(site) for w in words)]
            sites.extend(found)
            if not STRONG_CALL_RE.search(text) and not DOCUMENT_WORD_RE.search(text):
                pages.extend(found)  # "visit Apple's PR website (www.apple.com/pr)": the site as printed
        standalone.extend(line.strip() for line in block.lines if websites_in(line.strip()) == [line.strip()])
    if not sites:
        return None
    # Outside an About section a link usually points into the site (a webcast page): its root is the site,
    # and the root printed most often wins over a one-off (or misprinted) one.
    roots = [site_root(site) for site in sites]
    matching = [root for root in roots if any(w in domain_of(root) for w in words)] or roots
    root = max(matching, key=lambda root: (matching.count(root), -matching.index(root)))
    # A URL standing on a line of its own (a contact block's, a footer's) is the site as the issuer prints it.
    alone = [site for site in standalone if site_root(site) == root]
    printed = [site for site in pages if site_root(site) == root]
    return alone[0] if alone else printed[0] if printed else root


# "For more information on Acme, please visit: www.acme.com" under an About section: the section's site, though
# the line is not part of its text
VISIT_LINE_RE = re.compile(r"^for\s+(?:more|further|additional)\s+information\b[^.\n]{0,80}?\bvisit\b", re.I)
VISIT_LINES = 2
VISIT_LINE_CHARS = 200


def visit_lines(blocks: Sequence[Block], section: AboutSection) -> list[str]:
    after = section.blocks[-1] + 1 if section.blocks else len(blocks)
    return [
        blocks[i].text for i in range(after, min(after + VISIT_LINES, len(blocks)))
        if len(blocks[i].text) < VISIT_LINE_CHARS and (VISIT_LINE_RE.match(blocks[i].text.strip("*_ "))
                                                      # "https://www.legrandgroup.com" alone under the section
                                                      or LINK_ONLY_RE.fullmatch(blocks[i].text.strip("*_ ")))
    ]


# "... by downloading the free trial at www.x.com/trial" / "Request a demo at x.com/demo": a page of one offer
OFFER_RE = re.compile(r"\b(?:free trial|trial version|download(?:ing)?|request(?:ing)? a demo|demo|sign(?:ing)? up|"
                      r"buy(?:ing)?|shop(?:ping)?|order(?:ing)?|subscrib(?:e|ing))\b[^.!?]{0,80}$", re.I)


def offer_link(text: str, url: str) -> bool:
    """A URL with a path that the sentence offers a product or a download at: not the company's website."""
    if "/" not in re.sub(r"^[a-z]+://", "", url, flags=re.I).rstrip("/"):
        return False
    at = text.find(url)
    return at >= 0 and bool(OFFER_RE.search(text[max(0, at - 120):at]))


# RELATED LINKS / Related links: (a newswire page's list of the issuer's sites, under SOURCE)
RELATED_LINKS_RE = re.compile(r"^related links?\s*+:?\s*$", re.I)


def related_links(blocks: Sequence[Block], indexes: Sequence[int]) -> list[str]:
    """The sites a newswire page lists under its "Related links" label, which the issuer supplies."""
    for index in indexes:
        lines = blocks[index].lines
        if lines and RELATED_LINKS_RE.match(lines[0].strip()):
            following = lines[1:] or (blocks[index + 1].lines if index + 1 < len(blocks) else [])
            return [site for line in following for site in websites_in(line)]
    return []


def site_root(url: str) -> str:
    return re.match(r"^(?:[a-z]+://)?[^/?#]+", url, re.I).group(0)


def about_match(section_name: str, company: str | None) -> int:
    if not company:
        return 0
    words = {w.casefold() for w in re.findall(r"\w{3,}", company)}
    return len(words & {w.casefold() for w in re.findall(r"\w{3,}", section_name)})


def best_site(sites: Sequence[str], name: str | None) -> str:
    """The first site whose domain carries a word of the issuer's name, else the first."""
    words = name_words(name)
    matching = [site for site in sites if any(w in domain_of(site) for w in words)] or list(sites)
    return matching[0]


def name_words(name: str | None) -> list[str]:
    return [w.casefold() for w in re.findall(r"[A-Za-z]{3,}", name or "") if w.casefold() not in COMMON_NAME_WORDS]


COMMON_NAME_WORDS = {"inc", "corp", "corporation", "company", "the", "group", "ltd", "limited", "holdings", "and",
                     "plc", "llc", "technologies", "international", "global"}
