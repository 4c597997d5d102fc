"""Signals the certificates app sends.

``certificate_issued``: ``sender=Certificate``, ``certificate`` and
``renewal_of`` (the certificate it replaces, or ``None``).
``certificate_revoked``: ``sender=Certificate``, ``certificate``.
Both are sent inside the transaction that makes the change.
"""

from django.dispatch import Signal

certificate_issued = Signal()
certificate_revoked = Signal()
