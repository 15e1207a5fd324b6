"""Signed links in emails: confirm a signup (for CONFIRMATION_LIFETIME), unsubscribe and
change preferences (for as long as the subscriber exists). A token names a subscriber's pk
and is signed with the secret key and a salt per purpose, so no token is stored and none can
be turned into another."""

from django.core import signing

from .models import CONFIRMATION_LIFETIME

CONFIRM, UNSUBSCRIBE, PREFERENCES = "alerts.confirm", "alerts.unsubscribe", "alerts.preferences"


def make(purpose: str, subscriber_pk: int) -> str:
    if purpose == CONFIRM:
        return signing.TimestampSigner(salt=purpose).sign(str(subscriber_pk))
    return signing.Signer(salt=purpose).sign(str(subscriber_pk))


def read(purpose: str, token: str) -> int | None:
    """The subscriber pk a token names, or None if it is forged, mangled or (to confirm) too old."""
    try:
        if purpose == CONFIRM:
            value = signing.TimestampSigner(salt=purpose).unsign(token, max_age=CONFIRMATION_LIFETIME)
        else:
            value = signing.Signer(salt=purpose).unsign(token)
        return int(value)
    except (signing.BadSignature, ValueError):
        return None
