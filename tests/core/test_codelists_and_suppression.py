from hypothesis import given
from hypothesis import strategies as st

from opensend.core import codelists
from opensend.core.suppression import SUPPRESSED, suppress, suppress_row


def test_down_syndrome_is_a_need_from_2025_only():
    assert not codelists.NEED_TYPES.is_valid("DS", 2024)
    assert codelists.NEED_TYPES.is_valid("DS", 2025)
    assert "not a valid need type code in 2024" in codelists.NEED_TYPES.problem("DS", 2024)
    assert "NSA" not in codelists.SEN2_NEED_TYPES


def test_unknown_code_lists_the_allowed_codes():
    problem = codelists.SEN_SETTINGS.problem("XYZ")
    assert "'XYZ' is not a SEN setting code" in problem
    assert "EHE" in problem


def test_extended_ethnicity_codes_map_to_published_groups():
    assert codelists.ethnicity_group("WSCO") == "White - White British"
    assert codelists.ethnicity_group("CHKC") == "Asian - Chinese"
    assert codelists.ethnicity_group("REFU") == "Unclassified"
    assert codelists.ethnicity_group("????") == "Unclassified"
    assert len(set(codelists.ETHNICITY_GROUPS.values())) == 19


def test_small_numbers_are_suppressed_but_zero_is_shown():
    assert [suppress(n) for n in (0, 1, 4, 5)] == [0, SUPPRESSED, SUPPRESSED, 5]


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 50), max_size=8))
def test_no_single_suppressed_cell_can_be_recovered_from_the_total(counts):
    shown = suppress_row(counts)
    hidden = [k for k, v in shown.items() if v == SUPPRESSED]
    nonzero_others = [k for k, v in counts.items() if v > 0 and k not in hidden]
    assert len(hidden) != 1 or not nonzero_others
    for key, value in shown.items():
        assert value == SUPPRESSED or value == counts[key]
        if 0 < counts[key] < 5:
            assert value == SUPPRESSED
