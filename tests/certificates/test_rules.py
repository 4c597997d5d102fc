from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from certificates import rules

MOMENTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31)
).map(lambda moment: moment.replace(tzinfo=UTC))


@given(MOMENTS, st.integers(1, 600))
def test_adding_months_lands_in_the_right_month_never_earlier_day(moment, months):
    later = rules.add_months(moment, months)
    assert (later.year * 12 + later.month) - (moment.year * 12 + moment.month) == (
        months
    )
    assert later.day <= moment.day
    assert later.time() == moment.time()


def test_three_years_from_a_leap_day_is_the_end_of_february():
    leap_day = datetime(2028, 2, 29, 10, 0, tzinfo=UTC)
    assert rules.add_months(leap_day, 36) == datetime(2031, 2, 28, 10, 0, tzinfo=UTC)


@given(MOMENTS, st.booleans(), st.one_of(st.none(), st.integers(-1000, 1000)))
def test_standing_puts_revocation_before_expiry(now, revoked, days):
    expires_at = None if days is None else now + timedelta(days=days)
    standing = rules.standing(revoked=revoked, expires_at=expires_at, now=now)
    if revoked:
        assert standing is rules.Standing.REVOKED
    elif expires_at is not None and expires_at <= now:
        assert standing is rules.Standing.EXPIRED
    else:
        assert standing is rules.Standing.VALID


def test_direction_follows_the_first_strong_letter():
    assert rules.text_direction("أميرة خان") == "rtl"
    assert rules.text_direction("  123 שלום") == "rtl"
    assert rules.text_direction("Zofia Łukasiewicz") == "ltr"
    assert rules.text_direction("ક્રિશ પટેલ") == "ltr"
    assert rules.text_direction("") == "ltr"


@given(st.text(max_size=400))
def test_longer_names_never_get_bigger_type(name):
    assert rules.name_font_size(name + "x") <= rules.name_font_size(name)


@given(st.text(max_size=200))
def test_longer_award_names_never_get_bigger_type(award_name):
    assert rules.award_font_size(award_name + "x") <= rules.award_font_size(award_name)
