from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    BooleanColumn,
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusTagColumn,
)
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    HistoryView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from academy_web.http import ID, parse_id
from learners.viewsets import BoundedSearchMixin

from . import admin_views
from .models import Award, Certificate, CertificateTemplate

CERTIFICATE_NAMESPACE = "certificates_certificate"
AWARD_NAMESPACE = "certificates_award"
# Whoever may do any of these to a model may find its instances in a chooser.
CHOOSER_ACTIONS = ["add", "change", "delete", "view"]


def _can(user, action: str) -> bool:
    return policy_registry.get_by_type(Certificate).user_has_permission(user, action)


def certificate_actions(certificate: Certificate, user, next_url: str) -> list[dict]:
    """The coordinator actions on one certificate, as labels and URLs."""
    actions = []
    query = f"?next={next_url}" if next_url else ""
    if certificate.is_ready:
        actions.append(
            {
                "label": _("Download PDF"),
                "url": certificate.get_download_url(),
                "icon": "download",
            }
        )
    if _can(user, "issue") and not certificate.is_ready:
        actions.append(
            {
                "label": _("Make the PDF again"),
                "url": reverse(f"{CERTIFICATE_NAMESPACE}:retry", args=[certificate.pk])
                + query,
                "icon": "rotate",
            }
        )
    if _can(user, "revoke") and certificate.status != Certificate.Status.REVOKED:
        actions.append(
            {
                "label": _("Revoke"),
                "url": reverse(f"{CERTIFICATE_NAMESPACE}:revoke", args=[certificate.pk])
                + query,
                "icon": "warning",
            }
        )
    actions.append(
        {
            "label": _("History"),
            "url": reverse(f"{CERTIFICATE_NAMESPACE}:history", args=[certificate.pk]),
            "icon": "history",
        }
    )
    actions.append(
        {
            "label": _("Public check page"),
            "url": certificate.get_absolute_url(),
            "icon": "link-external",
        }
    )
    return actions


class PermissionCheckedChooserMixin:
    """Wagtail's snippet choosers answer anyone with admin access. These
    answer only those with a permission on the model, and offer only the
    instances its permission policy lets them act on."""

    def dispatch(self, request, *args, **kwargs):
        if not self.get_permission_policy().user_has_any_permission(
            request.user, CHOOSER_ACTIONS
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_permission_policy(self):
        return policy_registry.get_by_type(self.model_class)

    def choosable(self):
        return self.get_permission_policy().instances_user_has_any_permission_for(
            self.request.user, CHOOSER_ACTIONS
        )


class ChooseView(PermissionCheckedChooserMixin, chooser.ChooseView):
    def get_object_list(self):
        return self.choosable()


class ChooseResultsView(PermissionCheckedChooserMixin, chooser.ChooseResultsView):
    def get_object_list(self):
        return self.choosable()


class ChosenView(PermissionCheckedChooserMixin, chooser.SnippetChosenView):
    def get_object(self, pk):
        key = parse_id(pk)
        if key is None:
            raise Http404
        return self.choosable().get(pk=key)


class ChosenMultipleView(
    PermissionCheckedChooserMixin, chooser.SnippetChosenMultipleView
):
    def get_objects(self, pks):
        keys = [key for pk in pks if (key := parse_id(pk)) is not None]
        return self.choosable().filter(pk__in=keys)


class CreateView(PermissionCheckedChooserMixin, chooser.SnippetCreateView):
    pass


class PermissionCheckedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class PermissionCheckedDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets, refused before it names anything to
    anyone who may not delete the model. Its confirmation page would
    otherwise list every chosen item, with or without permission."""

    models = [Award, Certificate, CertificateTemplate]

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "delete"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeletersBulkActionsIndexView(BoundedSearchMixin, IndexView):
    """A snippet listing that offers its bulk actions, which for these models
    are only delete, to those who may delete. No one deletes certificates
    (see ``CertificatePermissionPolicy``): a coordinator revokes them."""

    @cached_property
    def may_delete(self) -> bool:
        return self.permission_policy.user_has_permission(self.request.user, "delete")

    @cached_property
    def columns(self):
        columns = super().columns
        if self.may_delete:
            return columns
        return [
            column
            for column in columns
            if not isinstance(column, BulkActionsCheckboxColumn)
        ]

    def get_template_names(self):
        if self.may_delete or self.results_only:
            return super().get_template_names()
        # Wagtail's generic listing, without the snippet listing's bulk actions.
        return ["wagtailadmin/generic/index.html"]


class CertificateIndexView(DeletersBulkActionsIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, action in enumerate(
            certificate_actions(instance, self.request.user, self.request.path),
            start=40,
        ):
            buttons.append(
                MenuItem(
                    action["label"],
                    url=action["url"],
                    icon_name=action["icon"],
                    priority=priority,
                )
            )
        return buttons


class CertificateInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for priority, action in enumerate(
            certificate_actions(self.object, self.request.user, self.request.path),
            start=30,
        ):
            buttons.append(
                Button(
                    action["label"],
                    url=action["url"],
                    icon_name=action["icon"],
                    priority=priority,
                )
            )
        return buttons

    def get_verification_code_display_value(self):
        return self.object.display_code


class CertificateHistoryView(HistoryView):
    """The audit log of one certificate: issue, renewal, revocation, retries."""

    any_permission_required = ["view", "issue", "revoke"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    admin_url_namespace = CERTIFICATE_NAMESPACE
    base_url_path = "certificates/certificate"
    index_view_class = CertificateIndexView
    chooser_viewset_class = PermissionCheckedChooserViewSet
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["serial", "name_on_certificate", "award_name"]
    search_backend_name = None
    list_filter = ["status", "render_status", "award"]
    list_per_page = 50
    inspect_view_fields = [
        "serial",
        "name_on_certificate",
        "award_name",
        "learner",
        "issued_at",
        "expires_at",
        "status",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "issued_by",
        "replaces",
        "verification_code",
        "status_list_index",
        "render_status",
        "render_error",
        "render_warning",
        "rendered_at",
        "emailed_at",
    ]

    @cached_property
    def list_display(self):
        return [
            "serial",
            Column("name_on_certificate", label=_("Name as printed")),
            Column("award_name", label=_("Award")),
            DateColumn("issued_at", label=_("Issued"), sort_key="issued_at"),
            DateColumn("expires_at", label=_("Expires"), sort_key="expires_at"),
            StatusTagColumn(
                "get_standing_display",
                label=_("Status"),
                sort_key="status",
                primary=lambda certificate: (
                    certificate.status == Certificate.Status.ACTIVE
                ),
            ),
            StatusTagColumn(
                "get_render_status_display",
                label=_("PDF"),
                sort_key="render_status",
                primary=lambda certificate: certificate.is_ready,
            ),
        ]

    def get_queryset(self, request):
        return Certificate.objects.select_related("award")

    def get_urlpatterns(self):
        common = {
            "certificate_url_namespace": CERTIFICATE_NAMESPACE,
            "award_url_namespace": AWARD_NAMESPACE,
        }
        return super().get_urlpatterns() + [
            path(
                f"revoke/<{ID}:pk>/",
                admin_views.RevokeView.as_view(**common),
                name="revoke",
            ),
            path(
                f"retry/<{ID}:pk>/",
                admin_views.RetryRenderView.as_view(**common),
                name="retry",
            ),
            path(
                f"batch/<{ID}:pk>/",
                admin_views.BatchProgressView.as_view(**common),
                name="batch",
            ),
            path(
                f"batch/<{ID}:pk>/status/",
                admin_views.BatchStatusView.as_view(),
                name="batch_status",
            ),
        ]


class AwardIndexView(DeletersBulkActionsIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if _can(self.request.user, "issue"):
            buttons.append(
                MenuItem(
                    _("Issue certificates"),
                    url=reverse(f"{AWARD_NAMESPACE}:eligible", args=[instance.pk]),
                    icon_name="doc-full",
                    priority=5,
                )
            )
        return buttons


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "trophy"
    menu_label = _("Awards")
    admin_url_namespace = AWARD_NAMESPACE
    base_url_path = "certificates/award"
    chooser_viewset_class = PermissionCheckedChooserViewSet
    index_view_class = AwardIndexView
    copy_view_enabled = False
    list_display = [
        "name",
        Column("validity_months", label=_("Valid for (months)")),
        BooleanColumn("auto_issue", label=_("Issued automatically")),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("template"),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [FieldPanel("validity_months"), FieldPanel("auto_issue")],
            heading=_("Validity and issuing"),
        ),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"eligible/<{ID}:pk>/",
                admin_views.EligibleLearnersView.as_view(
                    certificate_url_namespace=CERTIFICATE_NAMESPACE,
                    award_url_namespace=AWARD_NAMESPACE,
                ),
                name="eligible",
            ),
        ]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-empty"
    menu_label = _("Certificate templates")
    admin_url_namespace = "certificates_template"
    base_url_path = "certificates/template"
    index_view_class = DeletersBulkActionsIndexView
    chooser_viewset_class = PermissionCheckedChooserViewSet
    list_display = ["name", Column("title", label=_("Title")), "issuer_name"]
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("preamble"),
                FieldPanel("wording"),
                FieldPanel("issuer_name"),
            ],
            heading=_("Wording"),
        ),
        FieldPanel("logo"),
        InlinePanel("signatories", label=_("Signatories"), max_num=3),
    ]


class CertificatesGroup(SnippetViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 250
    items = (CertificateViewSet, AwardViewSet, CertificateTemplateViewSet)
