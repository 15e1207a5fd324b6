"""Every regular expression of the parser is free of the shapes that backtrack without bound.

Python's `re` backtracks: a pattern that can match the same text in many ways tries every one
of them before it gives up, and on an adversarial upload that is exponential (or a high power
of the length). This test reads each pattern's syntax tree (`re._parser.parse`) and fails on

- **nested repeats**: a repeat inside a repeat (`(\\w+\\s?)+`, `(?:x\\w+)*`) where what the
  inner one consumes can also come next, in the same or the next round of the outer one, so
  that a run of text can be split between them in many ways;
- **ambiguous alternatives** in a repeat (`(?:\\s|\\n)*`, `(?:a|aa)+`): branches that can match
  the same text;
- **adjacent repeats** over overlapping characters with nothing required between them
  (`\\s*\\s*`, `\\w+,?\\w*`): quadratic on a long run of those characters.

A repeat is safe when nothing can make the engine come back into it: possessive (`*+`, `++`),
or inside an atomic group (`(?>...)`) with nothing after it there that can fail. Bounded repeats
count as repeats when they may run more than twice.

The patterns are the module-level compiled ones of every module of releases.parsing (also
inside module-level tuples, lists and dicts) and the literal patterns handed to `re` functions
in their code.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path
from re import _constants as C
from re import _parser as sre_parse

import pytest

import releases.parsing

# --- the patterns -----------------------------------------------------------------------------------------------

RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def parsing_modules():
    return [importlib.import_module(f"releases.parsing.{m.name}") for m in pkgutil.iter_modules(releases.parsing.__path__)]


def compiled_in(value, name: str, depth: int = 0):
    if isinstance(value, re.Pattern):
        yield name, value
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        for index, item in enumerate(value):
            yield from compiled_in(item, f"{name}[{index}]", depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from compiled_in(item, f"{name}[{key!r}]", depth + 1)


def literal_flags(node: ast.expr | None) -> int | None:
    """re.I | re.S and the like, as written in a call; None when it is not that simple."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = literal_flags(node.left), literal_flags(node.right)
        return None if left is None or right is None else left | right
    return None


def inline_patterns(module):
    """Literal patterns passed to re.compile/search/sub/... in a module's source."""
    tree = ast.parse(Path(module.__file__).read_text())
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS and node.args):
            continue
        pattern = node.args[0]
        if not (isinstance(pattern, ast.Constant) and isinstance(pattern.value, str)):
            continue  # built at run time (an f-string): its parts are module-level patterns or strings
        keywords = {k.arg: k.value for k in node.keywords}
        position = 1 if node.func.attr in {"compile", "findall", "finditer", "split"} else (
            3 if node.func.attr in {"sub", "subn"} else 2)
        flags = literal_flags(keywords.get("flags", node.args[position] if len(node.args) > position else None))
        if flags is not None:
            yield f"{module.__name__.rsplit('.', 1)[1]}:{node.lineno}", re.compile(pattern.value, flags)


def all_patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[tuple[str, int], str] = {}
    for module in parsing_modules():
        short = module.__name__.rsplit(".", 1)[1]
        for name, value in vars(module).items():
            if not name.startswith("__"):
                for label, pattern in compiled_in(value, f"{short}.{name}"):
                    found.setdefault((pattern.pattern, pattern.flags), label)
        for label, pattern in inline_patterns(module):
            found.setdefault((pattern.pattern, pattern.flags), label)
    return sorted(((label, re.compile(p, f)) for (p, f), label in found.items()), key=lambda x: x[0])


# --- character sets, over a sample of characters ------------------------------------------------------------------

SAMPLE = "".join(dict.fromkeys(
    [chr(c) for c in range(0x250)]
    + list("\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u2022\u2026\u2028\u2029\u202f"
           "\u2122\u25cf\u3000\u4e00\u0410\u0430\u03b1\uff08\uff09\uff1a\u0660\u1680\u200b\ufeff")
))
ALL = frozenset(SAMPLE)
CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}
CATEGORY_CHARS = {category: frozenset(c for c in SAMPLE if re.fullmatch(spelled, c))
                  for category, spelled in CATEGORIES.items()}


def with_case(chars: frozenset, flags: int) -> frozenset:
    if not flags & re.IGNORECASE:
        return chars
    return frozenset(c for c in SAMPLE if c in chars or c.lower() in chars or c.upper() in chars)


def single_chars(op, av, flags: int) -> frozenset | None:
    """The characters a one-character node matches; None for any other node."""
    if op is C.LITERAL:
        return with_case(frozenset({chr(av)}), flags)
    if op is C.NOT_LITERAL:
        return ALL - with_case(frozenset({chr(av)}), flags)
    if op is C.ANY:
        return ALL if flags & re.DOTALL else ALL - {"\n"}
    if op is C.IN:
        chars, negate = set(), False
        for item_op, item_av in av:
            if item_op is C.NEGATE:
                negate = True
            elif item_op is C.LITERAL:
                chars.add(chr(item_av))
            elif item_op is C.RANGE:
                chars.update(c for c in SAMPLE if item_av[0] <= ord(c) <= item_av[1])
            elif item_op is C.CATEGORY:
                chars.update(CATEGORY_CHARS[item_av])
            else:
                chars.update(ALL)  # conservative
        chars = with_case(frozenset(chars), flags)
        return ALL - chars if negate else chars
    return None


# --- the analysis -------------------------------------------------------------------------------------------------

REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)  # backtracking repeats; POSSESSIVE_REPEAT never gives back
UNBOUNDED = C.MAXREPEAT


def subflags(flags: int, av) -> int:
    _, add, remove, _ = av
    return (flags | add) & ~remove


class Analysis:
    def __init__(self, pattern: re.Pattern) -> None:
        self.flags = pattern.flags
        self.tree = sre_parse.parse(pattern.pattern, pattern.flags)
        self.problems: list[str] = []
        self.groups: dict[int, tuple] = {}
        self.find_groups(list(self.tree), self.flags)

    def find_groups(self, items, flags: int) -> None:
        for op, av in items:
            if op is C.SUBPATTERN:
                if av[0] is not None:
                    self.groups[av[0]] = (av[3], subflags(flags, av))
                self.find_groups(av[3], subflags(flags, av))
            elif op in REPEATS or op is C.POSSESSIVE_REPEAT:
                self.find_groups(av[2], flags)
            elif op is C.ATOMIC_GROUP:
                self.find_groups(av, flags)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                self.find_groups(av[1], flags)
            elif op is C.BRANCH:
                for branch in av[1]:
                    self.find_groups(branch, flags)

    # what a node can match -----------------------------------------------------------------
    def nullable(self, items) -> bool:
        return all(self.item_nullable(op, av) for op, av in items)

    def item_nullable(self, op, av) -> bool:
        if op in REPEATS or op is C.POSSESSIVE_REPEAT:
            return av[0] == 0 or self.nullable(av[2])
        if op is C.SUBPATTERN:
            return self.nullable(av[3])
        if op is C.ATOMIC_GROUP:
            return self.nullable(av)
        if op is C.BRANCH:
            return any(self.nullable(b) for b in av[1])
        if op is C.GROUPREF_EXISTS:
            return self.nullable(av[1]) or (av[2] is None or self.nullable(av[2]))
        return op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF)

    def always_matches(self, items) -> bool:
        """Matches here, whatever follows: so nothing after it can make the engine back into what precedes."""
        for op, av in items:
            if op in REPEATS or op is C.POSSESSIVE_REPEAT:
                if av[0] != 0:
                    return False
            elif op is C.SUBPATTERN:
                if not self.always_matches(av[3]):
                    return False
            elif op is C.ATOMIC_GROUP:
                if not self.always_matches(av):
                    return False
            else:
                return False
        return True

    def first(self, items, flags: int, follow: frozenset = frozenset()) -> frozenset:
        """What the items can start with (and what follows them, when they can match nothing); a lookahead
        limits what may come after it."""
        found, limit = frozenset(), ALL
        for op, av in items:
            if op is C.ASSERT and av[0] == 1 and not self.nullable(av[1]):
                limit &= self.first(av[1], flags)
            found |= self.item_first(op, av, flags) & limit
            if not self.item_nullable(op, av):
                return found
        return found | (follow & limit)

    def item_first(self, op, av, flags: int) -> frozenset:
        chars = single_chars(op, av, flags)
        if chars is not None:
            return chars
        if op in REPEATS or op is C.POSSESSIVE_REPEAT:
            return self.first(av[2], flags)
        if op is C.SUBPATTERN:
            return self.first(av[3], subflags(flags, av))
        if op is C.ATOMIC_GROUP:
            return self.first(av, flags)
        if op is C.BRANCH:
            return frozenset().union(*(self.first(b, flags) for b in av[1]))
        if op is C.GROUPREF and av in self.groups:
            return self.first(*self.groups[av])
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return ALL
        return frozenset()  # AT, ASSERT, ASSERT_NOT: zero width

    def consumed(self, items, flags: int) -> frozenset:
        """Every character any part of the node can match."""
        found = frozenset()
        for op, av in items:
            chars = single_chars(op, av, flags)
            if chars is not None:
                found |= chars
            elif op in REPEATS or op is C.POSSESSIVE_REPEAT:
                found |= self.consumed(av[2], flags)
            elif op is C.SUBPATTERN:
                found |= self.consumed(av[3], subflags(flags, av))
            elif op is C.ATOMIC_GROUP:
                found |= self.consumed(av, flags)
            elif op is C.BRANCH:
                found = found.union(*(self.consumed(b, flags) for b in av[1]))
            elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
                found |= ALL
        return found

    def shape(self, items, flags: int) -> list[frozenset] | None:
        """A branch of fixed characters, one set per position; None when it is not that simple."""
        out = []
        for op, av in items:
            chars = single_chars(op, av, flags)
            if chars is not None:
                out.append(chars)
            elif op is C.SUBPATTERN and (inner := self.shape(av[3], subflags(flags, av))) is not None:
                out.extend(inner)
            elif op in REPEATS and av[0] == av[1] and av[0] <= 8 and (inner := self.shape(av[2], flags)) is not None:
                out.extend(inner * av[0])
            else:
                return None
        return out

    def branches_overlap(self, branches, flags: int, follow: frozenset) -> bool:
        """Two branches can start the same text; or one can match nothing and another starts with what follows."""
        if any(self.nullable(b) for b in branches) and any(
                self.first(b, flags) & follow for b in branches if not self.nullable(b)):
            return True
        for i, one in enumerate(branches):
            for other in branches[i + 1:]:
                a, b = self.shape(one, flags), self.shape(other, flags)
                if a is not None and b is not None:
                    if not a or not b:
                        continue
                    shorter, longer = sorted((a, b), key=len)
                    if all(x & y for x, y in zip(shorter, longer)):
                        return True
                elif self.first(one, flags) & self.first(other, flags):
                    return True
        return False

    # the walk ------------------------------------------------------------------------------
    def run(self) -> list[str]:
        self.walk(list(self.tree), self.flags, follow=frozenset(), tail=True, outer=None)
        return self.problems

    def walk(self, items, flags: int, *, follow: frozenset, tail: bool, outer) -> None:
        """follow: what may come after these items; tail: nothing after them can fail (the end of an atomic
        group or a lookaround); outer: the enclosing backtracking repeat, if any."""
        for index, (op, av) in enumerate(items):
            rest = items[index + 1:]
            after = self.first(rest, flags, follow)
            safe = tail and self.always_matches(rest)
            if op in REPEATS and not safe:
                self.adjacent(op, av, rest, flags, tail)
            self.node(op, av, flags, follow=after, tail=safe, outer=outer)

    def node(self, op, av, flags: int, *, follow: frozenset, tail: bool, outer) -> None:
        if op in REPEATS:
            low, high, body = av
            if tail:  # a repeat nothing can back into: its rounds are never split again
                self.walk(body, flags, follow=self.first(body, flags) | follow, tail=True, outer=None)
                return
            if outer is not None and high == UNBOUNDED and self.consumed(body, flags) & follow:
                self.problems.append(f"nested repeat: {self.spell(op, av)} inside {outer}, and what it consumes "
                                     "can also come after it")
            inner_outer = outer
            # A repeat of at most four rounds over overlapping alternatives multiplies the work by a
            # constant (at most b**4 ways for b alternatives); beyond that it grows like 2**n.
            if high == UNBOUNDED or high > 4:
                inner_outer = self.spell(op, av)
            self.walk(body, flags, follow=self.first(body, flags) | follow if high > 1 else follow, tail=False,
                      outer=inner_outer)
        elif op is C.POSSESSIVE_REPEAT:
            low, high, body = av
            self.walk(body, flags, follow=self.first(body, flags) | follow, tail=True, outer=None)
        elif op is C.ATOMIC_GROUP:
            self.walk(av, flags, follow=follow, tail=True, outer=None)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            self.walk(av[1], flags, follow=frozenset(), tail=True, outer=None)
        elif op is C.SUBPATTERN:
            self.walk(av[3], subflags(flags, av), follow=follow, tail=tail, outer=outer)
        elif op is C.BRANCH:
            if outer is not None and not tail and self.branches_overlap(av[1], flags, follow):
                self.problems.append(f"alternatives that can match the same text inside {outer}")
            for branch in av[1]:
                self.walk(branch, flags, follow=follow, tail=tail, outer=outer)
        elif op is C.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    self.walk(branch, flags, follow=follow, tail=tail, outer=outer)

    def adjacent(self, op, av, rest, flags: int, tail: bool) -> None:
        """A repeat of single characters followed, with only optional items between, by an unbounded repeat
        that can match the same characters, and then by something that can fail (so that every way of sharing
        the run between the two is tried)."""
        low, high, body = av
        chars = self.one_char_body(body, flags)
        if chars is None or high != UNBOUNDED:
            return
        guard = frozenset()  # (?<![...]) before the second: it starts only where a run of its characters does
        for index, (next_op, next_av) in enumerate(rest):
            if next_op is C.ASSERT_NOT and next_av[0] == -1 and (one := self.one_char_body(next_av[1], flags)):
                guard |= one
            leading = self.leading_repeat(next_op, next_av, flags)
            if leading is not None and leading[0] & chars and not leading[0] <= guard and not (
                    tail and self.always_matches(leading[2]) and self.always_matches(rest[index + 1:])):
                self.problems.append(f"adjacent repeats over the same characters: {self.spell(op, av)} then "
                                     f"{self.spell(*leading[1])}")
                return
            if not self.item_nullable(next_op, next_av):
                return

    def one_char_body(self, body, flags: int) -> frozenset | None:
        if len(body) == 1:
            op, av = body[0]
            chars = single_chars(op, av, flags)
            if chars is not None:
                return chars
            if op is C.SUBPATTERN:
                return self.one_char_body(av[3], subflags(flags, av))
        return None

    def leading_repeat(self, op, av, flags: int):
        """The characters of an unbounded backtracking repeat this node starts with, the repeat, and what follows
        it inside the node; None when the node does not start with one."""
        if op in REPEATS:
            chars = self.one_char_body(av[2], flags) if av[1] == UNBOUNDED else None
            return None if chars is None else (chars, (op, av), [])
        if op is C.SUBPATTERN and av[3]:
            found = self.leading_repeat(*av[3][0], subflags(flags, av))
            return None if found is None else (found[0], found[1], found[2] + list(av[3][1:]))
        return None

    @staticmethod
    def spell(op, av) -> str:
        low, high, _ = av
        bound = "*" if (low, high) == (0, UNBOUNDED) else "+" if (low, high) == (1, UNBOUNDED) else (
            f"{{{low},}}" if high == UNBOUNDED else f"{{{low},{high}}}")
        return f"a {'lazy ' if op is C.MIN_REPEAT else ''}repeat {bound}"


def problems(pattern: str, flags: int = 0) -> list[str]:
    return Analysis(re.compile(pattern, flags)).run()


# --- the tests ----------------------------------------------------------------------------------------------------

PATTERNS = all_patterns()


def test_the_patterns_are_found():
    names = {name.split(".")[0].split(":")[0] for name, _ in PATTERNS}
    assert {"calls", "contacts", "document", "fields", "sections", "pipeline", "html"} <= names
    assert len(PATTERNS) > 150


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_no_pattern_can_backtrack_without_bound(name, pattern):
    found = Analysis(pattern).run()
    assert not found, f"{name} = {pattern.pattern!r}: " + "; ".join(found)


@pytest.mark.parametrize("shape", [
    r"(a+)+b", r"(?:\w+\s?)+$", r"(?:\s|\s\s)*x", r"(?:a|aa)+b", r"(?:\w+|ab)*x", r"(?:x\w+)*y", r"\s*\s*x", r"\w+,?\w*x",
    r"(?:[A-Z]\w*\s*)+:", r"a.*?[\w.]+\.com", r"(?i)(?:A|b\w*)+c", r"(?:(?:ab)+c?)+d",
])
def test_the_analysis_finds_the_classic_shapes(shape):
    assert problems(shape), shape


@pytest.mark.parametrize("shape", [
    r"(?:\w+\s)+x", r"(?>(?:\w+\s?)+)x", r"(?:\w+\s?)++x", r"(?:(?>\w+)\s?)+x", r"\s*\w+x", r"(?:ab|ac)*x",
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+com", r"(?=(?:\w+\s)+)x", r"(?>[^\W\d_]{2,}[\w,]*)", r"a.*?(?<![\w.])[\w.]+\.com",
])
def test_the_analysis_passes_safe_shapes(shape):
    assert not problems(shape), (shape, problems(shape))
