"""The Local Offer search engine: relevance cases, filters, paging and properties.

Every service here is invented (names plainly fictional); the index is pure Python.
"""

import datetime as dt
import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.directory.geography import distance_km
from opensend.directory.search import (
    OpeningTime,
    SearchIndex,
    SearchQuery,
    ServiceDocument,
)
from opensend.directory.search_text import SYNONYMS, fold, stem, tokens

WHEN = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
YORK = (53.95815, -1.07183)
LEEDS = (53.79648, -1.54785)
HARROGATE = (53.99212, -1.54155)


def doc(key, name, description="", **fields):
    values = {
        "key": key,
        "name": name,
        "description": description,
        "provider": "Imaginary Services Trust",
        "terms": (),
        "term_ids": frozenset(),
        "taxonomy_ids": frozenset(),
        "minimum_age": None,
        "maximum_age": None,
        "free": False,
        "venues": (),
        "places": (),
        "opening": (),
        "modified": WHEN,
    }
    values.update(fields)
    return ServiceDocument(**values)


def keys(index, **query):
    return [hit.key for hit in index.search(SearchQuery(per_page=1000, **query)).hits]


def found(index, **query):
    return set(keys(index, **query))


# --- relevance --------------------------------------------------------------------------------


def test_field_weights_name_then_terms_provider_places_description():
    index = SearchIndex.build(
        [
            doc(1, "Riverside club", "Weekly kayaking on the river for everyone"),
            doc(2, "Riverside group", places=("Kayaking Bridge",)),
            doc(3, "Riverside team", provider="Kayaking Friends of Nowhere"),
            doc(4, "Riverside session", terms=("Kayaking",)),
            doc(5, "Kayaking for all", "A club on the river"),
            doc(6, "Riverside unrelated", "Nothing to do with boats"),
        ]
    )
    assert keys(index, text="kayaking") == [5, 4, 3, 2, 1]


def test_a_name_match_beats_a_description_that_repeats_the_word():
    index = SearchIndex.build(
        [
            doc(1, "Family hub", "Sensory play, sensory rooms, sensory stories and more sensory"),
            doc(2, "Sensory garden", "A quiet garden"),
        ]
    )
    assert keys(index, text="sensory") == [2, 1]


def test_stemming_joins_word_forms():
    index = SearchIndex.build(
        [doc(1, "Music therapy"), doc(2, "Play therapies"), doc(3, "Parenting courses")]
    )
    assert set(keys(index, text="therapies")) == {1, 2}
    assert keys(index, text="courses") == keys(index, text="course") == [3]
    assert keys(index, text="parents") == [3]


def test_stems_of_autism_words_differ_so_the_synonym_table_is_needed():
    assert stem("autistic") != stem("autism")
    assert stem("dyslexic") != stem("dyslexia")
    assert [s for _, s in tokens("Down's syndrome")] == [s for _, s in tokens("Down syndrome")]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("autistic", "Autism outreach team"),
        ("autism", "Club for autistic teenagers"),
        ("ASD", "Autism outreach team"),
        ("ASC", "Club for autistic teenagers"),
        ("ADHD", "Attention deficit support group"),
        ("SALT", "Speech and language therapy clinic"),
        ("speech and language therapy", "SALT drop-in"),
        ("speech therapy", "SLT drop-in"),
        ("OT", "Occupational therapy service"),
        ("occupational therapy", "OT equipment loans"),
        ("SEMH", "Mental health support in schools"),
        ("mental health", "SEMH outreach"),
        ("BSL", "Sign language classes"),
        ("sign language", "BSL storytime"),
        ("respite", "Short breaks for families"),
        ("short breaks", "Overnight respite house"),
        ("wheelchair", "Physical disability sports"),
        ("dyslexic", "Dyslexia tutoring"),
        ("dyslexia", "Literacy catch-up"),
        ("Down's syndrome", "Down syndrome family network"),
        ("Downs syndrome", "Down's Syndrome parents"),
        ("trisomy 21", "Down syndrome family network"),
    ],
)
def test_send_word_families_find_each_other(query, name):
    index = SearchIndex.build([doc(1, name), doc(2, "Gardening club", "Grow vegetables")])
    assert keys(index, text=query) == [1]


def test_synonym_table_is_small_and_documented():
    assert len(SYNONYMS) <= 12
    assert all(1 <= len(variants) <= 6 for variants in SYNONYMS.values())


def test_the_word_itself_outranks_its_synonyms():
    index = SearchIndex.build([doc(1, "ASD outreach"), doc(2, "Autism outreach")])
    assert keys(index, text="autism") == [2, 1]
    assert keys(index, text="asd") == [1, 2]


def test_typo_in_a_short_word_is_corrected_and_reported():
    index = SearchIndex.build(
        [
            doc(1, "Speech therapy clinic"),
            doc(2, "Speech and language drop-in"),
            doc(3, "Art therapy"),
            doc(4, "Swimming"),
        ]
    )
    results = index.search(SearchQuery(text="speach therapy"))
    assert results.corrections == {"speach": "speech"}
    assert [h.key for h in results.hits][:2] == [1, 2]
    assert {h.key for h in results.hits} == {1, 2, 3}


def test_typo_in_a_long_word_is_corrected_with_two_edits():
    index = SearchIndex.build([doc(1, "Dyslexia tutoring"), doc(2, "Holiday club")])
    results = index.search(SearchQuery(text="dsylexia"))
    assert results.corrections == {"dsylexia": "dyslexia"}
    assert [h.key for h in results.hits] == [1]
    results = index.search(SearchQuery(text="dsylexai"))  # two transpositions
    assert results.corrections == {"dsylexai": "dyslexia"}
    assert [h.key for h in results.hits] == [1]


def test_correction_limits():
    index = SearchIndex.build([doc(1, "Speech clinic"), doc(2, "Art club")])
    # Two edits in a 6-letter word: too far.
    assert index.search(SearchQuery(text="spaach")).total == 0
    # Words under 4 letters are never corrected ("arr" is one edit from "art").
    results = index.search(SearchQuery(text="arr"))
    assert (results.total, results.corrections) == (0, {})
    # Words with digits are not corrected.
    assert index.search(SearchQuery(text="clinic2")).corrections == {}


def test_a_known_word_is_not_corrected_and_exact_matches_outrank_corrected_ones():
    index = SearchIndex.build(
        [doc(1, "Speach and drama club"), doc(2, "Speech therapy"), doc(3, "Drama therapy")]
    )
    results = index.search(SearchQuery(text="speach"))
    assert results.corrections == {}
    assert [h.key for h in results.hits] == [1]
    # "speach" is known, so only "therapy" joins the others in.
    assert keys(index, text="speach therapy")[0] == 1


def test_corrected_matches_score_below_exact_matches():
    typo = SearchIndex.build([doc(1, "Swimming lessons")]).search(SearchQuery(text="swiming"))
    exact = SearchIndex.build([doc(1, "Swimming lessons")]).search(SearchQuery(text="swimming"))
    assert typo.corrections == {"swiming": "swimming"}
    assert typo.hits[0].score < exact.hits[0].score


def test_prefix_matches_the_last_word_below_a_whole_word():
    index = SearchIndex.build(
        [
            doc(1, "Physiotherapy clinic"),
            doc(2, "Physio drop-in"),
            doc(3, "Physical activity club"),
        ]
    )
    assert keys(index, text="physio") == [2, 1]
    assert keys(index, text="physiot") == [1]
    assert keys(index, text="ph") == []  # under 3 letters: no prefix search
    # Only the last word is completed.
    assert keys(index, text="physio club") == [2, 3]


def test_documents_matching_more_query_words_rank_higher():
    index = SearchIndex.build(
        [
            doc(1, "Autism", "Autism autism autism"),
            doc(2, "Swimming", "Swimming swimming"),
            doc(3, "Weekly sessions", "Swimming for autistic children"),
        ]
    )
    assert keys(index, text="autism swimming")[0] == 3
    assert set(keys(index, text="autism swimming")) == {1, 2, 3}


def test_stopwords_match_nothing():
    index = SearchIndex.build(
        [doc(1, "Bread and butter"), doc(2, "Autism hub"), doc(3, "The club for you")]
    )
    assert keys(index, text="autism and the") == [2]
    assert keys(index, text="the") == []
    assert keys(index, text="and for with") == []
    assert keys(index, text="!!!") == []


def test_no_text_and_no_filters_returns_everything_in_name_order():
    index = SearchIndex.build(
        [doc(3, "zebra crossing club"), doc(1, "Apple tree"), doc(2, "banana split"), doc(4, " ")]
    )
    assert keys(index) == [4, 1, 2, 3]
    assert keys(index, text="   ") == [4, 1, 2, 3]
    assert index.search(SearchQuery()).hits[0].score == 0.0
    assert len(index) == 4


def test_ties_are_broken_by_name_then_key():
    index = SearchIndex.build(
        [doc(5, "Youth club"), doc(3, "Youth club"), doc(4, "youth Club"), doc(9, "Art club")]
    )
    assert keys(index, text="club") == [9, 3, 5, 4]
    assert keys(index, text="club", sort="name") == [9, 3, 5, 4]


def test_accents_case_and_apostrophes_are_folded():
    index = SearchIndex.build([doc(1, "Café for carers"), doc(2, "Children's centre")])
    assert keys(index, text="CAFE") == [1]
    assert keys(index, text="childrens") == [2]
    assert keys(index, text="children") == [2]


def test_places_and_postcodes_are_searchable():
    index = SearchIndex.build(
        [doc(1, "Stay and play", places=("York", "YO10 5DD")), doc(2, "Stay and play too")]
    )
    assert keys(index, text="york") == [1]
    assert keys(index, text="yo10 5dd") == [1]


def test_duplicate_keys_are_refused():
    with pytest.raises(ValueError, match="distinct keys"):
        SearchIndex.build([doc(1, "A"), doc(1, "B")])


def test_empty_index():
    index = SearchIndex.build([])
    assert len(index) == 0
    assert index.search(SearchQuery(text="autism", near=YORK, sort="distance")).total == 0


# --- filters ---------------------------------------------------------------------------------


def test_term_groups_or_within_and_between():
    index = SearchIndex.build(
        [
            doc(1, "A", term_ids=frozenset({"need-asd", "type-club"})),
            doc(2, "B", term_ids=frozenset({"need-adhd", "type-club"})),
            doc(3, "C", term_ids=frozenset({"need-asd", "type-advice"})),
            doc(4, "D"),
        ]
    )
    needs = frozenset({"need-asd", "need-adhd"})
    assert found(index, term_groups=(needs,)) == {1, 2, 3}
    assert found(index, term_groups=(needs, frozenset({"type-club"}))) == {1, 2}
    assert found(index, term_groups=(frozenset({"unknown"}),)) == set()
    assert found(index, term_groups=(frozenset(),)) == {1, 2, 3, 4}  # an empty group is ignored


def test_taxonomy_and_free():
    index = SearchIndex.build(
        [
            doc(1, "A", taxonomy_ids=frozenset({"needs"}), free=True),
            doc(2, "B", taxonomy_ids=frozenset({"needs", "types"})),
            doc(3, "C", free=True),
        ]
    )
    assert found(index, taxonomy_id="needs") == {1, 2}
    assert found(index, taxonomy_id="types") == {2}
    assert found(index, taxonomy_id="nothing") == set()
    assert found(index, free_only=True) == {1, 3}
    assert found(index, free_only=True, taxonomy_id="needs") == {1}


def test_age_filters():
    index = SearchIndex.build(
        [
            doc(1, "Under fives", minimum_age=0, maximum_age=5),
            doc(2, "Teens", minimum_age=13, maximum_age=19),
            doc(3, "Any age"),
            doc(4, "Young adults", minimum_age=16),
            doc(5, "Up to eleven", maximum_age=11),
        ]
    )
    assert found(index, age=5) == {1, 3, 5}
    assert found(index, age=16) == {2, 3, 4}
    assert found(index, age=30) == {3, 4}
    # ORUK: minimum_age at least / maximum_age at most; services without that bound are left out.
    assert found(index, minimum_age=13) == {2, 4}
    assert found(index, maximum_age=11) == {1, 5}
    assert found(index, minimum_age=0, maximum_age=19) == {1, 2}


def test_near_within_and_distance_sort():
    index = SearchIndex.build(
        [
            doc(1, "Leeds only", venues=(LEEDS,)),
            doc(2, "York and Leeds", venues=(LEEDS, YORK)),
            doc(3, "Online only"),
            doc(4, "Harrogate", venues=(HARROGATE,)),
        ]
    )
    results = index.search(SearchQuery(near=YORK, sort="distance"))
    assert [h.key for h in results.hits] == [2, 4, 1, 3]
    assert results.hits[0].distance_km == 0
    assert results.hits[1].distance_km == pytest.approx(distance_km(*YORK, *HARROGATE))
    assert results.hits[3].distance_km is None
    assert found(index, near=YORK, within_km=1.0) == {2}
    assert keys(index, near=YORK, within_km=35.0, sort="distance") == [2, 4]
    assert keys(index, near=YORK) == [4, 1, 3, 2]  # no text: name order, with distances
    assert keys(index, within_km=1.0) == [4, 1, 3, 2]  # no point to measure from: ignored
    assert keys(index, sort="distance") == [4, 1, 3, 2]


def test_distance_sort_with_text_breaks_ties_by_relevance():
    index = SearchIndex.build(
        [
            doc(1, "Play", "Autism friendly", venues=(YORK,)),
            doc(2, "Autism play", venues=(YORK,)),
            doc(3, "Autism play far away", venues=(LEEDS,)),
        ]
    )
    assert keys(index, text="autism", near=YORK, sort="distance") == [2, 1, 3]


def weekly(day, opens, closes):
    return OpeningTime(day, dt.time(*opens), dt.time(*closes))


def test_opening_time_filters():
    index = SearchIndex.build(
        [
            doc(1, "Weekday mornings", opening=(weekly(0, (9,), (12,)), weekly(2, (9,), (12,)))),
            doc(2, "Saturday afternoons", opening=(weekly(5, (13,), (17,)),)),
            doc(3, "Friday late", opening=(weekly(4, (20,), (2,)),)),  # into Saturday morning
            doc(4, "No times"),
            doc(5, "Sunday all day", opening=(weekly(6, (0,), (0,)),)),
        ]
    )
    assert found(index, weekdays=frozenset({5, 6})) == {3, 2, 5}
    assert found(index, weekdays=frozenset({0})) == {1}
    assert found(index, open_from=dt.time(11), open_until=dt.time(14)) == {2, 5, 1}
    assert found(index, weekdays=frozenset({5}), open_from=dt.time(1)) == {3, 2}
    assert found(index, open_from=dt.time(17), open_until=dt.time(19)) == {5}  # 17:00 is closed
    assert found(index, open_from=dt.time(13), open_until=dt.time(13)) == {2, 5}  # a moment
    assert found(index, open_from=dt.time(12), open_until=dt.time(12)) == {
        5
    }  # 1 closes, 2 not open
    assert found(index, open_from=dt.time(23), open_until=dt.time(1)) == {3, 5}  # past midnight
    assert found(index, open_until=dt.time(9, 30), weekdays=frozenset({0, 1})) == {1}


def test_modified_after_is_strict_and_naive_times_are_utc():
    index = SearchIndex.build(
        [doc(1, "Old", modified=WHEN), doc(2, "New", modified=WHEN + dt.timedelta(seconds=1))]
    )
    assert found(index, modified_after=WHEN) == {2}
    assert found(index, modified_after=WHEN.replace(tzinfo=None)) == {2}
    assert found(index, modified_after=WHEN - dt.timedelta(days=1)) == {2, 1}


def test_filters_combine_with_text():
    index = SearchIndex.build(
        [
            doc(1, "Autism club", free=True, minimum_age=5, maximum_age=11),
            doc(2, "Autism club plus", free=False, minimum_age=5, maximum_age=11),
            doc(3, "Autism teens", free=True, minimum_age=12, maximum_age=18),
            doc(4, "Football", free=True, minimum_age=5, maximum_age=11),
        ]
    )
    assert found(index, text="autism", free_only=True, age=8) == {1}


# --- paging --------------------------------------------------------------------------------


def test_paging():
    index = SearchIndex.build([doc(k, f"Club {k:02}") for k in range(1, 26)])
    first = index.search(SearchQuery(text="club", per_page=10))
    third = index.search(SearchQuery(text="club", per_page=10, page=3))
    beyond = index.search(SearchQuery(text="club", per_page=10, page=9))
    assert (first.total, third.total, beyond.total) == (25, 25, 25)
    assert [h.key for h in first.hits] == list(range(1, 11))
    assert [h.key for h in third.hits] == list(range(21, 26))
    assert beyond.hits == []
    # Nonsense page numbers are read as the nearest sensible one.
    assert index.search(SearchQuery(page=0, per_page=0)).hits[0].key == 1
    assert len(index.search(SearchQuery(page=-3, per_page=-1)).hits) == 1


def test_unknown_sort_is_relevance():
    index = SearchIndex.build([doc(1, "A club"), doc(2, "Club club club")])
    assert keys(index, text="club", sort="nonsense") == keys(index, text="club")


# --- properties ----------------------------------------------------------------------------

VOCABULARY = [
    "autism",
    "autistic",
    "speech",
    "therapy",
    "therapies",
    "play",
    "club",
    "swimming",
    "dyslexia",
    "parents",
    "and",
    "the",
    "short",
    "breaks",
    "respite",
    "physiotherapy",
    "york",
    "YO10",
]
TERM_IDS = ["t1", "t2", "t3", "t4"]
TAXONOMY_IDS = ["x1", "x2"]
DAY_TIMES = [dt.time(h, m) for h in range(0, 24, 3) for m in (0, 30)]
VENUES = [YORK, LEEDS, HARROGATE, (54.0, -1.2), (53.9, -1.0)]

texts = st.lists(st.sampled_from(VOCABULARY), max_size=6).map(" ".join)
ages = st.none() | st.integers(0, 25)


@st.composite
def documents(draw):
    count = draw(st.integers(0, 12))
    docs = []
    for key in range(count):
        low, high = draw(ages), draw(ages)
        docs.append(
            ServiceDocument(
                key=key,
                name=draw(texts),
                description=draw(texts),
                provider=draw(texts),
                terms=tuple(draw(st.lists(texts, max_size=2))),
                term_ids=frozenset(draw(st.sets(st.sampled_from(TERM_IDS)))),
                taxonomy_ids=frozenset(draw(st.sets(st.sampled_from(TAXONOMY_IDS)))),
                minimum_age=low,
                maximum_age=high,
                free=draw(st.booleans()),
                venues=tuple(draw(st.lists(st.sampled_from(VENUES), max_size=2))),
                places=tuple(draw(st.lists(texts, max_size=2))),
                opening=tuple(
                    draw(
                        st.lists(
                            st.builds(
                                OpeningTime,
                                st.integers(0, 6),
                                st.sampled_from(DAY_TIMES),
                                st.sampled_from(DAY_TIMES),
                            ),
                            max_size=3,
                        )
                    )
                ),
                modified=WHEN + dt.timedelta(days=draw(st.integers(-3, 3))),
            )
        )
    return docs


def rarely(strategy, empty=None):
    """Mostly no filter, so that most generated queries still find something."""
    return st.one_of(st.just(empty), st.just(empty), st.just(empty), strategy)


queries = st.builds(
    SearchQuery,
    text=st.one_of(st.just(""), texts, st.sampled_from(["speach", "dsylexia", "phys", "autsm"])),
    term_groups=rarely(
        st.lists(st.frozensets(st.sampled_from(TERM_IDS)), min_size=1, max_size=2).map(tuple), ()
    ),
    taxonomy_id=rarely(st.sampled_from(TAXONOMY_IDS)),
    age=rarely(st.integers(0, 25)),
    minimum_age=rarely(st.integers(0, 25)),
    maximum_age=rarely(st.integers(0, 25)),
    free_only=rarely(st.just(True), False),
    near=st.none() | st.sampled_from(VENUES),
    within_km=st.none() | st.sampled_from([0.0, 5.0, 20.0, 60.0]),
    weekdays=rarely(st.frozensets(st.integers(0, 6), min_size=1, max_size=3), frozenset()),
    open_from=rarely(st.sampled_from(DAY_TIMES)),
    open_until=rarely(st.sampled_from(DAY_TIMES)),
    modified_after=rarely(st.just(WHEN)),
    sort=st.sampled_from(["relevance", "distance", "name"]),
    page=st.just(1),
    per_page=st.integers(1, 5),
)


def minutes(moment):
    return moment.hour * 60 + moment.minute


def open_minutes(opening):
    """(weekday, minute) of every minute a service is open, worked out the long way."""
    found = set()
    for slot in opening:
        start, end = minutes(slot.opens), minutes(slot.closes)
        if end <= start:
            end += 24 * 60
        for minute in range(start, end):
            found.add(((slot.weekday + minute // 1440) % 7, minute % 1440))
    return found


def wanted_minutes(query):
    start = minutes(query.open_from) if query.open_from else 0
    end = minutes(query.open_until) if query.open_until else 24 * 60
    if start == end:
        return {start}
    if start < end:
        return set(range(start, end))
    return set(range(start, 24 * 60)) | set(range(end))


def nearest(document, point):
    return min((distance_km(*point, *venue) for venue in document.venues), default=None)


def satisfies(document, query):  # noqa: C901 - one line per filter, read straight from the brief
    """Every filter of the query, written independently of the index."""
    low, high = document.minimum_age, document.maximum_age
    if any(group and not group & document.term_ids for group in query.term_groups):
        return False
    if query.taxonomy_id is not None and query.taxonomy_id not in document.taxonomy_ids:
        return False
    if query.age is not None and not (
        (low is None or low <= query.age) and (high is None or query.age <= high)
    ):
        return False
    if query.minimum_age is not None and (low is None or low < query.minimum_age):
        return False
    if query.maximum_age is not None and (high is None or high > query.maximum_age):
        return False
    if query.free_only and not document.free:
        return False
    if query.near is not None and query.within_km is not None:
        d = nearest(document, query.near)
        if d is None or d > query.within_km + 1e-9:
            return False
    if query.weekdays or query.open_from or query.open_until:
        wanted = wanted_minutes(query)
        days = query.weekdays or set(range(7))
        if not any(day in days and m in wanted for day, m in open_minutes(document.opening)):
            return False
    return query.modified_after is None or document.modified > query.modified_after


def stems_of(document):
    texts = [document.name, document.description, document.provider]
    texts += [*document.terms, *document.places]
    return {s for text in texts for _, s in tokens(text)}


def all_hits(index, query):
    return index.search(replace(query, page=1, per_page=max(1, len(index)))).hits


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), queries)
def test_every_hit_satisfies_every_filter_and_no_text_finds_all_that_do(docs, query):
    index = SearchIndex.build(docs)
    by_key = {d.key: d for d in docs}
    results = index.search(query)
    hits = all_hits(index, query)
    assert results.total == len(hits)
    for hit in hits:
        assert satisfies(by_key[hit.key], query)
        if query.near is not None:
            expected = nearest(by_key[hit.key], query.near)
            assert (hit.distance_km is None) == (expected is None)
            if expected is not None:
                assert hit.distance_km == pytest.approx(expected, abs=1e-6)
        else:
            assert hit.distance_km is None
    passing = {d.key for d in docs if satisfies(d, query)}
    if not query.text.strip():
        assert {h.key for h in hits} == passing
    else:
        # Recall: a passing service holding any query word (same stem, any field) is found.
        wanted = {s for _, s in tokens(query.text)}
        holding = {d.key for d in docs if wanted & stems_of(d)}
        assert passing & holding <= {h.key for h in hits}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), queries)
def test_order_is_deterministic_and_pages_concatenate_to_the_full_list(docs, query):
    index = SearchIndex.build(docs)
    full = all_hits(index, query)
    assert index.search(query) == index.search(query)
    assert all_hits(SearchIndex.build(list(reversed(docs))), query) == full
    per_page = query.per_page
    pages = []
    for page in range(1, len(full) // per_page + 3):
        results = index.search(replace(query, page=page))
        assert results.total == len(full)
        pages.extend(results.hits)
    assert pages == full


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), queries)
def test_order_follows_the_sort(docs, query):
    index = SearchIndex.build(docs)
    hits = all_hits(index, query)
    names = {d.key: (d.name.casefold(), d.name, d.key) for d in docs}
    if query.sort == "distance" and query.near is not None:
        far = [math.inf if h.distance_km is None else h.distance_km for h in hits]
        assert far == sorted(far)
    elif query.sort == "name" or not query.text.strip():
        assert [h.key for h in hits] == sorted((h.key for h in hits), key=names.get)
    else:
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.integers(-5, 5), st.integers(-5, 30))
def test_any_text_and_paging_never_raise(text, page, per_page):
    index = SearchIndex.build(
        [doc(1, "Autism club", "Speech therapy"), doc(2, "Dyslexia", "Short breaks")]
    )
    results = index.search(SearchQuery(text=text, page=page, per_page=per_page))
    assert 0 <= len(results.hits) <= results.total <= 2
    assert all(word in fold(text) for word in results.corrections)


def test_services_not_running_are_found_only_when_asked_for():
    index = SearchIndex.build(
        [doc(1, "Play club"), doc(2, "Play scheme", listed=False), doc(3, "Swim club")]
    )
    assert keys(index, text="play") == [1]
    assert keys(index, text="play", include_unlisted=True) == [1, 2]
    assert keys(index, include_unlisted=True) == [1, 2, 3]
