"""Site-wide HTTP protections that Django 5.2 does not ship.

- ContentSecurityPolicyMiddleware: adds the policy in settings.IRSITE_CONTENT_SECURITY_POLICY
  (directive -> list of sources) to every response that does not set its own.
- RequestSizeLimitMiddleware: answers 413 before a request body is read when its declared
  length exceeds settings.IRSITE_MAX_REQUEST_BYTES, so an oversized upload never reaches
  the upload handlers, the form or the parser.
- LoginThrottleMiddleware: answers 429, with the admin login page and a plain message,
  to a sign-in attempt for a username that has failed too often from the same address, or
  from an address that has failed too often (the counting lives in irsite/throttle.py).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property

from . import throttle


def build_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = build_policy(settings.IRSITE_CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        # Django's own debug error pages are styled inline; they only exist with DEBUG on.
        if settings.DEBUG and response.status_code >= 400:
            return response
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.IRSITE_MAX_REQUEST_BYTES
        if length > limit:
            # Closing the connection keeps a client from pushing the unread body at us.
            response = HttpResponse(
                f"This request is {length:,} bytes; the largest accepted is {limit:,} bytes. "
                "A press release is a text, HTML or Word file of a few hundred kilobytes at most.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class LockedOutForm(AuthenticationForm):
    """The sign-in form showing the lockout, without checking the password again."""

    def __init__(self, message: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def clean(self):
        raise ValidationError(self.message, code="locked_out")


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def login_path(self) -> str:
        return reverse("admin:login")

    def __call__(self, request):
        if request.method == "POST" and request.path == self.login_path:
            username = request.POST.get("username", "")
            seconds_left = throttle.seconds_locked(username, throttle.client_ip(request))
            if seconds_left:
                return self.locked_response(request, seconds_left)
        return self.get_response(request)

    def locked_response(self, request, seconds_left: int) -> TemplateResponse:
        minutes = max(1, -(-seconds_left // 60))
        form = LockedOutForm(
            f"Too many failed sign-in attempts. Sign-in is locked for "
            f"{minutes} more minute{'s' if minutes != 1 else ''}; ask another administrator "
            "if you need your password reset.",
            request,
            data=request.POST,
        )
        context = {
            **admin.site.each_context(request),
            "title": "Log in",
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": "",
            "form": form,
            REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME)
            or request.GET.get(REDIRECT_FIELD_NAME)
            or reverse("admin:index"),
        }
        template = admin.site.login_template or "admin/login.html"
        response = TemplateResponse(request, template, context, status=429)
        response["Retry-After"] = str(seconds_left)
        return response.render()
