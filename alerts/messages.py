"""The emails: a release's alert (plain text and HTML), the signup confirmation, and the note
to an address that is subscribed already.

An alert's content is read and rendered once per release (AlertContent); each subscriber's
message adds only their own links and headers: List-Unsubscribe (an https link and a mailto,
RFC 2369) with List-Unsubscribe-Post for the one-click POST (RFC 8058), and a Message-ID
derived from the (release, subscriber) pair, so that a message sent twice across a worker's
crash is folded into one by mail clients.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import quote

import lxml.html
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.dateformat import format as date_format

from releases.models import PressRelease

from . import tokens
from .models import Subscriber


def site_url(path: str) -> str:
    return settings.IRSITE_SITE_URL + path


def sender_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"


def first_paragraph(body_html: str) -> str:
    """The text of the release's first non-empty paragraph (the lead), or of its first block."""
    if not body_html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for block in root.iter("p", "li"):
        text = " ".join(block.text_content().split())
        if text:
            return text
    return " ".join(root.text_content().split())


@dataclass(frozen=True)
class CallInfo:
    title: str
    starts_label: str  # in the call's own zone, as the release printed it
    ics_url: str
    webcast_url: str


@dataclass(frozen=True)
class AlertContent:
    release_id: int
    company_name: str
    headline: str
    date_label: str
    lead: str
    url: str
    postal_address: str
    call: CallInfo | None


def alert_content(release: PressRelease) -> AlertContent:
    company = release.company
    call = release.calls.filter(starts_at__isnull=False).order_by("starts_at", "pk").first()
    call_info = None
    if call is not None:
        local = call.local_starts_at
        call_info = CallInfo(
            title=call.title,
            starts_label=f"{date_format(local, 'l, N j, Y, g:i a')} {local.tzname()}",
            ics_url=site_url(reverse("releases:event-ics", kwargs={"pk": call.pk})),
            webcast_url=call.webcast_url,
        )
    published = timezone.localtime(release.published_at)
    return AlertContent(
        release_id=release.pk,
        company_name=company.name,
        headline=release.headline,
        date_label=date_format(release.dateline_date or published, "N j, Y"),
        lead=first_paragraph(release.body),
        url=site_url(release.get_absolute_url()),
        postal_address=company.postal_address.strip() or settings.ALERTS_POSTAL_ADDRESS,
        call=call_info,
    )


def alert_subject(content: AlertContent) -> str:
    """The headline, after the company's name unless the headline begins with it already."""
    name = content.company_name.removesuffix(".").split(",")[0]
    if content.headline.lower().startswith(name.lower()):
        return content.headline
    return f"{content.company_name}: {content.headline}"


def message_id(release_id: int, subscriber_id: int) -> str:
    seal = salted_hmac("irsite.alerts.message-id", f"{release_id}.{subscriber_id}").hexdigest()[:16]
    return f"<alert.{release_id}.{subscriber_id}.{seal}@{sender_domain()}>"


def unsubscribe_url(subscriber: Subscriber) -> str:
    return site_url(reverse("alerts:unsubscribe", kwargs={"token": tokens.make(tokens.UNSUBSCRIBE, subscriber.pk)}))


def preferences_url(subscriber: Subscriber) -> str:
    return site_url(reverse("alerts:preferences", kwargs={"token": tokens.make(tokens.PREFERENCES, subscriber.pk)}))


def unsubscribe_mailto(subscriber: Subscriber) -> str:
    address = settings.ALERTS_UNSUBSCRIBE_MAILTO or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    subject = quote(f"unsubscribe {tokens.make(tokens.UNSUBSCRIBE, subscriber.pk)}")
    return f"mailto:{address}?subject={subject}"


def alert_message(content: AlertContent, subscriber: Subscriber, *, connection=None) -> EmailMultiAlternatives:
    unsubscribe = unsubscribe_url(subscriber)
    context = {
        "alert": content,
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences_url(subscriber),
    }
    message = EmailMultiAlternatives(
        subject=alert_subject(content),
        body=render_to_string("alerts/email/alert.txt", context),
        to=[subscriber.email],
        connection=connection,
        headers={
            "Message-ID": message_id(content.release_id, subscriber.pk),
            "List-Unsubscribe": f"<{unsubscribe}>, <{unsubscribe_mailto(subscriber)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"Press release alerts <alerts.{sender_domain()}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("alerts/email/alert.html", context), "text/html")
    return message


def confirmation_message(subscriber: Subscriber) -> EmailMultiAlternatives:
    confirm = site_url(reverse("alerts:confirm", kwargs={"token": tokens.make(tokens.CONFIRM, subscriber.pk)}))
    context = {"confirm_url": confirm, "hours": 48}
    return EmailMultiAlternatives(
        subject="Confirm your email alerts",
        body=render_to_string("alerts/email/confirm.txt", context),
        to=[subscriber.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def already_subscribed_message(subscriber: Subscriber) -> EmailMultiAlternatives:
    context = {"preferences_url": preferences_url(subscriber), "unsubscribe_url": unsubscribe_url(subscriber)}
    return EmailMultiAlternatives(
        subject="You already receive email alerts",
        body=render_to_string("alerts/email/already_subscribed.txt", context),
        to=[subscriber.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
