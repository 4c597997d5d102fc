from certificates.openbadges import generate_issuer_key

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Jobs run in-process so a test sees their effect at once.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests that use the admin sign in by password; tests/learners/test_mfa.py
# switches enforcement on to check it.
ACADEMY_STAFF_MFA_REQUIRED = False
# A fresh signing key for each test run; P-256 because it is quick to make.
OPENBADGES_ISSUER_KEY = generate_issuer_key("EC")
