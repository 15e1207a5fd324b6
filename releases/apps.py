from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ReleasesConfig(AppConfig):
    name = "releases"
    verbose_name = "Investor relations"

    def ready(self):
        from django.core import checks

        from .pagecache import check_stamp, invalidate_on_write

        checks.register(check_stamp)

        # Every write to this app's rows, from the admin, a service or the shell, makes
        # the public pages cached before it unreachable.
        post_save.connect(invalidate_on_write, dispatch_uid="pagecache-save")
        post_delete.connect(invalidate_on_write, dispatch_uid="pagecache-delete")
        m2m_changed.connect(invalidate_on_write, dispatch_uid="pagecache-m2m")

