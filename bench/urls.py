"""irsite's URLs plus `/__bench__/ceiling`: a view that returns a constant string through
the same middleware, the most a page can be served at under the same server settings."""

from django.http import HttpResponse
from django.urls import include, path


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("__bench__/ceiling", ceiling, name="bench-ceiling"),
    path("", include("irsite.urls")),
]
