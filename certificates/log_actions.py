"""Audit-log actions for certificates, shown in each certificate's History."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


class RevokeFormatter(LogFormatter):
    label = _("Revoke certificate")

    def format_message(self, log_entry):
        return _("Certificate %(serial)s revoked: %(reason)s") % {
            "serial": log_entry.data.get("serial", ""),
            "reason": log_entry.data.get("reason", ""),
        }

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


class ReissueFormatter(LogFormatter):
    label = _("Re-issue certificate")

    def format_message(self, log_entry):
        return _("Certificate %(serial)s issued as a renewal of %(renews)s") % {
            "serial": log_entry.data.get("serial", ""),
            "renews": log_entry.data.get("renews", ""),
        }


class IssueFormatter(LogFormatter):
    label = _("Issue certificate")

    def format_message(self, log_entry):
        return _("Certificate %(serial)s issued to %(learner)s") % {
            "serial": log_entry.data.get("serial", ""),
            "learner": log_entry.data.get("learner", ""),
        }


def register_certificate_actions(actions) -> None:
    actions.register_action("certificates.issue")(IssueFormatter)
    actions.register_action("certificates.reissue")(ReissueFormatter)
    actions.register_action("certificates.revoke")(RevokeFormatter)
    actions.register_action(
        "certificates.supersede",
        _("Replace certificate"),
        _("Certificate replaced by a renewal"),
    )
    actions.register_action(
        "certificates.render_retry", _("Make PDF again"), _("PDF queued again")
    )
    actions.register_action(
        "certificates.bulk_issue",
        _("Bulk issue certificates"),
        _("Certificates issued in bulk"),
    )
