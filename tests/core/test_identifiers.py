import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.core.identifiers import (
    UPN_ALPHABET,
    is_temporary_upn,
    is_valid_uln,
    is_valid_upn,
    make_uln,
    make_upn,
    normalise_identifier,
    uln_check_digit,
    upn_check_letter,
    upn_problem,
)

upn_bodies = st.text(alphabet="0123456789", min_size=11, max_size=11).flatmap(
    lambda digits: st.sampled_from("0123456789" + UPN_ALPHABET).map(lambda last: digits + last)
)


def test_hand_checked_upn():
    # Weights 2..13 over "123456789012": 2+6+12+20+30+42+56+72+90+0+12+26 = 368 = 16 * 23.
    assert upn_check_letter("123456789012") == "A"
    assert is_valid_upn("A123456789012")
    assert "expected A" in upn_problem("B123456789012")


@given(upn_bodies)
def test_a_upn_with_its_own_check_letter_is_valid(body):
    assert is_valid_upn(upn_check_letter(body) + body)


@given(upn_bodies, st.integers(min_value=1, max_value=11), st.sampled_from("0123456789"))
def test_changing_one_digit_is_caught(body, position, digit):
    upn = upn_check_letter(body) + body
    changed = upn[:position] + digit + upn[position + 1 :]
    assert is_valid_upn(changed) == (changed == upn)


@given(upn_bodies)
def test_temporary_upns_end_in_a_letter(body):
    upn = upn_check_letter(body) + body
    assert is_temporary_upn(upn) == body[-1].isalpha()


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "13 characters"),
        ("A12345678901", "13 characters; this has 12"),
        ("I123456789012", "check letter (not I, O or S)"),
        ("A12345678901O", "letter (not I, O or S)"),
        ("A1234X6789012", "digits"),
    ],
)
def test_upn_problems_say_what_to_fix(value, problem):
    assert problem in upn_problem(value)


def test_identifiers_are_normalised():
    assert normalise_identifier(" a123 456789012 ") == "A123456789012"
    assert is_valid_upn("a123456789012")


@given(st.integers(min_value=0, max_value=999_999_999))
def test_made_ulns_are_valid_and_one_digit_changes_are_caught(first_nine):
    uln = make_uln(first_nine)
    if uln is None:
        assert uln_check_digit(f"{first_nine:09d}") is None
        return
    assert is_valid_uln(uln)
    for wrong in "0123456789":
        if wrong != uln[-1]:
            assert not is_valid_uln(uln[:-1] + wrong)


def test_hand_checked_uln():
    # 1*10 + 2*9 + 3*8 + 4*7 + 5*6 + 6*5 + 7*4 + 8*3 + 9*2 = 210; 210 % 11 = 1; 10 - 1 = 9.
    assert uln_check_digit("123456789") == 9
    assert is_valid_uln("1234567899")
    assert not is_valid_uln("1234567890")
    assert not is_valid_uln("12345")


@given(st.integers(200, 999), st.integers(0, 9999), st.integers(0, 99), st.integers(0, 999))
def test_make_upn_builds_valid_upns(la, establishment, year, serial):
    upn = make_upn(la, establishment, year, serial)
    assert is_valid_upn(upn)
    assert upn[1:4] == f"{la:03d}"


@given(st.text(max_size=20))
def test_any_text_gets_an_answer_not_an_exception(text):
    assert isinstance(is_valid_upn(text), bool)
    assert isinstance(is_valid_uln(text), bool)


def test_record_ids_are_read_or_refused():
    import uuid

    from opensend.core.identifiers import as_uuid

    known = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert as_uuid(known) is known
    assert as_uuid(" 12345678-1234-5678-1234-567812345678 ") == known
    assert as_uuid("urn:uuid:12345678-1234-5678-1234-567812345678") == known
    for value in ("", "not an id", "1" * 200, None, 7):
        assert as_uuid(value) is None
