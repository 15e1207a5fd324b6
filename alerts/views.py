"""Subscribe, confirm, change preferences, unsubscribe.

The signed links carry the subscriber; no page needs a login. Unsubscribe answers RFC 8058's
one-click POST without a CSRF token (a mail provider sends it, not a browser form of ours);
a GET, which link scanners and prefetchers also make, only shows the page with its button.
Confirming takes a POST too, for the same reason. Signups are counted per client address and
per email address in the throttle cache (shared by every server), which bounds the
confirmation emails anyone can make the site send.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from irsite.throttle import client_ip, throttle_cache
from releases.models import Company

from . import services, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber

HOUR, DAY = 3600, 24 * 3600


def count_and_check(kind: str, subject: str, limit: int, window: int) -> bool:
    """Count one more for (kind, subject); False once the limit within the window is passed."""
    cache = throttle_cache()
    key = f"irsite:alerts:{kind}:{hashlib.sha256(subject.encode()).hexdigest()}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            ip = client_ip(request)
            email = services.normalise_email(form.cleaned_data["email"])
            allowed = count_and_check("signup-ip", ip, settings.ALERTS_SIGNUPS_PER_IP, HOUR) and count_and_check(
                "signup-address", email, settings.ALERTS_SIGNUPS_PER_ADDRESS, DAY
            )
            if not allowed:
                form.add_error(None, "Too many signups have come from here or for this address; try again later.")
                return render(request, "alerts/subscribe.html", {"form": form}, status=429)
            services.subscriber_subscribe(
                email=email,
                preferences=form.preferences(),
                consent_version=form.cleaned_data["consent_version"],
                source="signup form",
                ip=ip or None,
            )
            return HttpResponseRedirect(reverse("alerts:check-email"))
    else:
        company = Company.objects.filter(slug=request.GET.get("company", "")).first()
        form = SubscribeForm(initial={"companies": [company] if company else [], "all_companies": company is None})
    return render(request, "alerts/subscribe.html", {"form": form})


@never_cache
def check_email(request):
    return render(request, "alerts/check_email.html")


def subscriber_from(purpose: str, token: str) -> Subscriber | None:
    pk = tokens.read(purpose, token)
    return Subscriber.objects.filter(pk=pk).first() if pk is not None else None


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber = subscriber_from(tokens.CONFIRM, token)
    if subscriber is None:
        return render(request, "alerts/link_invalid.html", status=404)
    if request.method == "POST":
        services.subscriber_confirm(subscriber=subscriber)
        return render(request, "alerts/confirmed.html", {"subscriber": subscriber})
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return render(request, "alerts/confirmed.html", {"subscriber": subscriber})
    return render(request, "alerts/confirm.html", {"subscriber": subscriber})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = subscriber_from(tokens.UNSUBSCRIBE, token)
    if request.method == "POST":
        # One-click (RFC 8058) or the page's button. An erased subscriber's link finds no row:
        # the address is suppressed already, so the answer is the same.
        if subscriber is not None:
            services.subscriber_unsubscribe(subscriber=subscriber)
        elif tokens.read(tokens.UNSUBSCRIBE, token) is None:
            return render(request, "alerts/link_invalid.html", status=404)
        return render(request, "alerts/unsubscribed.html")
    if subscriber is None and tokens.read(tokens.UNSUBSCRIBE, token) is None:
        return render(request, "alerts/link_invalid.html", status=404)
    done = subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED
    template = "alerts/unsubscribed.html" if done else "alerts/unsubscribe.html"
    return render(request, template, {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = subscriber_from(tokens.PREFERENCES, token)
    if subscriber is None:
        return render(request, "alerts/link_invalid.html", status=404)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.subscriber_update_preferences(subscriber=subscriber, preferences=form.preferences())
            return render(request, "alerts/preferences.html", {"form": form, "subscriber": subscriber, "saved": True})
    else:
        form = PreferencesForm(
            initial={
                "all_companies": subscriber.all_companies,
                "companies": list(subscriber.companies.all()),
                "categories": subscriber.categories,
                "calls": subscriber.calls,
            }
        )
    unsubscribe_token = tokens.make(tokens.UNSUBSCRIBE, subscriber.pk)
    context = {"form": form, "subscriber": subscriber, "unsubscribe_token": unsubscribe_token}
    return render(request, "alerts/preferences.html", context)
