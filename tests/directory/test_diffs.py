"""Differences between versions of a service's details, in words."""

from hypothesis import given
from hypothesis import strategies as st

from opensend.directory.diffs import differences, word_changes

TEXT = st.text(alphabet=st.sampled_from("ab c\n.,"), max_size=40)


def test_a_new_service_lists_every_value_given():
    found = differences(None, {"name": "Club", "description": "", "is_free": True}, {})
    assert [(d.label, d.after) for d in found] == [("Name", "Club"), ("Free", "Yes")]


def test_lists_show_only_items_added_and_removed():
    before = {
        "terms": ["a", "b"],
        "opening_times": [{"weekday": 0, "opens_at": "09:00", "closes_at": "12:00"}],
    }
    after = {
        "terms": ["b", "c"],
        "opening_times": [{"weekday": 0, "opens_at": "09:00", "closes_at": "12:00"}],
    }
    (change,) = differences(before, after, {"a": "Autism", "b": "Hearing", "c": "Vision"})
    assert (change.label, change.added, change.removed) == (
        "Categories, needs and delivery",
        ("Vision",),
        ("Autism",),
    )


def test_unchanged_details_have_no_differences():
    snapshot = {"name": "Club", "terms": ["a"], "status": "active"}
    assert differences(snapshot, dict(snapshot), {}) == []


def test_status_and_provider_are_shown_in_words():
    (status, provider) = differences(
        {"status": "active", "provider": "p1"},
        {"status": "temporarily closed", "provider": "p2"},
        {"p1": "Old Trust", "p2": "New Trust"},
    )
    assert (status.before, status.after) == ("Open", "Temporarily closed")
    assert (provider.before, provider.after) == ("Old Trust", "New Trust")


def test_text_changed_in_place_marks_the_words():
    runs = word_changes("Sessions at the library.", "Sessions at the new library hall.")
    assert any(kind == "added" and "new" in text for kind, text in runs)
    assert runs[0] == ("same", "Sessions at the ")
    assert "".join(t for k, t in runs if k != "removed") == "Sessions at the new library hall."


@given(TEXT, TEXT)
def test_word_changes_rebuild_both_texts(before, after):
    runs = word_changes(before, after)
    if before and after:
        assert "".join(t for k, t in runs if k != "removed") == after
        assert "".join(t for k, t in runs if k != "added") == before
    else:
        assert runs == ()
