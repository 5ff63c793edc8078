import pytest

from opensend.casework.events import Verb, describe, record
from opensend.casework.models import CaseEvent
from tests.casework.factories import CaseFactory


@pytest.mark.django_db
def test_timeline_sentence_keeps_the_order_given_after_a_round_trip():
    """PostgreSQL's jsonb reorders keys (shorter first): the sentence must not depend on it."""
    case = CaseFactory()
    record(case, Verb.SETTING_NAMED, case.received_on, setting="Moorside Academy", rank="main")
    event = CaseEvent.objects.get(case=case, verb=Verb.SETTING_NAMED)
    assert describe(event) == "Setting named in the plan: Moorside Academy, main"


@pytest.mark.django_db
def test_an_event_without_detail_is_its_label():
    case = CaseFactory()
    event = record(case, Verb.DECIDED_TO_ASSESS, case.received_on)
    assert describe(event) == "Decided to assess"
