"""The pure rules of printed sign-in codes, as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from learners.assisted import codes

printed_codes = st.text(
    alphabet=codes.CODE_ALPHABET,
    min_size=codes.CODE_LENGTH,
    max_size=codes.CODE_LENGTH,
)


@given(
    code=st.text(alphabet=codes.CODE_ALPHABET, min_size=8, max_size=8),
    data=st.data(),
)
def test_any_case_or_spacing_of_a_code_normalises_to_the_code(code, data):
    typed = ""
    for character in code:
        typed += data.draw(st.sampled_from(["", " ", "-", "  ", " - "]))
        typed += data.draw(st.sampled_from([character.upper(), character.lower()]))
    typed += data.draw(st.sampled_from(["", " ", "\n"]))
    assert codes.code_normalise(typed) == code


@given(st.text(max_size=30))
def test_text_that_is_not_eight_code_characters_is_not_a_code(text):
    normalised = codes.code_normalise(text)
    assert normalised is None or (
        len(normalised) == 8 and set(normalised) <= set(codes.CODE_ALPHABET)
    )


def test_codes_are_shown_in_two_halves():
    assert codes.code_display("ABCD2345") == "ABCD-2345"


def test_ambiguous_characters_are_not_in_codes():
    assert not set("01ILO") & set(codes.CODE_ALPHABET)


@given(code=printed_codes)
def test_a_code_as_printed_reads_back_as_the_code(code):
    assert codes.code_normalise(codes.code_display(code)) == code


@given(code=printed_codes)
def test_a_printed_code_is_two_halves_of_four(code):
    left, right = codes.code_display(code).split("-")
    assert (left, right) == (code[:4], code[4:])


@given(code=printed_codes)
def test_a_normalised_code_is_its_own_normal_form(code):
    assert codes.code_normalise(code) == code
    assert codes.code_normalise(codes.code_normalise(code)) == code


@given(code=printed_codes, data=st.data())
def test_a_dropped_character_is_not_a_code(code, data):
    position = data.draw(st.integers(0, len(code) - 1))
    assert codes.code_normalise(code[:position] + code[position + 1 :]) is None


@given(code=printed_codes, data=st.data())
def test_an_extra_character_is_not_a_code(code, data):
    position = data.draw(st.integers(0, len(code)))
    extra = data.draw(st.sampled_from(codes.CODE_ALPHABET))
    assert codes.code_normalise(code[:position] + extra + code[position:]) is None


@given(code=printed_codes, data=st.data())
def test_a_character_misread_as_an_ambiguous_one_is_not_a_code(code, data):
    position = data.draw(st.integers(0, len(code) - 1))
    misread = data.draw(st.sampled_from("01ILOilo"))
    typed = code[:position] + misread + code[position + 1 :]
    assert codes.code_normalise(typed) is None


def test_new_codes_are_printed_codes():
    for _ in range(50):
        code = codes.code_new()
        assert len(code) == codes.CODE_LENGTH
        assert codes.code_normalise(code) == code


@given(first=printed_codes, second=printed_codes)
def test_different_codes_have_different_hashes(first, second):
    same_hash = codes.code_hash(first, secret="k") == codes.code_hash(
        second, secret="k"
    )
    assert same_hash == (first == second)


@given(code=printed_codes)
def test_a_code_hash_depends_on_the_key(code):
    assert codes.code_hash(code, secret="one") != codes.code_hash(code, secret="two")
    assert codes.code_hash(code, secret="one") == codes.code_hash(code, secret="one")
