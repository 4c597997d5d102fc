from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = _("Learners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .accounts import checks  # noqa: F401
