"""The release parser: a newswire release (text, HTML page, SEC exhibit, .docx or PDF) in,
a ParsedRelease out. Pure Python; nothing here imports Django."""

from .errors import ParseError
from .pipeline import MAX_BYTES, parse_press_release
from .result import ParsedRelease
from .timelimit import ParserCrash, parse_within

__all__ = ["MAX_BYTES", "ParseError", "ParsedRelease", "ParserCrash", "parse_press_release", "parse_within"]
