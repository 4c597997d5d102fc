"""allauth's login step for residents registered without email.

Kept apart from ``learners.assisted.services`` because allauth imports its stages
itself, by the dotted path in ``AccountAdapter.get_login_stages``; importing
them earlier, while the admin loads, runs into allauth's own import cycle.
"""

from allauth.account.stages import EmailVerificationStage

from .selectors import is_assisted_resident


class AssistedEmailVerificationStage(EmailVerificationStage):
    """allauth's email verification step, except for residents registered
    without email who sign in by username: there is no address to verify."""

    def handle(self):
        user = self.login.user
        if user is not None and not self.login.email and is_assisted_resident(user):
            return None, True
        return super().handle()
