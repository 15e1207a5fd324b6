"""The alerts in the admin: subscribers (search, filters, unsubscribe and erase), each
release's mailing with its delivery counts, the deliveries, the suppression list (hashes
only), and "send test alert to me" on the release list (releases.admin names it)."""

from django.contrib import admin, messages
from django.db.models import Count, Q

from . import services, tasks
from .models import Delivery, Mailing, Subscriber, Suppression


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "all_companies", "calls", "consent_version", "consented_at", "bounce_count"]
    list_filter = ["status", "all_companies", "calls", "consent_version", "companies"]
    search_fields = ["email"]
    date_hierarchy = "consented_at"
    filter_horizontal = ["companies"]
    readonly_fields = ["consent_version", "consent_source", "consented_at", "signup_ip", "confirmed_at", "bounce_count",
                       "created_at", "updated_at"]
    actions = ["unsubscribe", "erase"]

    @admin.action(description="Unsubscribe the selected subscribers (and suppress their addresses)")
    def unsubscribe(self, request, queryset):
        for subscriber in queryset:
            services.subscriber_unsubscribe(subscriber=subscriber)
        self.message_user(request, f"{len(queryset)} unsubscribed.", messages.SUCCESS)

    @admin.action(description="Erase the selected subscribers (keep only a hash, never mail again)")
    def erase(self, request, queryset):
        count = 0
        for subscriber in queryset:
            services.subscriber_erase(subscriber=subscriber)
            count += 1
        self.message_user(request, f"{count} erased.", messages.SUCCESS)


def delivery_count(status: str) -> Count:
    return Count("release__alert_deliveries", filter=Q(release__alert_deliveries__status=status))


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["release", "created_at", "recipients", "queued", "sent", "failed", "skipped"]
    list_select_related = ["release"]
    search_fields = ["release__headline", "release__company__name"]
    readonly_fields = ["release", "recipients", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            queued_count=delivery_count(Delivery.Status.QUEUED),
            sent_count=delivery_count(Delivery.Status.SENT),
            failed_count=delivery_count(Delivery.Status.FAILED),
            skipped_count=delivery_count(Delivery.Status.SKIPPED),
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description="Queued", ordering="queued_count")
    def queued(self, mailing):
        return mailing.queued_count

    @admin.display(description="Sent", ordering="sent_count")
    def sent(self, mailing):
        return mailing.sent_count

    @admin.display(description="Failed", ordering="failed_count")
    def failed(self, mailing):
        return mailing.failed_count

    @admin.display(description="Skipped", ordering="skipped_count")
    def skipped(self, mailing):
        return mailing.skipped_count


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["release", "subscriber", "status", "attempts", "sent_at", "next_attempt_at", "last_error"]
    list_filter = ["status"]
    list_select_related = ["release", "subscriber"]
    search_fields = ["subscriber__email", "release__headline"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["digest", "reason", "created_at"]
    list_filter = ["reason"]
    readonly_fields = ["digest", "reason", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.action(description="Send a test alert to me")
def send_test_alert(modeladmin, request, queryset):
    """The alert of each selected release, to the signed-in staff member's own address."""
    if not request.user.email:
        modeladmin.message_user(request, "Your account has no email address; add one first.", messages.ERROR)
        return
    for release in queryset.select_related("company"):
        tasks.send_test_alert(release=release, email=request.user.email)
    modeladmin.message_user(request, f"Test alert sent to {request.user.email}.", messages.SUCCESS)
