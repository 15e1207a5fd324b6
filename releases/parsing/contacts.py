"""Blocks of a release -> the people and desks of its contact block(s).

`find_contacts(blocks)` takes every content block of the document (page chrome removed)
and returns the contacts with the indexes of the blocks that hold them, so that the
pipeline can take those blocks out of the body. Contacts stand

- under a label at the end ("Investor Contacts:", "CONTACT:", "For further information:"),
- in a letterhead at the top ("Investor Relations Contact / Jonathan Vaas / Adobe / ir@adobe.com"),
- in an unlabelled two-column table of names and addresses (PR Newswire's layout),
- in a stand-alone sentence ("For investor relations information, please contact ...").

Each line is cut into fields (phones, emails, names, titles, organizations); the fields
then fill one contact after another, a new one starting where a second name, a new
label or an "or" says so. People quoted in the body and "send your questions to"
addresses are not contacts: only labelled blocks are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..phones import numbers_in
from .document import COLUMN_GAP_RE, Block
from .patterns_calls import EMAIL_RE, PHONE_HINT_RE, find_phones, find_urls, strip_markdown
from .result import ContactInfo

ROLE_WORDS = {
    "investors": r"investor(?:s|\s+relations)?|ir|analysts?|investment\s+community|shareholders?|financial\s+community",
    "media": r"media|press|public\s+relations|pr|communications?|news\s+media|journalists?|corporate\s+affairs|"
             r"editorial|editors?",
}
_ROLES = "|".join(ROLE_WORDS.values())
# The first role word of a label decides: "Investor Relations/Media Contact" -> investors
ROLE_WORD_RE = re.compile(
    rf"\b(?:(?P<investors>{ROLE_WORDS['investors']})|(?P<media>{ROLE_WORDS['media']}))(?![\w-])", re.I
)
_PREFIX = (
    r"(?:u\.?s\.?|international|global|european|asia|north\s+american|company|corporate|agency|general|"
    r"financial|canadian|external|internal)"
)
# "Investors", "Corporate Communications", "Investor Relations/Media", "Company, Investors and Media"
_ROLE_ITEM = rf"(?:{_PREFIX}\s+)?(?:{_ROLES})"
_ROLE_LIST = rf"(?:{_PREFIX}\s*,\s*)?{_ROLE_ITEM}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*){_ROLE_ITEM}){{0,3}}"
_LABEL_CORE = (
    r"contacts?(?:\s+(?:information|details|us|the\s+(?:firm|company|team))(?:\s+(?:now|today))?)?"
    r"|enquiries|inquiries|information|hotline|desk|line|team|department"
    # the word in German, Dutch and the Nordic languages: "Kontakt:", "Ansprechpartnerin:", "Contactpersoon:"
    r"|kontakt(?:e|person(?:er)?)?|ansprechpartner(?:in)?|contactpersoon|contactpersonen"
)
# A line that is only a label: "Investor Contacts:", "Media:", "CONTACT:", "/CONTACT:", "Contacts",
# "Media enquiries", "Contact Investor Relations", "INTERNATIONAL INVESTOR RELATIONS", "Contact the Firm Now:",
# "Investor Relations Contact", "For more information, please contact:", "Media Hotline", "Media Relations",
# "Contacts for more information:", "For media inquiries, please contact:", "Investor Relations Department."
LABEL_RE = re.compile(
    rf"^[/#*\s]*(?:"
    # "Financial analysts may call:", "News media inquiries please call": who is asked to call, first, as
    # the shorter labels below would stop before the verb
    rf"(?P<asks>(?:{_PREFIX}\s+)?{_ROLE_LIST}(?:\s+(?:inquiries|enquiries|questions))?,?\s+"
    rf"(?:(?:may|should|can|are\s+asked\s+to)\s+|please\s+)(?:call|contact))"
    rf"|(?:{_PREFIX}\s+)?(?:{_ROLE_LIST}\s+)?(?:{_LABEL_CORE})"
    # ("Contact for press inquiries")
    rf"(?:\s+(?:for\s+)?{_ROLE_LIST}(?:\s+(?:inquiries|enquiries|questions))?)?(?:\s+contacts?)?"
    r"(?:\s+for\s+(?:further|more|additional)\s+information)?"
    rf"|{_ROLE_LIST}\s+relations(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*){_ROLE_ITEM}){{0,3}}"
    rf"|(?:{_PREFIX}\s+)?{_ROLE_LIST}(?:[\s-]support)?"  # "International IR/PR-Support"
    rf"|for\s+(?:further|more|additional)\s+(?:{_ROLE_LIST}\s+)?"
    r"(?:information|details|inquiries|enquiries|queries|questions)"
    r"(?:\s+(?:on|about)\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})?"  # "For more information on Acme, ..."
    rf"(?:,?\s+(?:please\s+)?contact)?"
    rf"|(?:for\s+)?(?:{_PREFIX}\s+)?{_ROLE_LIST}\s+(?:inquiries|enquiries|questions|requests)"
    rf"(?:,?\s+(?:please\s+)?contact)?"
    rf"|for\s+{_ROLE_LIST}(?:,?\s*(?:&|and)\s+(?:more|further|additional)\s+information)?"
    rf"(?:,?\s+(?:please\s+)?contact)?"  # "For Media and Investor Relations, please contact:"
    rf"|(?:if\s+you\s+have\s+(?:any\s+)?(?:further\s+)?questions,?\s+)?(?:please\s+)?contact(?:\s+us)?"
    rf"|contact\s+information|further\s+information"
    rf")(?![\w@-]|\.\w)\s*+[:\-–.]?\s*+(?P<rest>.*)$",
    re.I,
)
# "Jane Doe, 206-555-0100 (Investors)": the role of the person it follows
PAREN_ROLE_RE = re.compile(rf"\(\s*(?:for\s+)?({_ROLES})\s*\)", re.I)
# "Investor Relations: Gina Accordino, ... Communications: Seth Eisen, ..." on one line, and
# "... ir@crestline.com  Media Relations: Kevin Osei, ..."
INLINE_LABEL_RE = re.compile(
    rf"(?<=\S)(?<!\bfor)\s+(?=(?:{_PREFIX}\s+)?(?:{_ROLES})(?:\s+(?:contacts?|relations|inquiries|enquiries))?\s*:)",
    re.I,
)
_REGIONS = (
    r"(?:u\.?s\.?a?|u\.?k\.?|europe|asia|china|japan|germany|france|canada|india|australia|israel|korea|"
    r"north\s+america|latin\s+america|americas|emea|apac|asia[\s-]pacific|rest\s+of\s+(?:the\s+)?world|"
    r"nordics?|benelux|switzerland|singapore|hong\s+kong)"
)
# Where the people below are: "In Korea:", "Outside Korea:", "In the United States:", "UK, Europe & Rest of World:",
# and "In Taiwan" alone over a column of a side-by-side table (not "Canada" alone: an address's last line)
REGION_RE = re.compile(_REGIONS, re.I)
REGION_LABEL_RE = re.compile(
    rf"^(?:(?:in|outside(?:\s+of)?)\s+(?:the\s+)?(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){{0,3}}(?:\s*+:\s*+|\s*+$)"
    rf"|{_REGIONS}(?:\s*(?:,|&|and)\s*{_REGIONS}){{0,4}}\s*:\s*+)(?P<rest>.*)$",
    re.I,
)
# "Contact BioStem:", "Contact Nordwind AG:": a label naming the company whose desk follows
COMPANY_LABEL_RE = re.compile(
    r"^(?i:contacts?)\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*:\s*+(?P<rest>.*)$"
)
# "Glimpse Contact:", "Acme Group Contacts:", "Vycor Medical, Inc. Contacts:": the company before the word (a role before it is a LABEL_RE label)
ORG_CONTACT_LABEL_RE = re.compile(
    r"^(?P<org>[A-Z][\w&.'’-]*(?:,?\s+[A-Z][\w&.'’-]*){0,3})\s+(?i:contacts?(?:\s+(?:information|details))?)\s*:\s*+"
    r"(?P<rest>.*)$"
)
# "ICR Healthcare US:Alexis Feinberg": the region of the agency's person
INLINE_REGION_RE = re.compile(rf"(?<=\S)\s+(?={_REGIONS}\s*:)", re.I)
# "For investor relations information, please contact Jane Doe at 212-555-0100."
SENTENCE_RE = re.compile(
    rf"\bfor\s+(?:further\s+|more\s+|additional\s+)?(?P<role>{_ROLES})\s+(?:information|inquiries|enquiries|questions)"
    rf"[^.]{{0,30}}?\bplease\s+contact(?:\s*+:)?\s+(?P<rest>[^\n]+)",
    re.I,
)
# "For further details on Acme Ltd., please visit the Company's website at www.acme.com or contact Jane Doe,
# President and CEO, at (604) 555-6365": the closing sentence of a Canadian junior's release (no role named)
DETAILS_SENTENCE_RE = re.compile(
    r"\bfor\s+(?:further|more|additional)\s+(?:details|information)\b(?P<role>)[^\n]{0,200}?"
    r"\b(?:please\s+)?(?:visit\b[^\n]{0,160}?\bor\s+)contact\s+(?P<rest>[^\n]+)",
    re.I,
)
# Lines that end a contact block: the next section, the wire's trailer, the page's chrome.
STOP_RE = re.compile(
    r"^\W*(?:about\s|source\b|###|-30-|forward[\s-]looking|safe\s+harbou?r|caution(?:ary)?\b|release\s+summary|\$cashtags|"
    r"view\s+(?:the\s+)?(?:source|original)|logo\b|original/source|photos?:|multimedia|site\s+navigation|"
    r"for\s+immediate\s+release|news\s+release|press\s+release|exhibit\s+\d|copyright|©|\(c\)\s+\d{4}|"
    r"note\s+to\s+editors|(?:mon|tues|wednes|thurs|fri|satur|sun)day,|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\W*$|"
    r"to\s+be\s+added|follow\s+us|this\s+press\s+release|disclaimer|posted\s+(?:by|on|in)\b|"
    # "ON BEHALF OF THE BOARD OF DIRECTORS" / "Jane Doe, President and CEO": a sign-off, not a contact block
    r"on\s+behalf\s+of\s+the\s+board\b|"
    # Distribution: / Nasdaq Helsinki / Main media: the mailing list under a Nordic exchange release, labelled or not
    r"distribution\s*:|(?:nasdaq\s+(?:omx\s+)?(?:helsinki|stockholm|copenhagen|iceland)|"
    r"(?:helsinki|stockholm|copenhagen|oslo)\s+stock\s+exchange|(?:main|key|principal|major)\s+media)\W*$)",
    re.I,
)

TITLE_WORDS = (
    r"chief|officer|president|vice|vp|svp|evp|smd|head|director|manager|managing|senior|executive|"
    r"ceo|cfo|coo|cto|cmo|cio|treasurer|secretary|chair(?:man|woman|person)?|founder|co-founder|partner|principal|"
    r"spokes(?:person|man|woman)|analyst|associate|counsel|controller|specialist|coordinator|consultant|"
    r"lead|leader|advisor|adviser|officer|general|assistant|deputy|account|investor\s+relations|"
    r"communications|relations|marketing|finance|treasury|strategy"
)
TITLE_START_RE = re.compile(
    r"^(?:(?:acting|interim)\s+)?"
    r"(?:chief|president|vice|vp|svp|evp|smd|head|director|manager|managing|senior|executive|sr\.?|"
    r"ceo|cfo|coo|cto|cmo|treasurer|secretary|chair(?:man|woman|person)?|founder|co-founder|partner|principal|"
    r"spokes(?:person|man|woman)|analyst|associate|counsel|controller|specialist|coordinator|general\s+counsel|"
    r"assistant|deputy|global\s+head|group\s+head|investor\s+relations\s+(?:manager|director|officer|lead)|"
    r"company\s+secretary|leiter(?:in)?|(?:presse)?sprecher(?:in)?)\b",
    re.I,
)
TITLE_WORD_RE = re.compile(rf"\b(?:{TITLE_WORDS})\b", re.I)
# "Inc.", "Corp.", "Ltd.", "LLC", "AG", "plc", "S.A.", "GmbH", and agency words
COMPANY_SUFFIX = (
    r"inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|lp|l\.p|llp|plc|ag|se|sa|s\.a|"
    r"nv|n\.v|bv|b\.v|gmbh|kg|ab|asa|as|oyj|oy|aps|spa|s\.p\.a|srl|pty|pte|kk|group|holdings?"
)
# A company suffix as printed ("Corporation", "AG", "Inc."), told from a name's capitals
SUFFIX_WORDS = (r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|LP|LLP|PLC|plc|AG|SE|SA|S\.A|NV|N\.V|BV|"
                r"GmbH|KG|AB|ASA|AS|Oyj|Oy|ApS|SpA|S\.p\.A|Srl|Pty|Pte|Group|Holdings?")
# "Contact Charbone Corporation" alone on its line: with a company suffix, a label without its colon
# ("Contact Heidelberg Pharma AG Sylvia Wimmer": its first field after it, where a converter ran them together)
SUFFIXED_COMPANY_LABEL_RE = re.compile(
    rf"^(?i:contacts?)\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,3}},?\s+(?-i:{SUFFIX_WORDS})\b\.?)"
    r"\s*(?P<rest>(?:[A-Z]\S*\s.*)?)$"
)
ORG_END_RE = re.compile(
    rf"\b(?:{COMPANY_SUFFIX})\b\.?$|\b(?:relations|partners|advisors|advisers|advisory|communications|network|"
    r"associates|agency|consulting|group|media|pr|ir|strategies|capital|public\s+affairs|worldwide|international)$",
    re.I,
)
ORG_SUFFIX_IN_RE = re.compile(rf"^(?P<org>.+?\b(?:{COMPANY_SUFFIX})\b\.?)\s+(?=.*\d)", re.I)
ADDRESS_RE = re.compile(
    r"\b(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd|drive|dr\.|suite|floor|p\.?\s?o\.?\s+box|"
    r"straße|strasse|"
    r"tower|building|plaza|lane|way|centre|center|square|park)\b"
    r"|\bstr\.(?=\s)|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{5}(?:-\d{4})?\b|\b\d{4}\s+[A-Z][a-z]+|^\d+\s+\w+"
    r"|,\s*[A-Z]{2}\s+\d{5}",
    re.I,
)
# Labels in front of a value: "Tel:", "Phone:", "E-Mail:", "Mobile:", "or e-mail", "Web:"
FIELD_LABEL_RE = re.compile(
    r"^(?:or\s+)?(?:(?:e-?mail|email|mail)\b\s*:?|(?:tel(?:ephone)?|phone|ph|mobile|mob|cell|office|direct|fax|main|"
    r"t|m|o|p|e|web(?:site)?|w)\s*[.:]|\([tmopefw]\)(?=\s))\s*(?:\([A-Za-z.]{2,6}\)\s*)?",  # "(P) +886 ..."
    re.I,
)
BARE_FIELD_LABEL_RE = re.compile(
    r"(?i)(?:or\s+)?(?:tel(?:ephone)?|phone|mobile|cell|fax|e-?mail|mail|web(?:site)?|direct|office|main|ph|t|m|e|p|o)\.?"
)
# "... and Treasury Phone: +46733583171": a field label inside a line separates two fields
# ("Interim CEO & COO P: +57 1 241 1110 E: jscott@acme.ca": a cell's lines run together, one-letter labels)
INLINE_FIELD_LABEL_RE = re.compile(
    r"(?<=\S)\s+(?:tel(?:ephone)?|phone|mobile|cell|fax|office|direct|e-?mail|mail)\s*[.:]"
    r"|(?<=\S)\s+(?-i:[PTMOE]):(?=\s)", re.I  # (the number or mailbox after it is blanked by now)
)
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "bin", "al", "st."}
# (a word after a hyphen is part of the word before it: "Min-jun" is no month)
NOT_NAME_WORDS = re.compile(
    rf"\b(?<!-)(?:{TITLE_WORDS}|{COMPANY_SUFFIX}|contact|media|investors?|hotline|press|the|and|of|for|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|release|news|newswires?|wire|immediate|email|phone|tel|"
    r"partners|advisors|advisers|advisory|associates|consulting|communications|strategies|capital|agency|"
    r"relations|worldwide|international|global|both|outside|"
    # institutions and their parts: "Oita University", "Public Relations Section"
    r"university|college|institute|school|hospital|foundation|ministry|department|division|section|"
    # the headings of financial statements and of the sections after a contact block: "Three Months Ended",
    # "FINANCIAL TABLES FOLLOW", "Condensed Consolidated Balance Sheets", "Caution Concerning Forward-Looking
    # Statements", "Business Development"
    r"months|weeks|ended|consolidated|condensed|balance|sheets?|tables?|follows?|financial|results|subsidiaries|"
    r"statements?|operations|information|income|revenues?|flows|assets|liabilities|equity|earnings|quarterly|"
    r"fiscal|summary|highlights|unaudited|audited|reconciliation|gaap|caution(?:ary)?|concerning|forward|"
    r"looking|harbou?r|business|development|conference|webcast|replay|passcode|participants|registration|"
    r"selected|supplemental|segments?|adjusted|"
    # the lines of an address: "Ballard Estate", "Jessore Road", "VISTA GRAND TOWERS", "Spencer Plaza"
    # (not "Street" or "Tower": firms' names, "Hill Street")
    r"road|estate|towers|plaza|marg|nagar|floor|bhawan|sector|campus|registered|office)\b",
    re.I,
)
# "Jane", "Lee-Ann", "Min-jun" (a Korean given name), "J.", "McDonald", "HyeLim", "DeAngelis", "O’Donnell", "Jr."
NAME_WORD_RE = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+|-[a-z]{2,4})?|[A-Z]\.|[A-Z][a-z]{0,5}[A-Z][a-z]+|[OD][’'][A-Z][a-zà-ÿ]+|"
    r"Jr\.?|Sr\.?|II|III|IV)$"
)
# "..., both of Acme Corp."
BOTH_OF_RE = re.compile(r"^(?:both|all)\s+of\s+(?P<org>[A-Z][^/]+)")
# "CEO of Acme AB", "Head of Investor Relations at Acme Holding plc": a title, then a firm with its suffix
TITLE_OF_ORG_RE = re.compile(
    rf"^(?P<title>.+?)\s+(?:of|at)\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+[\w&.'’-]+){{0,4}}\s+(?i:{COMPANY_SUFFIX})\.?)$"
)
# "Jane Doe of Acme Corp."
NAME_OF_ORG_RE = re.compile(r"^(?P<name>.+?)\s+of\s+(?P<org>[A-Z].+)$")
# Social-media handles in a contact block ("X: @AcmeInc", "LinkedIn: Acme Inc."): no way to reach a person
SOCIAL_LABELS = ("X", "Twitter", "Facebook", "LinkedIn", "Instagram", "YouTube", "TikTok", "Threads", "Bluesky")
SOCIAL_FIELD_RE = re.compile(rf"^(?:{'|'.join(SOCIAL_LABELS)})\s?:")
# Glued text from a converter that dropped line breaks: "Mareike VolkerHead of Investor Relations",
# "Kirin Smith, PresidentPCG Advisory, Inc.", "Helix BioPharma Corp.Bay Adelaide Centre",
# "Contact:Todd Waltz(408) 213-0940investors@aemetis.com", "Kirin SmithPCG Advisory Group",
# "Group, LLCScott Powell", "Corporate ContactMatthias TrondleChief Financial Officer+423 388 3510",
# "Mail: sp@crossalliance.dewww.crossalliance.de", "Media Managerreriksson@acme.ch".
GLUE_RES = (
    # "Investor Relationsrebecca.gordon@acme.com": a title glued to a mailbox in lower case (first, so that the
    # title's own word ends before the patterns below look for it)
    re.compile(r"\b(?:Relations|Manager|Officer|Director|President|Treasurer|Secretary|Communications|Affairs|"
               r"Analyst|Specialist|Coordinator|Associate|Partner|CEO|CFO|Ltd|Inc|LLC|Corp|AG|GmbH|plc)"
               r"(?=[a-z][\w.+-]*@)|\b(?:Inc|Corp|Ltd|Co)\.(?=[a-z][\w.+-]*@)"),
    re.compile(r"(?<=[a-z.])(?=(?:Head|Chief|President|Director|Manager|Vice|Senior|Executive|Phone|Tel|"
               r"Telephone|Mobile|Fax|E-?[Mm]ail|Office|Cell|Direct|Managing|Founder|Co-[Ff]ounder|Chairman|Deputy|"
               r"Assistant)\b)"),
    re.compile(r"\b(?:President|CEO|CFO|COO|Officer|Director|Manager|Relations|Treasurer|Secretary|"
               r"Chairman|Founder|Partner|Principal|Specialist|Coordinator|Associate|Consultant|Analyst|"
               r"Communications)(?=[A-Z])"),
    re.compile(r"\b(?:Advisory|Partners)(?=[A-Z][a-z])"),  # "PCG AdvisoryKevin McGrath"
    re.compile(r"\b(?:Inc|Corp|Ltd|LLC|plc|AG|GmbH)\.(?=[A-Z])"),
    # "MC Services AGKatja Arnold (CIRO)Managing Director": a suffix, or a bracket, glued to the next field
    re.compile(r"\b(?:AG|SE|NV|SA|GmbH|LLC|Ltd|Inc|plc|AB|ASA)(?=[A-Z][a-z])|(?<=[A-Z]\))(?=[A-Z][a-z])"),
    # "Omar HaddadMedia Relations Specialist": a department's post glued to the name
    re.compile(r"(?<=[a-z]{2})(?=(?:Media|Press|Investor|Public|Corporate)\s+(?:Relations|Affairs|Communications|"
               r"Contact|Specialist|Manager|Director|Officer)\b)"),
    re.compile(r"(?<=\d)(?=[A-Z][a-z])|(?<=[a-z])(?=\d{2,}\s)"),
    re.compile(r"(?<=[A-Za-z0-9.])(?=\((?:\+\d|\d{3}\)))|(?<=[a-z])(?=\+\d|\d{3}[-.]\d{3}[-.]\d{4}(?!\d))"),
    # (not a brand with capitals inside, the first word of a name in capitals: "ChipMOS TECHNOLOGIES INC.")
    # (nor a mailbox with capitals in it: "salesUS@acme.com")
    re.compile(r"(?<=[a-z]{2})(?=[A-Z]{2,}\b)(?![A-Z]+\s[A-Z\s.,&]*$|[A-Z]+@)|(?<=[a-z]{2})(?=www\.)"),
    re.compile(r"\b(?:LLC|LLP|GmbH|plc|Contacts?|Enquiries|Inquiries)(?=[A-Z][a-z])"),
    # "ir@charbone.comBenoit Veilleux": a mailbox's (or a site's) top-level domain glued to the next field
    re.compile(r"(?<=\w)\.(?:com|net|org|ca|io|co|de|fr|ch|se|no|dk|fi|nl|be|au|uk|in|jp|hk)"
               r"(?=[A-Z][a-z]|[A-Z]:)"),  # ("info@acme.comT: +1 ...": a phone's one-letter label)
    # "info@acme.comX: @Acme_IncFacebook: AcmeInc": the next field's label glued to a value
    # ("Sven PaulyT: +49 ...": a one-letter label)
    re.compile(rf"(?<=[a-z])(?=(?:{'|'.join(SOCIAL_LABELS)}|Website|Web)\s?:)"
               r"|(?<=[A-Za-z])(?=(?:Phone|Tel|Mobile|E-?[Mm]ail)\s?:)|(?<=[a-z]{2})(?=[TMPEF]:\s)|(?<=[a-z]{3})(?=e-?mail\s?:)"),
)
# "CEOcorporate@helixbiopharma.com": a title glued to the mailbox
GLUED_EMAIL_RE = re.compile(r"^[A-Z]{2,}(?=[a-z])")
DESK_INVESTORS_RE = re.compile(r"^(?:ir|investors?|investor[._-]?relations?|shareholders?|ir[._-].*)@", re.I)
DESK_MEDIA_RE = re.compile(r"^(?:press|presse|media|medien|pr|news|communications|kommunikation|.*[._-]pr)@", re.I)


# --- lines to fields ----------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    kind: str  # "label", "role", "or", "phone", "email", "text", "org" (a firm named by its label), "firm" (named
    # before the word "Contact", for those who print no firm of their own)
    value: str = ""
    role: str | None = None
    gap: str = ""  # as printed between the previous text and this one: ", ", " – ", ", and "


def role_of(label: re.Match) -> str | None:
    word = ROLE_WORD_RE.search(label.string, label.start(), label.start("rest"))
    return word.lastgroup if word else None


def role_for_word(word: str) -> str | None:
    for role, pattern in ROLE_WORDS.items():
        if re.fullmatch(pattern, word.strip(), re.I):
            return role
    return None


# "Jorg BretschneiderBohmersweg 5", "Roberta ReidSynopsys, Inc.": a person's name run into the next field; parted
# only where what comes before is a name (brands keep their capitals: "PayPal", "PrairieSky")
NAME_GLUE_RE = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]{3,}(?=[A-Z][a-z])")
# "Fax +49 40/46 88 33 40presse@acme.de": a number run into a mailbox
DIGIT_MAILBOX_RE = re.compile(r"(?<=\d)(?=[a-z][a-z0-9._-]*@)")


@lru_cache(maxsize=4096)  # the same lines are looked at again and again, as labels, fields and prose
def unglue(line: str) -> str:
    for pattern in GLUE_RES:
        line = pattern.sub(lambda m: m.group(0) + "\n", line)
    line = DIGIT_MAILBOX_RE.sub("\n", line)
    return NAME_GLUE_RE.sub(lambda m: m.group(0) + ("\n" if is_name(m.group(0)) else ""), line)


def columns(lines: list[str]) -> list[list[str]]:
    """The two columns of a fixed-width, side-by-side layout, else the lines as one column."""
    starts = [m.end() for line in lines if "   " in line for m in COLUMN_GAP_RE.finditer(line)]
    if len(starts) < 2 or len(starts) < len(lines) // 2:
        return [lines]
    cut = max(sorted(set(starts)), key=starts.count)  # the most common start; the leftmost of a tie
    left, right = [], []
    for line in lines:
        # The right column starts at the cut, give or take a little; a line may reach it
        # with two spaces only ("+972 54 900 7100  Tel: (US) 1 212 378 8040").
        at = next((p for p in sorted(range(cut - 3, cut + 4), key=lambda p: abs(p - cut))
                   if 0 < p < len(line) and line[p - 1] == " " and line[p] != " " and line[:p].strip()
                   and line[p - 2: p] == "  "), None)
        if at is None:
            (left if line.strip() and len(line) - len(line.lstrip()) < cut - 3 else right).append(line.strip())
        else:
            left.append(line[:at].strip())
            right.append(line[at:].strip())
    return [[x for x in left if x], [x for x in right if x]]


def split_fields(text: str) -> list[str]:
    """'Gilbert L. Danielson, Executive Vice President, +1-404-231-0011' -> its comma-separated parts;
    'Cavendish Capital Markets Limited (Nominated Adviser) Neil McDonald / Pete Lynch' (two lines run
    together by a hard-wrap reader) -> the adviser and each of its people."""
    # (not "New York, NY 10020", "Toronto, ON M5V 3L9": a city and its state and postal code, one address;
    # "Jane Roe, Group Chief Financial Officer" parts at its comma, "Acme, Group" does not)
    parts = re.split(
        rf",(?!\s*(?!company\s+secretary|group\s+\w)"
        rf"(?:{COMPANY_SUFFIX}|jr|sr|ii|iii|md|ph\.?d|{CREDENTIALS})\b\.?(?:,|\s|/|$))"
        r"(?!\s*(?-i:[A-Z]{2})\s+(?:\d{5}\b|(?-i:[A-Z]\d[A-Z])\b))\s*"
        r"|;\s*|\t|\s{3,}|\s+[|/–—]\s+"
        r"|(?<=\))\s+(?=[A-Z][a-z]+\s+[A-Z])",
        text,
        flags=re.I,
    )
    found = []
    for part in (p.strip(" ;") for p in parts if p and p.strip(" ;")):
        pair = part.split("/")
        # "Kathleen Noonan/Julia Westermeir": two people of one desk
        found.extend(pair if len(pair) == 2 and all(map(is_name, pair)) else [part])
    return found


def line_fields(line: str) -> list[Field]:
    fields: list[Field] = []
    for sub in unglue(line).split("\n"):
        if SOCIAL_FIELD_RE.match(sub.strip()):
            continue
        # A label at the start is read whole ("Company, Investors and Media:"); labels further on part the line.
        lead, rest = leading_label(sub.strip())
        fields.extend(lead)
        for piece in (p for part in INLINE_LABEL_RE.split(rest) for p in INLINE_REGION_RE.split(part)):
            lead, piece = leading_label(piece.strip())
            fields.extend(lead)
            fields.extend(value_fields(piece))
    return fields


# "Analytical Contacts", "Business Development Contact": a heading of contacts, whoever they are for
# (not "Email Contact", a mailbox's link whose address was lost)
ANY_CONTACTS_LABEL_RE = re.compile(r"[*_\s]*(?!E-?mail\s|Mail\s)(?:[A-Z][a-z]+\s+){1,3}Contacts?[*_\s]*:?[*_\s]*")
PARTY_LABEL_RE = re.compile(r"^For\s+(?P<org>[A-Z][\w&.,'’ -]{0,59}?[\w.’'])\s*+:\s*+(?P<rest>.*)$")
SUPPORT_LABEL_RE = re.compile(r"(?i)[\s/-]support\s*$")


def leading_label(text: str) -> tuple[list[Field], str]:
    """'Media Contact: Jane Doe' -> the label's field and 'Jane Doe'; 'In Korea: Jane Doe' (a region) too."""
    if asks := ASKS_TO_CONTACT_RE.match(text):
        # "For media enquiries or to set up an interview please contact:": a sentence that is a label
        word = ROLE_WORD_RE.search(text, 0, asks.start("rest"))
        return [Field("label", text[: asks.start("rest")], word.lastgroup if word else None)], asks["rest"]
    label = LABEL_RE.match(text)
    if label and label.group("rest") and SUPPORT_LABEL_RE.search(text[: label.start("rest")]) \
            and not person_name(label.group("rest")):
        # "IR/PR-Support MC Services AG": the agency that supports the issuer, after its label
        return [Field("label", text[: label.start("rest")], role_of(label)), Field("org", label.group("rest"))], ""
    if label and (not label.group("rest") or ":" in text[: label.start("rest")] or role_of(label)) \
            and not (label.group("rest") and ":" not in text[: label.start("rest")]
                     and (ORG_END_RE.search(first_part(text)) or DEPARTMENT_POST_RE.match(first_part(text)))
                     and not name_then_title(first_part(label.group("rest")))):
        # ("Global IR Partners" is a firm and "PR Director" a post, not a label and a name; "Investor contact
        # Stefanie Steiner Director of Investor Relations" is a label and a person)
        return [Field("label", text[: label.start("rest")], role_of(label))], label.group("rest")
    if not label and (named := ORG_CONTACT_LABEL_RE.match(text)):
        # "Glimpse Contact:": the label, and the firm for people below who do not print their own
        return [Field("label", text[: named.start("rest")]), Field("firm", named.group("org"))], named.group("rest")
    if ANY_CONTACTS_LABEL_RE.fullmatch(text):
        return [Field("label", text)], ""  # "Analytical Contacts", "Business Development Contact"
    if (party := PARTY_LABEL_RE.match(text)) and not LABEL_RE.match(text):
        # "For Civitas Solutions:", "For Centerbridge:" in a merger release: whose contacts follow
        return [Field("label", text[: party.start("rest")]), Field("firm", party["org"])], party["rest"]
    named = COMPANY_LABEL_RE.match(text) or SUFFIXED_COMPANY_LABEL_RE.match(text)
    if named:
        # "Contact BioStem:": the desk below is the company's
        return [Field("label", text[: named.start("org")]), Field("org", named.group("org"))], named.group("rest")
    region = REGION_LABEL_RE.match(text)
    if region:
        return [Field("label", text[: region.start("rest")])], region.group("rest")
    return [], text


# "For investor enquiries please contact our Investor Relations Team:", "... please contact:"
ASKS_TO_CONTACT_RE = re.compile(
    r"^(?i:for|to|if)\b[^:\n]{0,100}?\bplease\s+contact(?:\s+(?:our|the)\b[^:\n]{0,40})?\s*+:\s*+(?P<rest>.*)$")


def first_part(text: str) -> str:
    return next(iter(split_fields(text)), "")


WEB_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+")


# "Tel: 2864 4834" (Hong Kong), "Phone: 6222 5223" (Singapore): a local number without its country code, which
# only its label makes a phone
LABELLED_LOCAL_RE = re.compile(
    r"(?i:\b(?:tel(?:ephone)?|phone|ph|mobile|mob|cell|direct|office|t|m)\s?[.:]\s?)(?P<number>\d{4}[ -]\d{4})(?![\d-])"
)


def labelled_local_numbers(text: str) -> list[tuple[int, int, str]]:
    return [(m.start("number"), m.end("number"), m.group("number")) for m in LABELLED_LOCAL_RE.finditer(text)]


MAILBOX_LABELS = "office|mobile|cell|direct|phone|tel|e-?mail|main|work"
GLUED_MAILBOX_RE = re.compile(r"(?P<word>[A-Z][a-z]{1,20}?)(?P<local>[a-z][\w.+-]*)@")


def glued_word_before_mailbox(email: str, before: str) -> int:
    """How many characters of a matched mailbox are a word glued before it: "Mark Greenmgreen@ladenburg.com" (the
    surname again in the mailbox), "David Shapiro ... Officedavid@b2idigital.com" (a name printed before it); else 0."""
    names = {word.casefold() for word in re.findall(r"\b[A-Z][a-z]{2,}", before)}
    label = re.match(rf"(?i)({MAILBOX_LABELS})(?=[a-z])", email)  # "212.579.4844 Officedavid@b2idigital.com"
    if label:
        return label.end()
    for match in GLUED_MAILBOX_RE.finditer(email[: email.find("@") + 1]):
        word, local = match["word"], match["local"].casefold()
        glued = (word + local).casefold()
        for cut in range(len(glued) - 3, 2, -1):  # the longest word that leaves a mailbox naming someone
            head, tail = glued[:cut], glued[cut:]
            if not (head.isalpha() and tail[:1].isalpha()):
                continue  # "Fiedler_ryan_s@": a mailbox of its own, parted by its own marks
            # the mailbox opens with the name, or with an initial and the name: "david@", "mgreen@"
            # (or, for the surname glued before it, with an initial and a dot: "Schmidta.schmidt@")
            if any(tail.startswith(name) or tail[1:].startswith(name) for name in {head, *names} if len(name) >= 4) \
                    or len(head) >= 4 and re.match(rf"[a-z][._-]{re.escape(head)}\b", tail):
                return cut
        break
    return 0


# "Taipei: " / "Hong Kong: " before the number it labels
PHONE_LABEL_RE = re.compile(r"\s*+:\s*+")
PLACE_NOTE_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")


def value_fields(text: str) -> list[Field]:
    found: list[tuple[int, Field]] = []
    phones_at: set[int] = set()
    for finder in (find_phones, numbers_in, labelled_local_numbers):  # printed forms, valid numbers, labelled
        for start, end, phone in finder(text):
            # "F: 604-555-0101", "604-555-0101 (FAX)": a fax machine is no way to reach a person
            if not re.search(r"(?i)\bfax\b|\bf\s*:\s*$", text[max(0, start - 8): start]) \
                    and not re.match(r"(?i)\s*\(?fax\b", text[end: end + 8]):
                found.append((start, Field("phone", phone)))
                phones_at.add(start)
            text = text[:start] + " " * (end - start) + text[end:]
    for match in EMAIL_RE.finditer(text):
        prefix = GLUED_EMAIL_RE.match(match.group(0))
        glued = prefix.end() if prefix else glued_word_before_mailbox(match.group(0), text[: match.start()])
        start = match.start() + glued
        found.append((start, Field("email", text[start: match.end()].rstrip("."))))
        text = text[:start] + " " * (match.end() - start) + text[match.end():]
    text = WEB_ADDRESS_RE.sub(" ", text)
    for match in PAREN_ROLE_RE.finditer(text):
        found.append((match.start(), Field("role", match.group(1), role_for_word(match.group(1)))))
    text = PAREN_ROLE_RE.sub(" ", text)
    text = INLINE_FIELD_LABEL_RE.sub(" | ", text)
    cursor = 0  # where the previous text ended
    for part in split_fields(text):
        start = text.find(part, cursor)
        part = FIELD_LABEL_RE.sub("", part).strip(" ,:;()-–")
        if part.count("(") > part.count(")"):
            part += ")"  # "Cavendish Capital Markets Limited (Nominated Adviser and Broker)"
        part = re.sub(r"^(?:or|and|alt\.)\s+", "", part.lstrip("."), flags=re.I)  # "alt. Mobile": alternatively
        part = re.sub(r"\s+at$", "", part)  # "Acme Media Relations at 612-555-0100"
        if part.endswith(".") and len(part.split()[-1]) > 5:
            part = part[:-1]  # a sentence's full stop, not "Inc." or "Corp."
        part = re.sub(r"\b(AB|ASA|AS|Oyj|plc|PLC|AG|SE|GmbH|NV|BV)\.$", r"\1", part)  # no abbreviation: a full stop
        if re.fullmatch(r"(?i)or|and|alt\.?|/|\|", part):
            found.append((start, Field("or")))
        elif BARE_FIELD_LABEL_RE.fullmatch(part):
            continue  # "Tel +1 212 555 0100": the word without its colon
        elif re.search(r"[A-Za-z]{2}", part):
            at = text.find(part, start)
            at = start if at < 0 else at
            # (the number itself is blanked by now: the spaces after the colon run into it)
            if (note := PHONE_LABEL_RE.match(text, at + len(part))) and PLACE_NOTE_RE.fullmatch(part) \
                    and any(note.start() < phone <= note.end() for phone in phones_at):
                continue  # "Taipei: +886 909 229 018", "Switchboard: ...": the number's own note
            found.append((start, Field("text", part, gap=text[cursor:at] if cursor else "")))
            cursor = at + len(part)
    return [f for _, f in sorted(found, key=lambda item: item[0])]


# --- what a piece of text is --------------------------------------------------------------


# "Jane Doe, Ph.D.", "John Roe Jr.", "Ann Lee, CFA": letters after a name
# "Jane Doe, CFA, CPA, CPCU": the letters after a name, as many as are printed
CREDENTIALS = r"cfa|cpa|mba|cpcu|(?-i:ARe)|cfp|caia|frm|cma|d\.?phil|m\.?phil|m\.?sc|pharm\.?d"
CREDENTIALS_RE = re.compile(
    rf"(?:,?\s++(?>jr|sr|iii|ii|iv|m\.?d|ph\.?\s?d|esq|j\.?d|ll\.?m|{CREDENTIALS})\b\.?)++$", re.I)


# "Dr. Katrin Weiss", "Prof. Jan de Vries": a title of address before a name, kept as printed
HONORIFIC_RE = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Mme|Mag|Ing)\.?\s+(?=[A-Z])")


def is_name(text: str, capital_surname: bool = True) -> bool:
    words = CREDENTIALS_RE.sub("", HONORIFIC_RE.sub("", text)).split()
    if not 2 <= len(words) <= 5 or NOT_NAME_WORDS.search(text) or REGION_RE.fullmatch(text):
        return False  # (nor "Hong Kong", "North America": a region)
    named = [w for w in words if w.lower() not in NAME_PARTICLES]
    if text.isupper():
        # "JANE Q. DOE" in an upper-case contact block of the 1990s and 2000s
        named = [w[:1] + w[1:].lower() for w in named]
    elif capital_surname and len(named) == 2 and NAME_WORD_RE.match(named[0]) and named[-1].isupper() \
            and len(named[-1]) > 3 and named[-1].isalpha():  # (not "Kekst CNC", a firm's initials)
        # "Ronan MARC", "Lucie DAUDIGNY": the family name in capitals, as French releases print it
        named = [*named[:-1], named[-1][:1] + named[-1][1:].lower()]
    # "Ms. Li Wei": after a title of address, a short Chinese family name is a name's part too; "Gerald Su",
    # "Peter Ng": a family name of two letters last
    long_words = 1 if HONORIFIC_RE.match(text) else 2
    return all(NAME_WORD_RE.match(w) for w in named) and sum(
        len(w) > 2 or (i == len(named) - 1 and w.lower() in SHORT_FAMILY_NAMES) for i, w in enumerate(named)
    ) >= long_words


# Family names of two letters (Chinese, Korean, Vietnamese), none of them an English word
SHORT_FAMILY_NAMES = {"li", "wu", "ng", "ho", "ma", "yu", "lu", "xu", "hu", "su", "oh", "ko", "yi", "ye", "fu", "gu",
                      "ly", "vo", "ou", "ge", "mo", "lo", "au", "ip", "ku"}


# "Jorgen Tesselaar (Europe and Asia)": a note on what the person covers
PAREN_NOTE_RE = re.compile(r"^(?P<name>[^()]{3,60}?)\s*\([^()]{2,40}\)$")


def person_name(text: str) -> str | None:
    """The name a piece of text is, without a note in brackets after it; None if it is no name."""
    if is_name(text):
        return text
    note = PAREN_NOTE_RE.match(text)
    return note.group("name") if note and is_name(note.group("name")) else None


# "Ronan MARC (Legrand)", "Lucie DAUDIGNY (TBWA)": a person, then the firm in brackets (not "(Europe and Asia)", what
# the person covers, nor "(Media)")
REGION_WORD_RE = re.compile(rf"(?i){_REGIONS}(?:\s*(?:,|&|and)\s*{_REGIONS})*|investors?|media|press|ir|pr")
NAME_AND_FIRM_RE = re.compile(r"^(?P<name>[^()]{3,60}?)\s*\((?P<firm>[A-Z][\w&.'’ -]{1,40})\)$")


# A department, then the post in it: "PR Director", "PR Specialist", "Media Relations Manager", "IR Lead"
DEPARTMENT_POST_RE = re.compile(
    rf"^(?:(?:{_ROLES}|marketing|sales|corporate|digital|brand|content|product|account|relations|finance|financial|"
    r"operations|technical|commercial|legal|group|plant|site|mill|factory|project|program|programme|regional|"
    r"country|area|production|quality|business|development|research|engineering|strategic|internal|"
    r"international|social|community|stakeholder|scientific|medical|clinical|regulatory|government|public)\s+){1,3}"
    r"(?:director|manager|specialist|officer|coordinator|consultant|executive|lead|associate|analyst|"
    # ("Corporate Secretary", "Group Treasurer")
    r"spokes(?:person|man|woman)|advisor|adviser|head|liaison|secretary|controller|treasurer)$",
    re.I,
)


def is_title(text: str) -> bool:
    text = GROUP_PREFIX_RE.sub("", text)  # "Group Director of Communications", "Group Chief Executive": UK titles
    return bool(TITLE_START_RE.match(text)) or (len(text.split()) <= 2 and bool(TITLE_WORD_RE.fullmatch(text))) \
        or bool(DEPARTMENT_POST_RE.match(text))


GROUP_PREFIX_RE = re.compile(r"^group\s+(?=\w)", re.I)
# "Investor Relations & Corporate Communications" / "Corporate Communications and Public Affairs": departments only
DEPARTMENT = (r"(?:(?:investor|public|media|corporate|external|government|financial)\s+(?:relations|communications|"
              r"affairs)|communications|marketing|finance|treasury|strategy)")
DEPARTMENT_LINE_RE = re.compile(rf"{DEPARTMENT}(?:\s*(?:&|and|,)\s*{DEPARTMENT})*", re.I)
BARE_ROLE_RE = re.compile(r"(?:investors?|media|press|analysts?|the\s+media)", re.I)
# What stands between two parts of one title: "Director – Investor Relations", "VP of IR, Communications, and ..."
TITLE_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s[–—-]\s|\s+and\s+)\s*")


# A department's word alone ends an agency's name, not a person's: "Harris Public Relations"
DEPARTMENT_RE = re.compile(r"(?i)(?:relations|communications|marketing|finance|treasury|strategy|general|account)")


def name_then_title(text: str) -> tuple[str, str] | None:
    """'Adam Hansson Tonning Head of IR and Treasury' -> (name, title); 'President Robert Banks' too."""
    words = text.split()
    for cut in range(2, min(len(words), 5)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        # (a family name in capitals only standing alone: "Industrial Technologies SAPI" is a firm's name)
        if is_name(head, capital_surname=False) and is_title(tail) and not DEPARTMENT_RE.fullmatch(tail):
            return head, tail
    for cut in range(1, len(words) - 1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        # (not "Head of Media Relations and" / "Public Affairs": a title cut at its "and")
        # (nor "VP" / "Public Affairs": a title and its department)
        if is_title(head) and is_name(tail, capital_surname=False) and not TITLE_WORD_RE.search(tail) \
                and not head.endswith((" and", " &")) and not DEPARTMENT_LINE_RE.fullmatch(tail):
            return tail, head
    return None


def is_address(text: str) -> bool:
    return bool(ADDRESS_RE.search(text)) and not ORG_END_RE.search(text)


# --- fields to contacts -------------------------------------------------------------------


@dataclass
class Draft:
    role: str | None = None
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    blocks: set[int] = field(default_factory=set)

    @property
    def reachable(self) -> bool:
        return bool(self.phones or self.emails)

    def contact(self) -> ContactInfo:
        role = self.role or department_role(self.title, self.organization) or desk_role(self.emails) or "other"
        return ContactInfo(
            role=role,
            name=self.name,
            title=self.title,
            organization=self.organization,
            phones=tuple(self.phones),
            emails=tuple(self.emails),
        )


# The department a person works in, when no label says it: "Vice President, Investor Relations",
# "VP of IR, Communications" (the first one named), "Philips Global Press Office", "Oracle Corporate Communications"
_DEPARTMENTS = (
    r"(?:(?P<investors>investor\s+relations|(?-i:IR))|(?P<media>press|media(?:\s+relations)?|public\s+relations|(?-i:PR)|"
    r"(?:corporate\s+)?communications|corporate\s+affairs))"
)
DEPARTMENT_IN_TITLE_RE = re.compile(rf"\b{_DEPARTMENTS}\b", re.I)
# An organization is named for its department only at its end, and not by a bare word that ends many firms'
# names ("Townsquare Media", "Consolidated Communications"): "Philips Global Press Office", "Oracle Investor
# Relations", "Oracle Corporate Communications"; "Skyline Corporate Communications Group" is an agency.
DEPARTMENT_AT_END_RE = re.compile(
    r"\b(?:(?P<investors>investor\s+relations|(?-i:IR))|(?P<media>(?:press|media|communications)\s+"
    r"(?:office|team|department|desk|relations)|public\s+relations|corporate\s+(?:communications|affairs)))$",
    re.I,
)


# A firm named for what it does: "Global IR Partners", "Investor Relations Group", "Lighthouse PR Associates"
AGENCY_RE = re.compile(
    r"\b(?:(?P<investors>(?-i:IR)|investor\s+relations)|(?P<media>(?-i:PR)|public\s+relations))\s+"
    r"(?:partners|group|advisors|advisers|associates|agency|consulting|consultants|strategies|company|firm)\b",
    re.I,
)


# "FTI Consulting (Financial PR)", "Acme Advisers (Investor Relations)": the firm's function in brackets
FUNCTION_NOTE_RE = re.compile(
    r"\((?:financial\s+)?(?:(?P<media>(?-i:PR)|public\s+relations|media(?:\s+relations)?)|"
    r"(?P<investors>(?-i:IR)|investor\s+relations))(?:\s+(?:adviser|advisor|agency|firm))?\)",
    re.I,
)


def department_role(title: str | None, organization: str | None) -> str | None:
    word = (DEPARTMENT_IN_TITLE_RE.search(title or "") or DEPARTMENT_AT_END_RE.search(organization or "")
            or AGENCY_RE.search(organization or "") or FUNCTION_NOTE_RE.search(organization or ""))
    return word.lastgroup if word else None


def mail_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower()


def desk_role(emails: list[str]) -> str | None:
    if emails and all(DESK_INVESTORS_RE.match(e) for e in emails):
        return "investors"
    if emails and all(DESK_MEDIA_RE.match(e) for e in emails):
        return "media"
    return None


def transposed(fields: list[Field]) -> list[Field]:
    """'Company Contact: Investor Relations Contact: Media Contact: a@x.com b@y.com c@z.com 678-555-0100
    212-555-0101 202-555-0102': a table's heading row and its rows run together; the n-th value of each
    kind is the n-th label's."""
    count = next((i for i, f in enumerate(fields) if f.kind != "label"), len(fields))
    labels, values = fields[:count], fields[count:]
    kinds: dict[str, list[Field]] = {}
    for item in values:
        kinds.setdefault(item.kind, []).append(item)
    if count < 2 or not values or not set(kinds) <= {"phone", "email", "text"} \
            or any(len(same) != count for same in kinds.values()):
        return fields
    return [item for n, label in enumerate(labels) for item in (label, *(same[n] for same in kinds.values()))]


HOTLINE_RE = re.compile(r"(?i)\b(?:hotline|direct\s+line|phone\s+line)\b")


# What a number is, printed after it
_PHONE_KIND = (r"(?:toll[\s-]?free|mobile|cell|office|direct|main|work|whatsapp|signal|telegram|landline|"
               r"international|domestic|u\.?s\.?a?\.?|canada|u\.?k\.?|europe|asia)")
PHONE_NOTE_RE = re.compile(rf"(?i){_PHONE_KIND}(?:\s*(?:[-–&,/]|and|or)\s*{_PHONE_KIND})*\.?")


class Reader:
    """Fills drafts from the fields of a contact section, in order."""

    def __init__(self, role: str | None = None, issuers: frozenset[str] = frozenset()):
        self.role = role
        self.issuers = issuers  # the issuer's names, folded: lines that print one are its firm
        self.last_slot: str | None = None  # what the previous field of the line filled
        self.current = Draft(role=role)
        self.done: list[Draft] = []
        self.partners: list[Draft] = []  # people named with the current one, sharing their details
        self.heading_org: str | None = None  # a firm named above the section's labels
        self.firm: str | None = None  # a firm named above its people ("Acme Inc." / "Jane Doe, ..." / "John Roe, ...")
        self.firm_phones: list[str] = []  # the number printed with that firm, before anyone is named
        self.line_before: str | None = None
        self.last_block: int | None = None  # the block of the line read last
        self.opens_block = False  # the line read now is the first of its block
        self.line_has_phone = False  # ... and prints a phone number

    def flush(self) -> None:
        # "Mary Clark, Zoe Bolt, Aoife Minihan" over one phone: the details wait for the last of them
        if self.partners and (self.current.reachable or not self.current.name):
            for partner in self.partners:
                if not partner.reachable:
                    partner.phones, partner.emails = list(self.current.phones), list(self.current.emails)
                    # "Jeremy Fielding / Anntal Silver" / "Kekst CNC": the firm printed under both is each one's
                    partner.organization = self.current.organization or partner.organization
                self.current.organization = self.current.organization or partner.organization
                self.current.title = self.current.title or partner.title
            self.partners = []
        if self.current.name or self.current.reachable:
            self.current.organization = self.current.organization or self.heading_org or (
                self.firm if self.current.name else None)
            if self.current.name and not self.current.reachable and self.firm_phones \
                    and self.current.organization == self.firm:
                # "Acme PLC  020 7333 8118" over "Jane Doe, Chief Executive" / "John Roe, Finance Director": the
                # firm's number serves everyone under it (a UK table)
                self.current.phones = list(self.firm_phones)
            self.done.append(self.current)
            self.current = Draft(role=self.role)
        # An organization or title with nobody yet stays for the person it heads.

    def feed(self, fields: list[Field], block: int) -> None:
        previous = None
        self.opens_block = block != self.last_block
        self.line_has_phone = any(f.kind == "phone" for f in fields)
        self.last_block = block
        self.line_before = self.last_slot  # what the line above filled, for a title that runs onto this one
        self.last_slot = None
        if self.persons_line(fields):
            # "Jane Roe / VP of Communications / Media ONLY Hotline: (480) 555-0100": her line, not a desk's
            self.current.role = self.current.role or next((f.role for f in fields if f.role), None)
            fields = [f for f in fields if f.kind == "phone"]
        for item in transposed(fields):
            current = self.current
            if item.kind == "label" and item.role and ":" not in item.value and current.name \
                    and not current.reachable and current.title and self.line_before == "title" \
                    and DEPARTMENT_LINE_RE.fullmatch(item.value.strip()):
                # "Senior Vice President" / "Investor Relations & Corporate Communications": one title on two lines
                current.title = f"{current.title}, {item.value.strip()}"
                current.role = current.role or item.role
                self.last_slot = "title"
            elif item.kind == "label" and item.role and ":" not in item.value and current.name \
                    and not current.reachable and not current.title:
                # "John Roe / Media Relations / 212-555-0199": his desk, not a new block; "Jane Doe, Investors":
                # a bare role word says whom she serves, and is no title
                bare = BARE_ROLE_RE.fullmatch(item.value.strip(" ,:"))
                current.title, current.role = (None if bare else item.value.strip()), item.role
                self.last_slot = None if bare else "title"
            elif item.kind == "label":
                if item.role and current.organization and not self.done \
                        and not (current.name or current.reachable or current.title):
                    # "Acme Corp" over "Investor Relations: ..." and "Media: ...": everyone's firm
                    self.heading_org = current.organization
                if item.role or current.name or current.reachable:
                    self.flush()
                self.firm, self.firm_phones, self.partners = None, [], []
                if item.role:
                    self.role = item.role
                    self.current.role = item.role
            elif item.kind == "role":
                current.role = item.role
            elif item.kind == "org":
                self.organization(item.value, block)
            elif item.kind == "firm":
                self.heading_org = item.value
            elif item.kind == "or":
                # "404-506-5333 or 1-866-506-5333" is one person; "or" on a line of its own parts two.
                if len(fields) == 1 and (current.name or current.reachable):
                    self.flush()
            elif item.kind == "phone":
                if item.value not in current.phones:
                    current.phones.append(item.value)
                current.blocks.add(block)
            elif item.kind == "email":
                # (nor a desk's mailbox alone in a block of its own under a person reached at another domain:
                # "Matt Kreps 214-555-8200 mkreps@darrowir.com" / "investors@beneficient.com")
                if current.emails and not current.name or self.opens_block and len(fields) == 1 \
                        and current.emails and desk_role([item.value]) \
                        and all(mail_domain(item.value) != mail_domain(email) for email in current.emails):
                    self.flush()
                self.current.emails.append(item.value)
                self.current.blocks.add(block)
            else:
                self.text(item.value, previous, block, item.gap)
            previous = item

    def persons_line(self, fields: list[Field]) -> bool:
        """A hotline's number on a line of its own under a named person who has no number yet."""
        words = " ".join(f.value for f in fields if f.kind in ("label", "text"))
        return bool(self.current.name) and not self.current.reachable and bool(HOTLINE_RE.search(words)) \
            and any(f.kind == "phone" for f in fields) and not any(f.kind == "email" for f in fields) \
            and not any(f.kind == "text" and person_name(f.value) for f in fields)

    def text(self, text: str, previous: Field | None, block: int, gap: str = "") -> None:
        current = self.current
        if previous is not None and previous.kind == "phone" and PHONE_NOTE_RE.fullmatch(text):
            # "(866) 555-6847 Toll Free - U.S. & Canada", "(404) 555-8556 Mobile and WhatsApp": the number's note
            return
        if " ".join(text.casefold().split()) in self.issuers:
            self.organization(text, block)  # "Travis Bullard, Trane Technologies": the issuer, not a second person
            self.last_slot = "organization"
            return
        split = name_then_title(text)  # also "CFO Lars Holm", "Head of IR Ingrid Dahl": a title, then the name
        of_org = NAME_OF_ORG_RE.match(text)
        shared = BOTH_OF_RE.match(text)
        if shared:
            # "..., both of Acme Corp.": the organization of everyone in the section so far
            for draft in [*self.done, current]:
                draft.organization = draft.organization or shared.group("org").strip()
        elif of_org and is_name(of_org.group("name")):
            self.name(of_org.group("name"), block)
            self.current.organization = of_org.group("org")
            self.last_slot = "organization"
        elif split:
            self.name(split[0], block)
            self.current.title = split[1]
            self.last_slot = "title"
        elif (firm := NAME_AND_FIRM_RE.match(text)) and is_name(firm["name"]) and not role_for_word(firm["firm"]) \
                and not REGION_WORD_RE.fullmatch(firm["firm"]):
            self.name(firm["name"], block)
            self.current.organization = self.current.organization or firm["firm"]
            self.last_slot = "organization"
        elif person := person_name(text):
            paired = previous is not None and previous.kind == "text" and self.last_slot == "name"
            self.name(person, block)
            if paired and self.done and not self.done[-1].reachable:
                # "Neil McDonald / Pete Lynch" over one phone: the two share what follows
                self.partners.append(self.done[-1])
            elif paired and self.done and self.done[-1].phones and not self.done[-1].emails:
                # "Peel Hunt LLP  +44 20 7418 8900" over "James Thomlinson / Paul Shackleton": the firm's
                # phone above serves both
                self.current.phones = list(self.done[-1].phones)
                self.current.organization = self.done[-1].organization
            self.last_slot = "name"
        elif (label := LABEL_RE.fullmatch(text)) and not label.group("rest") and role_of(label) \
                and self.last_slot != "title":
            # "CONTACT: Investors, Jane Doe, ...; or Media, John Roe, ..."
            self.feed([Field("label", text, role_of(label))], block)
        elif self.last_slot == "title" and previous is not None and previous.kind == "text" \
                and not re.search(rf"\b(?:{COMPANY_SUFFIX})\b\.?$", text, re.I) and not is_address(text):
            # "Executive Director, Investor Relations and Corporate Communications", "Director – Investor Relations"
            current.title = current.title + (gap if TITLE_GAP_RE.fullmatch(gap) else ", ") + text
        elif previous is None and self.line_before == "title" and current.title and DEPARTMENT_LINE_RE.fullmatch(text):
            # "Senior Vice President" / "Investor Relations & Corporate Communications": one title on two lines
            current.title = f"{current.title}, {text}"
            self.last_slot = "title"
        elif (title_org := TITLE_OF_ORG_RE.match(text)) and is_title(title_org.group("title")):
            # "CEO of Acme AB": the title and the firm
            if current.title and current.name and current.reachable:
                self.flush()
            self.current.title = self.current.title or title_org.group("title")
            self.current.organization = self.current.organization or title_org.group("org")
            self.last_slot = "organization"
        elif is_title(text):
            if current.title and current.name and current.reachable:
                self.flush()
            if not self.current.title:
                self.current.title = text
            self.last_slot = "title"
        elif is_address(text):
            match = ORG_SUFFIX_IN_RE.match(text)
            if match and not current.organization:
                self.organization(match.group("org"), block)
            self.last_slot = None
        else:
            self.organization(text, block)
            self.last_slot = "organization"

    def name(self, name: str, block: int) -> None:
        # A desk's mailbox, then a person: two contacts. A company phone, then a person: one; but a desk's number
        # ("Investor Relations (587) 293-4000"), then a person who opens the next item of a list: two.
        current = self.current
        if current.name or current.emails or current.phones and not current.organization and self.opens_block \
                and block not in current.blocks:
            self.flush()
        if self.firm and self.current.organization == self.firm and self.current.phones and not self.firm_phones:
            self.firm_phones = list(self.current.phones)
        self.current.name = name
        self.current.blocks.add(block)

    def organization(self, text: str, block: int) -> None:
        match = ORG_SUFFIX_IN_RE.match(text)
        text = match.group("org") if match else text
        if len(text.split()) > 8:
            return
        # An organization after a person's phone or email heads the next contact; so does one that opens a
        # paragraph of its own with its number under a named person ("Jane Doe, Finance Director" / blank /
        # "Beta PR  Tel: ...")
        if self.current.reachable or self.current.name and self.opens_block and self.line_has_phone \
                and block not in self.current.blocks:
            self.flush()
            self.partners = []  # a new firm: no one above shares its details
        if not self.current.organization:
            self.current.organization = text
            self.current.blocks.add(block)
            # a firm's line before anyone is named heads the people under it, until the next firm or label
            self.firm = text if not (self.current.name or self.current.title) else None
            self.firm_phones = []

    def drafts(self) -> list[Draft]:
        self.flush()
        return self.done


# --- sections -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactsFound:
    contacts: tuple[ContactInfo, ...] = ()
    used: frozenset[int] = frozenset()  # indexes of the blocks that form contact blocks


def is_prose(line: str) -> bool:
    """A sentence of running text, not a list of contact fields."""
    if STOP_RE.match(line):
        return True
    # "Andrew M. PhillipsPresident & Chief Executive Officer ...(587) 293-4005 Michael T. Murphy...": a converter's
    # glue parts fields too, and so does a phone number
    stripped = EMAIL_RE.sub("\n", unglue(line))
    stripped = WEB_ADDRESS_RE.sub("\n", stripped)
    for _, _, phone in find_phones(stripped):
        stripped = stripped.replace(phone, "\n")
    longest = max((len(FIELD_LABEL_RE.sub("", p).split()) for sub in stripped.split("\n")
                   for p in split_fields(sub)), default=0)
    return longest > 10


# "[[email protected]](/cdn-cgi/l/email-protection#5d6f...)": an address hidden by a page's
# e-mail obfuscation, saved as text (visible_prn.md); it names nobody and reaches nobody
PROTECTED_EMAIL_RE = re.compile(r"\[?\[email(?:\s|&#160;)protected\]\]?(?:\([^)\s]*\))?", re.I)


SPACED_RE = re.compile(r"\S {3,}\S")


# "NEWS RELEASE   CONTACT: Robert Smith" over "FOR IMMEDIATE RELEASE   (312) 555-0100": a
# two-column letterhead read row by row (an EDGAR text exhibit); the release's marks are no contact
LETTERHEAD_RE = re.compile(r"(?i)^(?:news\s+release|press\s+release|for\s+immediate\s+release)\s+(?=\S)|"
                           r"\s+(?:news\s+release|press\s+release|for\s+immediate\s+release)\b")


# "(Investor Relations)" / "(Corporate Press)": a Business Wire contact block's labels, in brackets
BRACKETED_LABEL_RE = re.compile(
    r"^\s*\((?P<label>(?:corporate\s+|financial\s+)?(?:investor\s+relations|investors?|media(?:\s+relations)?|press|"
    r"public\s+relations|analysts?)(?:\s+contacts?)?)\)\s*$", re.I)


def block_lines(block: Block) -> list[str]:
    text = PROTECTED_EMAIL_RE.sub(" ", block.text) if "protected]" in block.text else block.text
    # Only spaces are stripped: a trailing tab still parts a table's cells.
    lines = [strip_markdown(line.replace("\u00a0", " ")).rstrip(" ") for line in text.split("\n") if line.strip()]
    if block.tag == "table" and "@" not in text and not PHONE_HINT_RE.search(text):
        return [line.strip() for line in lines]  # a table of figures: no one to reach in it
    if block.tag == "table" and len(lines) == 1 and "\t" in lines[0]:
        # One row of boxes side by side: "FOR IMMEDIATE RELEASE<td>Contact: Mary Major ..." (a letterhead)
        lines = [cell.strip() for cell in lines[0].split("\t") if cell.strip()]
    lines = [LETTERHEAD_RE.sub("", line) if "ontact" in line.lower() else line for line in lines]
    lines = [BRACKETED_LABEL_RE.sub(r"\g<label>:", line) for line in lines]
    cells = [line.split("\t") for line in lines]
    table = labelled_rows(cells) or label_cell_columns(cells) or side_by_side(cells)
    if table:
        return table
    if block.tag in ("pre", "table") or any("   " in line and SPACED_RE.search(line) for line in lines):
        cols = columns(lines)
        if len(cols) > 1:
            return cols[0] + ["or"] + cols[1]
    return [line.strip() for line in lines]


def is_bare_label(cell: str) -> bool:
    label = LABEL_RE.match(cell.strip())
    return bool(label) and not label.group("rest").strip()


def labelled_rows(cells: list[list[str]]) -> list[str] | None:
    """'Investor Relations' over a row of two people, 'Media Relations' over two more: read row by row."""
    labels = [row for row in cells if len(row) == 1 and is_bare_label(row[0])]
    if len(cells) < 3 or cells[0] not in labels or len(labels) < 2 or all(len(row) == 1 for row in cells):
        return None
    return [line for row in cells for line in (row if len(row) == 1 or is_person_row(row) else interleave(row))]


def is_person_row(row: list[str]) -> bool:
    """"Martin Fewings<td>t: +41 41 709 28 80<td>m: +41 79 737 56 42<td>martin.fewings@acme.com": one person's row,
    a name and then only numbers and mailboxes, not people side by side."""
    return bool(person_name(row[0].strip())) and all(
        EMAIL_RE.search(cell) or find_phones(cell) for cell in row[1:] if cell.strip())


def label_cell_columns(cells: list[list[str]]) -> list[str] | None:
    """'Contact:<td>Ken Bond<td>Deborah Hellinger' over rows of their details: the label's column is empty
    below it, and the reader drops empty cells, so the shorter rows stand under the last columns."""
    if len(cells) < 2 or len(cells[0]) < 3 or not is_bare_label(cells[0][0]):
        return None
    width = len(cells[0]) - 1
    if any(len(row) > width for row in cells[1:]):
        return None
    padded = [cells[0][1:]] + [[""] * (width - len(row)) + row for row in cells[1:]]
    table = side_by_side(padded)
    return [cells[0][0].strip(), *table] if table else None


def side_by_side(cells: list[list[str]]) -> list[str] | None:
    """An HTML table of contacts side by side: "Investor Contact:<td>Media Contact:" over names, phones..."""
    width = max((len(row) for row in cells), default=0)
    if width >= 2 and sum(len(row) == width for row in cells) * 2 >= len(cells):
        # A Markdown pipe table loses its empty trailing cells: "| www.acme.com |  |" is one cell.
        cells = [row + [""] * (width - len(row)) for row in cells]
    if len(cells) >= 2 and len({len(row) for row in cells}) == 1 and len(cells[0]) >= 2:
        columns_read = [[row[i].strip() for row in cells if row[i].strip()] for i in range(len(cells[0]))]
        if sum(any(EMAIL_RE.search(c) or find_phones(c) for c in column) for column in columns_read) >= 2:
            return interleave(["\n".join(column) for column in columns_read])
    return None


def interleave(cells: list[str]) -> list[str]:
    """The lines of each cell (or column), with an "or" between one cell's and the next's."""
    out: list[str] = []
    for cell in cells:
        out.extend((["or"] if out else []) + [line.strip() for line in cell.split("\n") if line.strip()])
    return out


def is_section_label(line: str) -> bool:
    line = unglue(line).split("\n")[0]  # "Corporate ContactMatthias Trondle..." (a converter's glue)
    if COMPANY_LABEL_RE.match(line) or SUFFIXED_COMPANY_LABEL_RE.match(line) or ANY_CONTACTS_LABEL_RE.fullmatch(line):
        return True
    if (party := PARTY_LABEL_RE.match(line)) and not party["rest"] and not LABEL_RE.match(line):
        return True  # "For Centerbridge:" alone on its line
    label = LABEL_RE.match(line)
    if not label:
        return org_before_label(line) or bool(ORG_CONTACT_LABEL_RE.match(line))
    rest = label.group("rest").strip()
    if rest and ":" not in line[: label.start("rest")] and not label.group("asks"):
        first = next(iter(line_fields(rest)), None)
        # ("Investor contact Jana Berg Director of Investor Relations": a person and her post after it)
        if first is None or not (first.kind in ("phone", "email") or is_name(first.value)
                                 or name_then_title(first.value)):
            return False  # "Media Relations firm X said ..." is a sentence, not a label
    return True


# "Caterpillar investor relations contact: Ryan Fiedler, ...": the firm, then its labelled person
ORG_BEFORE_LABEL_RE = re.compile(r"^[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}$")


def org_before_label(line: str) -> bool:
    pieces = INLINE_LABEL_RE.split(line, maxsplit=1)
    return len(pieces) == 2 and bool(ORG_BEFORE_LABEL_RE.match(pieces[0])) and not NOT_NAME_WORDS.fullmatch(
        pieces[0]) and ":" in pieces[1][:60] and not STOP_RE.match(line)


def unlabelled_table(lines: list[str]) -> bool:
    """A block of names and addresses with no label: an email and a person in short lines."""
    return (
        2 <= len(lines) <= 14
        and any(EMAIL_RE.search(line) for line in lines)
        and not any(is_prose(line) for line in lines)
        and any(
            person_name(f.value) or name_then_title(f.value)
            for line in lines
            for f in line_fields(line)
            if f.kind == "text"
        )
    )


def drop_header_names(section: list[tuple[int, list[Field]]],
                      issuers: frozenset[str] = frozenset()) -> list[tuple[int, list[Field]]]:
    """'Kirin Smith, President Robert Banks, CEO' over two columns flattened into one line: the
    second person's name and title stand again further down, so they are taken out here (not the issuer's name,
    which every contact may print)."""
    later_text = [{f.value for f in fields if f.kind == "text"} for _, fields in section]
    cleaned = []
    for index, (block, fields) in enumerate(section):
        names = [f for f in fields if f.kind == "text" and (is_name(f.value) or name_then_title(f.value))
                 and " ".join(f.value.casefold().split()) not in issuers]
        if len(names) >= 2 and not any(f.kind in ("phone", "email") for f in fields):
            for extra in names[1:]:
                person = name_then_title(extra.value)
                dropped = person[0] if person else extra.value
                if not any(dropped in text for seen in later_text[index + 1:] for text in seen):
                    continue
                position = fields.index(extra)
                # "President Robert Banks": the title before the second name is the first person's
                lead = [Field("text", person[1])] if person and extra.value.startswith(person[1]) else []
                # the titles after the second name are the second person's, printed again below
                tail = [f for f in fields[position + 1:] if not (f.kind == "text" and is_title(f.value))]
                fields = fields[:position] + lead + tail
        cleaned.append((block, fields))
    return cleaned


# "... on its quarterly conference call., Connect with Acme:, About Acme, Inc., ...": a repost whose
# converter ran every paragraph into one line, each closed by ", " (an empty paragraph gives ", , ")
JOIN_RE = re.compile(
    r"(?<=[.!?:])(?<!\bInc\.)(?<!\bCorp\.)(?<!\bLtd\.)(?<!\bCo\.)(?<!\bJr\.)(?<!\bSr\.)(?<!\betc\.),\s+(?=[A-Z])"
    r"|,\s*,\s+(?=[A-Z])"
)


def joined_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a line that runs several together, else None. A paragraph ending in a web address
    ("... Statement at: http://investor.acme.com/safeHarbor.cfm, Jane DoePR Director...") ends there too."""
    if len(text) < 400 or "\n" in text.strip() or len(JOIN_RE.findall(text)) < 3:
        return None
    cuts = [m.span() for m in JOIN_RE.finditer(text)]
    for start, url in find_urls(text):
        end = start + len(url)
        if re.match(r",\s+(?=[A-Z])", text[end: end + 3]):
            cuts.append((end, end + 2))
    pieces, at = [], 0
    for start, end in sorted(cuts):
        if start >= at:
            pieces.append(text[at:start])
            at = end
    pieces.append(text[at:])
    return [piece.strip() for piece in pieces if piece.strip()]


def unblanked_lines(lines: list[str]) -> list[str] | None:
    """The lines of a plain text printed without blank lines, where one block holds the letterhead's contacts,
    the paragraphs and the contacts at the end alike: each line is read as a paragraph of its own."""
    if len(lines) < 12:
        return None
    words = [len(line.split()) for line in lines]
    if sum(n > 12 for n in words) < 2 or sum(n <= 5 for n in words) < 4:
        return None
    return lines


def paragraph_blocks(blocks: Sequence[Block]) -> tuple[list[Block], list[int | None]]:
    """The blocks, each run of joined paragraphs cut into its paragraphs (short ones with their glued fields
    apart, "Jane DoePR DirectorPress@acme.com") and each block of unblanked lines into its lines, and the index
    of the block each came from: None for a piece, whose block stays in the body whole since its other
    paragraphs are the release's text (its call among them)."""
    found: list[Block] = []
    origin: list[int | None] = []
    for index, block in enumerate(blocks):
        pieces = (joined_paragraphs(block.text) or unblanked_lines(block.lines)) if block.tag == "p" else None
        if pieces is None:
            found.append(block)
            origin.append(index)
            continue
        for piece in pieces:
            found.append(Block(unglue(piece) if len(piece) < 160 else piece))
            origin.append(None)
    return found, origin


def find_contacts(blocks: Sequence[Block], *, credited: int | None = None,
                  issuer: Sequence[str] = ()) -> ContactsFound:
    """The contacts of a release's blocks. `credited` is the block right under a wire's credit line ("View source
    version on businesswire.com: ..."), where Business Wire prints the contacts, labelled or not. `issuer` holds the
    issuer's names, once known: a line that prints one is a firm, not a person ("Jane Doe, Trane Technologies")."""
    issuers = frozenset(" ".join(n.casefold().split()) for n in issuer)
    blocks, origin = paragraph_blocks(blocks)
    after_credit = origin.index(credited) if credited is not None and credited in origin else None
    drafts: list[Draft] = []
    labels: set[int] = set()  # blocks holding the labels of sections that gave contacts
    index = 0
    while index < len(blocks):
        lines = block_lines(blocks[index])
        if index == after_credit and lines and not is_section_label(lines[0]) and reaches_someone(
                until_stop([line for block in blocks[index:index + 3] for line in block_lines(block)])):
            index = read_section(blocks, index, 0, drafts, labels, issuers=issuers)
            continue
        label_at = next((i for i, line in enumerate(lines) if is_section_label(line)), None)
        tail = tail_label(lines[-1]) if lines and index + 1 < len(blocks) else None
        if tail is not None and not reaches_someone(block_lines(blocks[index + 1])):
            tail = None
        if label_at is not None:
            # In a side-by-side table the label may head the second column only.
            before = lines[:label_at]
            reachable = any(EMAIL_RE.search(line) or find_phones(line) for line in before)
            # ("Christopher McGinnis" / "Investor Relations" / "(847) 555-4320": her desk under her name)
            named = len(before) == 1 and bool(person_name(before[0])) and is_bare_label(lines[label_at])
            first = 0 if (reachable or named) and not any(map(is_prose, before)) else label_at
            index = read_section(blocks, index, first, drafts, labels, issuers=issuers)
        elif unlabelled_table(lines):
            index = read_section(blocks, index, 0, drafts, labels, single=True, issuers=issuers)
        elif tail is not None:
            index = read_section(blocks, index + 1, 0, drafts, labels, role=role_of(tail),
                                 issuers=issuers)
        else:
            drafts.extend(sentence_contacts(blocks[index].text, index))
            index += 1
    found = unique(drafts)
    used = {origin[i] for i in found.used | labels if 0 <= i < len(origin) and origin[i] is not None}
    return ContactsFound(contacts=found.contacts, used=frozenset(used))


# "... the Shelly Group is globally present.Contact Investor Relations": a converter ran the label of the
# next block into the paragraph before it
TAIL_LABEL_RE = re.compile(r"[.!?]\s*(?P<label>[A-Z][^.!?]{2,60})$")


def tail_label(line: str) -> re.Match | None:
    tail = TAIL_LABEL_RE.search(line) if len(line) > 80 else None
    label = LABEL_RE.fullmatch(tail.group("label")) if tail else None
    return label if label and not label.group("rest") else None


def until_stop(lines: list[str]) -> list[str]:
    """The lines before the one that ends a contact block ("Source: Acme")."""
    end = next((i for i, line in enumerate(lines) if STOP_RE.match(line)), len(lines))
    return lines[:end]


def reaches_someone(lines: list[str]) -> bool:
    """Short lines with a phone or an address: a contact block, not a paragraph."""
    return any(EMAIL_RE.search(line) or find_phones(line) for line in lines) and not any(map(is_prose, lines))


# "For further information, please contact Investor Relations at (301) 968-9300 or IR@AGNC.com."
DESK_SENTENCE_RE = re.compile(
    rf"\bfor\s+(?:further|more|additional)\s+information,?\s+please\s+contact\s+(?:our\s+|the\s+)?"
    rf"(?P<role>{_ROLE_ITEM})\s+(?:department\s+|team\s+)?(?:at|on|by)\s+(?P<rest>[^\n]+)",
    re.I,
)


# "by phone at 480-555-0100 or via email at ir@acme.com", "at (212) 555-0100 or by e-mail to ...": the words
# between a person and their details
CONNECTOR_RE = re.compile(
    # "or within North America at 1-800-555-2114": where the number is for, not a new contact
    rf"(?:\b(?:or|and)\s+)?\b(?:within|in|outside(?:\s+of)?)\s+(?:the\s+)?{_REGIONS}\s+(?:at|on)\s+|"
    r"(?:\b(?:or|and)\s+)?\b(?:(?:via|by)\s+(?:(?:tele)?phone|e-?mail|calling)|(?:tele)?phone|e-?mail)\s+(?:at|to|on)\s+"
    r"|\bat\s+|\bor\s+by\s+|\bby\s+",
    re.I,
)


def named_details_sentence(text: str) -> re.Match | None:
    """DETAILS_SENTENCE_RE where it names a person: "... visit www.acme.com or contact Investor Relations at ..."
    closes an About section (the desk is the site's, not the release's contact)."""
    sentence = DETAILS_SENTENCE_RE.search(text)
    first = next(iter(split_fields(sentence.group("rest"))), "") if sentence else ""
    return sentence if sentence and is_name(first.strip()) else None


# The end of the sentence: a full stop after a word, not the one of "Dr." or "Mr." before a name
SENTENCE_STOP_RE = re.compile(r"(?<=[a-z0-9])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)\.\s")


def sentence_contacts(text: str, index: int) -> list[Draft]:
    """The person or desk of a stand-alone sentence: "For investor relations information, please contact ..."."""
    if "contact" not in text.lower():
        return []
    sentence = SENTENCE_RE.search(text) or DESK_SENTENCE_RE.search(text) or named_details_sentence(text)
    if not sentence:
        return []
    role = ROLE_WORD_RE.search(sentence.group("role"))
    reader = Reader(role.lastgroup if role else None)
    rest = SENTENCE_STOP_RE.split(sentence.group("rest"))[0]
    reader.feed(line_fields(CONNECTOR_RE.sub(", ", rest)), index)
    found = reader.drafts()
    if sentence.start() > 3:
        for draft in found:
            draft.blocks.clear()  # the paragraph says more than the contact: it stays in the body
    return found


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def read_section(
    blocks: Sequence[Block], start: int, first_line: int, drafts: list[Draft], labels: set[int], single: bool = False,
    role: str | None = None, issuers: frozenset[str] = frozenset(),
) -> int:
    section: list[tuple[int, list[Field]]] = []
    index = start
    while index < len(blocks):
        lines = block_lines(blocks[index])[first_line if index == start else 0:]
        if index > start and (single or not lines or any(is_prose(line) for line in lines[:1])):
            break
        if index > start and blocks[start].tag == "table" and blocks[index].tag != "table":
            break  # a table of contacts ends with the table: the letterhead's headline under it is no contact
        if index > start and blocks[index].tag in HEADINGS and not is_section_label(lines[0]):
            break  # a page's next heading ("Reader Commentary", sanyo_repost.html) ends the block
        stop = False
        for line in lines:
            if (index > start or line is not lines[0]) and is_prose(line):
                stop = True
                break
            section.append((index, line_fields(line)))
        index += 1
        if stop:
            break
    reader = Reader(role, issuers)
    for block, fields in drop_header_names(section, issuers):
        reader.feed(fields, block)
    found = firm_over_names(reader.drafts())
    drafts.extend(found)
    if found:
        labels.update(block for block, fields in section if any(f.kind == "label" for f in fields))
    return index


def firm_over_names(drafts: list[Draft]) -> list[Draft]:
    """"College Hill  Tel: 020 7457 2020" over "Mark Garraway" / "Matthew Gregorowski" (a UK table): what reads as
    a name with a phone and nothing else, over people with no details of their own, is their firm and its phone."""
    kept: list[Draft] = []
    index = 0
    while index < len(drafts):
        head = drafts[index]
        end = index + 1
        while end < len(drafts) and drafts[end].name and not (
                drafts[end].reachable or drafts[end].organization or drafts[end].title):
            end += 1
        if end > index + 1 and head.name and head.phones and not (head.emails or head.title or head.organization):
            for person in drafts[index + 1:end]:
                person.organization, person.phones = head.name, list(head.phones)
                person.role = person.role or head.role
                person.blocks |= head.blocks
            index += 1
            continue
        kept.append(head)
        index += 1
    return kept


def merged_desks(drafts: list[Draft]) -> list[Draft]:
    """A desk named twice, once with its phone and once with its phone and mailbox ("please contact Investor
    Relations at (301) 968-9300 or IR@AGNC.com" and "CONTACT: Investors – (301) 968-9300"), is one desk."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = None if draft.name else next(
            (k for k in kept if not k.name and k.role == draft.role
             and (set(k.phones) & set(draft.phones) or set(k.emails) & set(draft.emails))), None)
        if twin is None:
            kept.append(draft)
            continue
        twin.phones += [p for p in draft.phones if p not in twin.phones]
        twin.emails += [e for e in draft.emails if e not in twin.emails]
        twin.organization = twin.organization or draft.organization
        twin.blocks |= draft.blocks
    return kept


def unique(drafts: list[Draft]) -> ContactsFound:
    """One contact per person (or desk): the same people printed twice, once per page section, count once."""
    contacts: list[ContactInfo] = []
    used: set[int] = set()
    seen: set[str] = set()
    for draft in merged_desks(drafts):
        if not (draft.name or draft.reachable):
            continue
        used |= draft.blocks
        key = (
            (draft.name or "").casefold()
            or ",".join(sorted(e.casefold() for e in draft.emails))
            or ",".join(draft.phones)
        )
        if key in seen:
            continue
        seen.add(key)
        contacts.append(draft.contact())
    return ContactsFound(contacts=tuple(contacts), used=frozenset(used))


def issuer_lines_as_organization(contacts: Sequence[ContactInfo], names: set[str]) -> tuple[ContactInfo, ...]:
    """A contact "named" as the issuer itself is no person: "Bob Smith" / "Senior Director, Communications" /
    "Acme Robotics" / "408-555-0199" is Bob Smith of Acme Robotics, with its details. `names` holds the issuer's
    names, folded: with and without the corporate suffix."""
    found: list[ContactInfo] = []
    for contact in contacts:
        if contact.name and " ".join(contact.name.casefold().split()) in names:
            before = found[-1] if found else None
            if before is not None and before.role == contact.role and not before.organization and (
                    not (before.phones or before.emails)
                    # "Travis Bullard, Trane Technologies" read as two people sharing one phone
                    or (before.phones, before.emails) == (contact.phones, contact.emails)):
                found[-1] = replace(before, organization=contact.name, phones=contact.phones, emails=contact.emails)
                continue
            contact = replace(contact, name=None, organization=contact.organization or contact.name)
        found.append(contact)
    return tuple(found)


# "... Capital MarketsPrairieSky Royalty Ltd.(587) 293-4056", "Chief Executive Officer PrairieSky Royalty Ltd.": where
# a converter ran the issuer's name into the fields beside it
GLUED_BEFORE = "|".join([r"(?<=[a-z.)])"] + [rf"(?<=\b{word} )" for word in (
    "Officer", "President", "Director", "Manager", "Relations", "Secretary", "Treasurer", "CEO", "CFO")])


# "Oracle Investor Relations", "Acme Corporate Communications": the issuer's department, one name
DEPARTMENT_WORDS = r"(?:Investor|Corporate|Media|Public|Press|Global|Group|Financial|External|Government|Shareholder)"


def glued_issuer_re(names: Sequence[str]) -> re.Pattern | None:
    """The issuer's names (longest first) where a converter glued them to the fields around them, or None."""
    names = sorted({n for n in names if n and len(n) >= 4}, key=len, reverse=True)
    if not names:
        return None
    name = "|".join(re.escape(n) for n in names)
    after = "|".join(f"(?<={re.escape(n)})" for n in names)
    # ("CONTACTS: Sigyn Therapeutics, Inc. Johan Louw Senior Vice President ...": a person's name after it, too)
    return re.compile(rf"(?:{GLUED_BEFORE})(?=(?:{name})(?![a-z]))"
                      rf"|(?:{after})(?:(?=[A-Z(+\d]|[a-z][\w.+-]*@)| (?=[A-Z][a-z]+ [A-Z])(?!{DEPARTMENT_WORDS}\b))")


def part_glued_issuer(blocks: Sequence[Block], glued: re.Pattern) -> list[Block] | None:
    """The blocks with the issuer's name parted from the fields a converter glued it to (blocks that reach
    someone: a paragraph of prose that names the issuer keeps its lines); None where no block needs it."""
    parted = [replace(block, text=glued.sub("\n", block.text))
              if glued.search(block.text) and (EMAIL_RE.search(block.text) or PHONE_HINT_RE.search(block.text))
              else block for block in blocks]
    return parted if any(a is not b for a, b in zip(parted, blocks)) else None
