"""Verification codes: 80 random bits in Crockford base32 with a check symbol.

A code prints as ``XXXX-XXXX-XXXX-XXXX-C``: sixteen data symbols carrying 80
bits, then one check symbol, the value modulo 37 (Crockford's scheme). Because
37 is prime and larger than the alphabet, the check symbol catches every single
wrong symbol and every swap of two neighbouring symbols. Reading is forgiving:
case, hyphens and spaces do not matter, and O, I and L read as 0, 1 and 1.
"""

from __future__ import annotations

import enum
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
DATA_LENGTH = 16
RANDOM_BITS = 80
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}


class CodeProblem(enum.Enum):
    MALFORMED = "malformed"
    TYPO = "typo"


def _encode(number: int) -> str:
    symbols = []
    for _ in range(DATA_LENGTH):
        number, remainder = divmod(number, 32)
        symbols.append(ALPHABET[remainder])
    return "".join(reversed(symbols))


def check_symbol(data: str) -> str:
    """The check symbol for sixteen data symbols already normalised."""
    number = 0
    for symbol in data:
        number = number * 32 + _VALUES[symbol]
    return CHECK_ALPHABET[number % 37]


def generate_code() -> str:
    """A new code in canonical form (no hyphens): 16 data symbols + 1 check."""
    data = _encode(secrets.randbits(RANDOM_BITS))
    return data + check_symbol(data)


def normalise(text: str) -> str:
    """Upper case without separators; look-alike letters become digits."""
    return "".join(text.split()).replace("-", "").upper().translate(_LOOKALIKES)


def problem_with(text: str) -> CodeProblem | None:
    """Why ``text`` cannot be a code, or ``None`` when it is well formed."""
    code = normalise(text)
    data, check = code[:-1], code[-1:]
    if len(data) != DATA_LENGTH or any(symbol not in _VALUES for symbol in data):
        return CodeProblem.MALFORMED
    if check not in CHECK_ALPHABET:
        return CodeProblem.MALFORMED
    if check_symbol(data) != check:
        return CodeProblem.TYPO
    return None


def display(code: str) -> str:
    """``XXXX-XXXX-XXXX-XXXX-C`` for a canonical code."""
    groups = [code[i : i + 4] for i in range(0, DATA_LENGTH, 4)]
    return "-".join([*groups, code[DATA_LENGTH:]])
