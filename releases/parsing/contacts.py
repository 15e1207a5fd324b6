"""Blocks of a release -> the people and desks of its contact block(s).

Minimal first version: the interface the pipeline wires against; extraction follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .document import Block
from .result import ContactInfo


@dataclass(frozen=True)
class ContactsFound:
    contacts: tuple[ContactInfo, ...] = ()
    used: frozenset[int] = frozenset()  # indexes of the blocks that form contact blocks


def find_contacts(blocks: Sequence[Block]) -> ContactsFound:
    return ContactsFound()
