"""parse_press_release under a hard time limit: raw bytes in, a ParsedRelease out, or a ParseError
when the parse takes longer than the limit.

The parse runs in a child process forked from a small server process (multiprocessing's forkserver,
which has the parser imported already), and the child is killed when the limit passes. A thread or a
signal could not do this: a regular expression running in C holds the interpreter until it returns,
and signals reach only the main thread, which a threaded web server does not give its requests.
"""

from __future__ import annotations

import multiprocessing

from .errors import ParseError
from .pipeline import parse_press_release
from .result import ParsedRelease

DEFAULT_SECONDS = 5.0

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["releases.parsing"])


class ParserCrash(RuntimeError):
    """The parser raised something other than a ParseError: a bug, with the child's description of it."""


def parse_within(raw: str | bytes, *, filename: str = "", seconds: float = DEFAULT_SECONDS) -> ParsedRelease:
    receiving, sending = _context.Pipe(duplex=False)
    child = _context.Process(target=_parse_into, args=(sending, raw, filename), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(seconds):
            raise ParseError(
                f"Reading this file took longer than {seconds:g} seconds, so it was stopped and nothing was "
                "saved. Try the plain text of the release, or paste it."
            )
        kind, value = receiving.recv()
    except EOFError:
        raise ParserCrash(f"the parser's process ended without an answer (exit code {child.exitcode})") from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "error":
        raise ParseError(value)
    if kind == "crash":
        raise ParserCrash(value)
    return value


def _parse_into(connection, raw: str | bytes, filename: str) -> None:
    try:
        outcome = ("ok", parse_press_release(raw, filename=filename))
    except ParseError as error:
        outcome = ("error", str(error))
    except Exception as error:  # reported to the parent, which logs or prints it
        outcome = ("crash", f"{type(error).__name__}: {error}")
    connection.send(outcome)
    connection.close()
