from hypothesis import assume, given
from hypothesis import strategies as st

from certificates import codes

DATA_SYMBOLS = st.text(alphabet=codes.ALPHABET, min_size=16, max_size=16)


def with_check(data: str) -> str:
    return data + codes.check_symbol(data)


def test_new_codes_are_well_formed_and_carry_80_random_bits():
    generated = {codes.generate_code() for _ in range(200)}
    assert len(generated) == 200
    for code in generated:
        assert len(code) == 17
        assert codes.problem_with(code) is None
    assert codes.DATA_LENGTH * 5 == codes.RANDOM_BITS == 80


def test_display_groups_the_code_in_fours_with_the_check_symbol_last():
    assert codes.display("ABCDEFGHJKMNPQRST") == "ABCD-EFGH-JKMN-PQRS-T"


@given(DATA_SYMBOLS)
def test_reading_ignores_case_spaces_dashes_and_lookalike_letters(data):
    code = with_check(data)
    typed = codes.display(code).lower().replace("-", " ").replace("0", "o")
    typed = typed.replace("1", "l")
    assert codes.normalise(typed) == code
    assert codes.problem_with(typed) is None


@given(DATA_SYMBOLS, st.integers(0, 15), st.sampled_from(codes.ALPHABET))
def test_any_single_wrong_symbol_is_a_typing_mistake(data, position, symbol):
    code = with_check(data)
    assume(code[position] != symbol)
    typo = code[:position] + symbol + code[position + 1 :]
    assert codes.problem_with(typo) is codes.CodeProblem.TYPO


@given(DATA_SYMBOLS, st.integers(0, 14))
def test_swapping_two_neighbouring_symbols_is_a_typing_mistake(data, position):
    code = with_check(data)
    assume(code[position] != code[position + 1])
    swapped = (
        code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    )
    assert codes.problem_with(swapped) is codes.CodeProblem.TYPO


def test_text_that_cannot_be_a_code_is_malformed_not_a_typo():
    for text in ["", "hello", "ABCD-EFGH", "U" * 17, "ABCD-EFGH-JKMN-PQRS-TT"]:
        assert codes.problem_with(text) is codes.CodeProblem.MALFORMED
