from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "Disclosure controls"

    def ready(self):
        from . import audit

        audit.connect_receivers()
