from django.contrib.auth.models import Permission
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from academy_web.menus import PermissionMenuItem

from . import urls
from .views import NAMESPACE, PERMISSION


@hooks.register("register_admin_urls")
def register_impact_urls():
    return [
        path(
            "impact-report/",
            include((urls.urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_impact_menu_item():
    return PermissionMenuItem(
        _("Impact report"),
        reverse_lazy(f"{NAMESPACE}:dashboard"),
        name="impact-report",
        icon_name="table",
        order=1300,
        permission=PERMISSION,
    )


@hooks.register("register_permissions")
def register_impact_permissions():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )
