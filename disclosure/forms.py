"""What a person adds to a publication: a confirmation of its warnings, the time the exchange
was notified, an emergency override's reason; and the moment asked of a release's history."""

from django import forms
from django.conf import settings

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PublicationForm(forms.Form):
    confirmed = forms.BooleanField(
        required=False, label="I have read the warnings above and publish anyway"
    )
    exchange_notified_at = forms.DateTimeField(
        required=False,
        label="Exchange notified at",
        help_text=f"When the exchange was told of this material news, in {settings.TIME_ZONE}.",
        widget=DATETIME_WIDGET,
    )
    override_reason = forms.CharField(
        required=False,
        label="Emergency override: reason",
        help_text="Publish without a second person's approval. The reason is kept in the audit trail, marked as "
        "an override.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MomentForm(forms.Form):
    at = forms.DateTimeField(
        label="What did the site show at",
        help_text=f"In {settings.TIME_ZONE}.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "step": 1}, format="%Y-%m-%dT%H:%M:%S"),
    )
