"""The signup and preferences forms: input shape only; alerts.services does the writes."""

from django import forms

from releases.models import Company, PressRelease

from . import consent as consents
from .services import Preferences


class PreferencesForm(forms.Form):
    all_companies = forms.BooleanField(
        label="All companies, including those added later", required=False, initial=False
    )
    companies = forms.ModelMultipleChoiceField(
        queryset=Company.objects.order_by("name"), required=False, widget=forms.CheckboxSelectMultiple
    )
    categories = forms.MultipleChoiceField(
        label="Kinds of release",
        choices=PressRelease.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=PressRelease.Category.values,
    )
    calls = forms.BooleanField(
        label="Conference calls and events: every release that announces one", required=False, initial=True
    )

    def clean(self):
        data = super().clean()
        if not data.get("all_companies") and not data.get("companies"):
            self.add_error("companies", "Choose at least one company, or all companies.")
        if not data.get("categories") and not data.get("calls"):
            self.add_error("categories", "Choose at least one kind of release, or calls and events.")
        return data

    def preferences(self) -> Preferences:
        data = self.cleaned_data
        return Preferences(
            all_companies=data["all_companies"],
            companies=tuple(data["companies"]),
            categories=tuple(data["categories"]),
            calls=data["calls"],
        )


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label="Email address", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    consent = forms.BooleanField(label=consents.CURRENT.text, required=True)
    consent_version = forms.CharField(widget=forms.HiddenInput, initial=consents.CURRENT.version)

    field_order = ["email", "all_companies", "companies", "categories", "calls", "consent", "consent_version"]

    def clean_consent_version(self):
        version = self.cleaned_data["consent_version"]
        if version not in consents.CONSENTS:
            raise forms.ValidationError("The form is out of date; reload the page.")
        return version
