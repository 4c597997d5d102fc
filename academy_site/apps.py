from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcademySiteConfig(AppConfig):
    """The demo site: its shell templates and the ``seed_academy`` command."""

    name = "academy_site"
    verbose_name = _("Academy site")
