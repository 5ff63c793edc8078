"""The cached search index follows every change to what services show, with no forgetting."""

import pytest

from opensend.directory import queries, services
from opensend.directory.search import SearchQuery
from tests.directory.conftest import term

pytestmark = pytest.mark.django_db


def found(**query) -> list[str]:
    keys = [hit.key for hit in queries.search_index().search(SearchQuery(**query)).hits]
    return [s.name for s in queries.services_by_key(keys).values()]


def test_moving_a_broader_term_moves_the_services_under_its_narrower_terms(publish, reviewer):
    publish(name="Chatterbox", terms=[term("need", "asd")])
    cognition = frozenset({str(term("need", "cognition-learning").pk)})
    assert found(term_groups=(cognition,)) == []
    moved = term("need", "communication-interaction")
    moved.parent = term("need", "cognition-learning")
    services.save_term(actor=reviewer, term=moved)
    assert found(term_groups=(cognition,)) == ["Chatterbox"]


def test_renaming_a_provider_is_searchable_at_once(publish, provider, reviewer):
    publish(name="Chatterbox")
    assert found(text="Kestrel") == []
    provider.name = "Kestrel Trust"
    services.save_provider(actor=reviewer, provider=provider)
    assert found(text="Kestrel") == ["Chatterbox"]


def test_moving_a_venue_is_found_near_its_new_place(publish, venue, reviewer):
    publish(name="Chatterbox", locations=[venue])
    leeds = (53.8008, -1.5491)
    assert found(near=leeds, within_km=5) == []
    venue.latitude, venue.longitude = leeds
    services.save_location(actor=reviewer, location=venue)
    assert found(near=leeds, within_km=5) == ["Chatterbox"]


def test_checking_for_changes_is_one_query(django_assert_num_queries, publish):
    publish()
    queries.search_index()
    with django_assert_num_queries(1):
        queries.search_index()
