"""W3C Bitstring Status List v1.0: which certificates are revoked, as bits.

Bit *i* of the list is set when the certificate at ``status_list_index`` *i*
is revoked. ``encode_status_list`` is pure; the rest reads the certificates.
The signed ``BitstringStatusListCredential`` that carries the list is built in
``credentials``.
"""

from __future__ import annotations

import base64
import gzip
import math
from collections.abc import Iterable

from django.db.models import Max, QuerySet

from ..models import Certificate

STATUS_PURPOSE = "revocation"

#: The W3C minimum: 16 KiB of bits, so one index hides among many.
STATUS_LIST_MIN_SIZE = 131_072


def encode_status_list(
    revoked_indexes: Iterable[int], size: int = STATUS_LIST_MIN_SIZE
) -> str:
    """Encode the revoked indexes as a W3C ``encodedList``.

    The bitstring has ``size`` bits, index 0 being the left-most (most
    significant) bit of the first byte. It is GZIP-compressed (with a zero
    timestamp, so equal lists encode equally) and written as multibase
    base64url without padding, which is the letter ``u`` and then the data.
    """
    if size < STATUS_LIST_MIN_SIZE or size % 8:
        raise ValueError(
            f"size must be a multiple of 8 and at least {STATUS_LIST_MIN_SIZE}"
        )
    bits = bytearray(size // 8)
    for index in revoked_indexes:
        if not 0 <= index < size:
            raise ValueError(f"index {index} is outside the status list")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def revoked_status_indexes() -> QuerySet:
    """Status-list positions of revoked certificates, in order."""
    return (
        Certificate.objects.filter(status=Certificate.Status.REVOKED)
        .order_by("status_list_index")
        .values_list("status_list_index", flat=True)
    )


def status_list_size() -> int:
    """Bits in the list: the W3C minimum, grown in whole steps of it so that
    every certificate ever issued has a position inside it."""
    highest = Certificate.objects.aggregate(highest=Max("status_list_index"))["highest"]
    if highest is None:
        return STATUS_LIST_MIN_SIZE
    steps = math.ceil((highest + 1) / STATUS_LIST_MIN_SIZE)
    return max(1, steps) * STATUS_LIST_MIN_SIZE


def revocation_encoded_list() -> str:
    return encode_status_list(revoked_status_indexes(), size=status_list_size())
