from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get(  # noqa: F405
    "SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = os.environ.get(  # noqa: F405
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
