from django.conf import settings
from django.core.files.storage import Storage, default_storage, storages

STORAGE_ALIAS = "certificates"


def certificate_storage() -> Storage:
    """Where certificate PDFs live: ``STORAGES["certificates"]`` if configured.

    That storage should be private (no public URL), because downloads go
    through a view that checks who is asking. Without it the default storage
    is used, so the app still works in a host site that has not configured one.
    """
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    return default_storage
