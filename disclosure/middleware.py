"""Writes made while a request is handled are logged as its user's (disclosure.audit)."""

from .audit import acting


class AuditActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The request, not its user: the session is read only if something is written.
        with acting(request=request):
            return self.get_response(request)
