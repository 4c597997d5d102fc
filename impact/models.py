from django.db import models
from django.utils.translation import gettext_lazy as _


class ImpactReportAccess(models.Model):
    """Holds the permission to view the impact report, and nothing else: it
    has no table (``managed = False``) and no rows. The permission moved here
    from ``certificates`` in migration 0002."""

    class Meta:
        managed = False
        verbose_name = _("impact report access")
        default_permissions = ()
        permissions = [("view_impact_report", _("Can view the impact report"))]

    def __str__(self):
        return str(self._meta.verbose_name)
