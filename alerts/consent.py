"""The consent sentences a subscriber agrees to, by version: a signup stores the version it
showed, so what each person agreed to can be shown later. A new wording is a new version;
published versions are never edited."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Consent:
    version: str
    text: str


CONSENTS = {
    consent.version: consent
    for consent in [
        Consent(
            version="2025-1",
            text=(
                "I want to receive email alerts about the press releases and events I chose. "
                "My address is used for nothing else, and every alert has a link to unsubscribe at once."
            ),
        ),
    ]
}
CURRENT = CONSENTS["2025-1"]
# What an import records when the file gives no version: the consent was given elsewhere.
IMPORTED = "imported"
