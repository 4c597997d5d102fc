import os
from pathlib import Path

from certificates.openbadges import generate_issuer_key

from .base import *  # noqa: F403
from .base import BASE_DIR, OPENBADGES_ISSUER_KEY, env_bool


def issuer_key_file(path: Path) -> str:
    """The demo's Open Badges signing key, made on first use and then kept,
    so badges downloaded earlier still verify after a restart."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(generate_issuer_key())
        try:
            # A link never replaces a key another process has just made.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text()


DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo's staff logins work without an authenticator app. Set
# ACADEMY_STAFF_MFA_REQUIRED=1 to try the two-factor set-up staff meet in
# production, where it is always on.
ACADEMY_STAFF_MFA_REQUIRED = env_bool("ACADEMY_STAFF_MFA_REQUIRED", default=False)
# Set OPENBADGES_ISSUER_KEY to sign with your own key instead.
OPENBADGES_ISSUER_KEY = OPENBADGES_ISSUER_KEY or issuer_key_file(
    BASE_DIR / "var" / "openbadges-issuer.pem"
)
