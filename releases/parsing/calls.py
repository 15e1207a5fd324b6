"""Body blocks of a release -> the conference calls and webcasts it announces.

Minimal first version: the interface the pipeline wires against; extraction follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .document import Block
from .result import Call


def find_calls(blocks: Sequence[Block], *, release_date: date | None, website: str | None) -> tuple[Call, ...]:
    return ()
