from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "irsite administration"
admin.site.site_title = "irsite admin"
admin.site.index_title = "Investor relations"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("releases.urls")),
]
