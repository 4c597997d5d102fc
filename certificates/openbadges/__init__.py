"""Open Badges 3.0: certificates as signed credentials, and what verifiers fetch.

``generate_issuer_key`` is exported here for settings modules and the
README's key-generation command.
"""

from .keys import generate_issuer_key

__all__ = ["generate_issuer_key"]
