from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not OPENBADGES_ISSUER_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "Set the OPENBADGES_ISSUER_KEY environment variable (or "
        "OPENBADGES_ISSUER_KEY_FILE) to the private key that signs Open Badges."
    )

# Rate limits count in the default cache: in local memory each worker would keep
# its own count, and a visitor would get one allowance per worker.
if not (REDIS_URL or DATABASE_CACHE):  # noqa: F405
    raise ImproperlyConfigured(
        "Set REDIS_URL, or set DATABASE_CACHE=1 and run `manage.py "
        "createcachetable`, so that every process shares one cache."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies stand in front of the app and append to
# X-Forwarded-For; rate limits count visitors by the address they saw.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))  # noqa: F405
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Never switched off here: learners.E001 fails `check --deploy` if it is.
ACADEMY_STAFF_MFA_REQUIRED = True
