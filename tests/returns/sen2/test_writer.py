"""The SEN2 writer: exact layout, escaping, year orders, determinism, and the round trip."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from opensend.returns.sen2.reader import open_return
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    PlacementDetail,
    PlanDetail,
    Request,
    SenNeed,
)
from opensend.returns.sen2.schema import load_schema
from opensend.returns.sen2.writer import escape_text, write_return

HEADER = Header(
    year="2026",
    reference_date="2026-01-15",
    lea="383",
    software_code="OpenSEND",
    release="0.1.0",
    serial_no="001",
    date_time="2026-02-02T09:30:00",
    dmo="Y",
    dco="N",
    dsco="R",
)


def written(persons: list[Person], *, year: int = 2026, header: Header = HEADER) -> str:
    out = io.BytesIO()
    count = write_return(out, dataclasses.replace(header, year=str(year)), persons, year=year)
    assert count == len(persons)
    return out.getvalue().decode("utf-8")


def without_lines(value: Any) -> Any:
    """A record with every `line` set to 0 (what a record not read from a file has)."""
    if isinstance(value, list):
        return [without_lines(each) for each in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: without_lines(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "line"
        }
        return dataclasses.replace(value, line=0, **changes)
    return value


def read_back(data: bytes) -> tuple[Header, list[Person]]:
    with open_return(io.BytesIO(data), name="written.xml") as sen2:
        persons = []
        for person, problems in sen2.persons:
            assert problems == []
            persons.append(person)
        assert sen2.header_problems == []
        assert sen2.message_problems == []
        return sen2.header, persons


def test_a_small_return_is_written_exactly() -> None:
    pupil = Person(
        surname="Ashdown",
        forename="Nell",
        person_birth_date="2015-04-01",
        sex="F",
        ethnicity="WBRI",
        upn="M383200119001",
        requests=[
            Request(
                received_date="2025-03-03",
                request_outcome="Y",
                assessment=Assessment(
                    assessment_outcome="Y",
                    named_plan=NamedPlan(
                        start_date="2025-07-01",
                        plan_details=[PlanDetail(urn="107950", placement_rank="1")],
                        pb="0",
                    ),
                ),
                active_plans=ActivePlans(
                    needs=[SenNeed(sen_type="ASD", sen_type_rank="1")],
                    review_meeting="2025-11-20",
                    last_review="2025-12-01",
                ),
            )
        ],
    )
    assert written([pupil]) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Message>\n"
        "  <Header>\n"
        "    <CollectionDetails>\n"
        "      <Collection>SEN2</Collection>\n"
        "      <Year>2026</Year>\n"
        "      <ReferenceDate>2026-01-15</ReferenceDate>\n"
        "    </CollectionDetails>\n"
        "    <Source>\n"
        "      <SourceLevel>L</SourceLevel>\n"
        "      <LEA>383</LEA>\n"
        "      <SoftwareCode>OpenSEND</SoftwareCode>\n"
        "      <Release>0.1.0</Release>\n"
        "      <SerialNo>001</SerialNo>\n"
        "      <DateTime>2026-02-02T09:30:00</DateTime>\n"
        "      <DMO>Y</DMO>\n"
        "      <DCO>N</DCO>\n"
        "      <DSCO>R</DSCO>\n"
        "    </Source>\n"
        "  </Header>\n"
        "  <Persons>\n"
        "    <Person>\n"
        "      <Surname>Ashdown</Surname>\n"
        "      <Forename>Nell</Forename>\n"
        "      <PersonBirthDate>2015-04-01</PersonBirthDate>\n"
        "      <Sex>F</Sex>\n"
        "      <Ethnicity>WBRI</Ethnicity>\n"
        "      <UPN>M383200119001</UPN>\n"
        "      <Requests>\n"
        "        <ReceivedDate>2025-03-03</ReceivedDate>\n"
        "        <RequestOutcome>Y</RequestOutcome>\n"
        "        <Assessment>\n"
        "          <AssessmentOutcome>Y</AssessmentOutcome>\n"
        "          <NamedPlan>\n"
        "            <StartDate>2025-07-01</StartDate>\n"
        "            <PlanDetail>\n"
        "              <URN>107950</URN>\n"
        "              <PlacementRank>1</PlacementRank>\n"
        "            </PlanDetail>\n"
        "            <PB>0</PB>\n"
        "          </NamedPlan>\n"
        "        </Assessment>\n"
        "        <ActivePlans>\n"
        "          <SENneed>\n"
        "            <SENtype>ASD</SENtype>\n"
        "            <SENtypeRank>1</SENtypeRank>\n"
        "          </SENneed>\n"
        "          <ReviewMeeting>2025-11-20</ReviewMeeting>\n"
        "          <LastReview>2025-12-01</LastReview>\n"
        "        </ActivePlans>\n"
        "      </Requests>\n"
        "    </Person>\n"
        "  </Persons>\n"
        "</Message>\n"
    )


def test_free_text_is_escaped() -> None:
    person = Person(
        surname="O'Brien & <Sons>",
        forename="Zoë",
        requests=[
            Request(
                active_plans=ActivePlans(
                    placements=[PlacementDetail(sen_setting="NIEO", sen_setting_other="a > b")]
                )
            )
        ],
    )
    text = written([person], header=dataclasses.replace(HEADER, software_code="R&D <v2>"))
    assert "<Surname>O'Brien &amp; &lt;Sons&gt;</Surname>" in text
    assert "<Forename>Zoë</Forename>" in text
    assert "<SENsettingOther>a &gt; b</SENsettingOther>" in text
    assert "<SoftwareCode>R&amp;D &lt;v2&gt;</SoftwareCode>" in text


def test_characters_xml_cannot_hold_are_dropped_and_carriage_returns_kept() -> None:
    assert escape_text("Ann\x00\x1fe") == "Anne"
    assert escape_text("line\r\nnext") == "line&#13;\nnext"
    assert escape_text("plain") == "plain"


def test_empty_values_are_left_out_and_empty_records_kept() -> None:
    text = written([Person(surname="Ng", requests=[Request(active_plans=ActivePlans())])])
    assert "<Forename>" not in text
    assert "<PostCode>" not in text
    assert "<ActivePlans>\n        </ActivePlans>" in text
    assert "<Assessment>" not in text


@pytest.mark.parametrize(
    ("year", "order"),
    [
        (2025, ["ReviewMeeting", "LastReview", "ReviewOutcome", "ReviewDraft"]),
        (2026, ["ReviewMeeting", "ReviewOutcome", "ReviewDraft", "LastReview"]),
    ],
)
def test_active_plans_follow_the_years_order(year: int, order: list[str]) -> None:
    plans = ActivePlans(
        review_meeting="2025-01-01",
        last_review="2025-01-20",
        review_outcome="M",
        review_draft="2025-02-01",
    )
    text = written([Person(surname="Ng", requests=[Request(active_plans=plans)])], year=year)
    positions = [text.index(f"<{name}>") for name in order]
    assert positions == sorted(positions)


def test_writing_is_deterministic_and_reports_progress() -> None:
    persons = [Person(surname=f"Person{i}", forename="Sam") for i in range(2500)]
    seen: list[int] = []
    first, second = io.BytesIO(), io.BytesIO()
    write_return(first, HEADER, persons, year=2026, progress=seen.append)
    write_return(second, HEADER, iter(persons), year=2026)
    assert first.getvalue() == second.getvalue()
    assert seen == [1000, 2000, 2500]


def test_a_header_for_another_year_or_an_unsupported_year_is_refused() -> None:
    with pytest.raises(ValueError, match="Year 2026"):
        write_return(io.BytesIO(), HEADER, [], year=2025)
    with pytest.raises(ValueError, match="2024 is not supported"):
        write_return(io.BytesIO(), dataclasses.replace(HEADER, year=""), [], year=2024)


def test_a_written_sample_is_valid_against_the_years_schema(sample_persons: Any) -> None:
    for year in (2025, 2026):
        header, persons = sample_persons(year)
        data = written(persons, year=year, header=header).encode()
        load_schema(year).assertValid(etree.fromstring(data).getroottree())


@pytest.fixture
def sample_persons() -> Any:
    from pathlib import Path

    def read(year: int) -> tuple[Header, list[Person]]:
        path = Path(__file__).parent / "samples" / f"valid_{year}.xml"
        return read_back(path.read_bytes())

    return read


# The round trip: whatever the records hold, reading back what was written gives them again.

XML_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\ufffe\uffff",
    )
    | st.sampled_from("\t\n\r&<>'\""),
    max_size=12,
).map(str.strip)
CODE = st.text(alphabet="ABCHMNWXY0123456789-:", max_size=10)


def records(kind: type, free_text: tuple[str, ...] = (), **children: Any) -> Any:
    fields = {
        f.name: XML_TEXT if f.name in free_text else CODE
        for f in dataclasses.fields(kind)
        if f.name != "line" and f.name not in children and f.type == "str"
    }
    return st.builds(kind, **fields, **children)


SETTING_TEXT = ("sen_setting_other",)
PERSONS = records(
    Person,
    ("surname", "forename", "post_code"),
    requests=st.lists(
        records(
            Request,
            assessment=st.none()
            | records(
                Assessment,
                named_plan=st.none()
                | records(
                    NamedPlan,
                    plan_details=st.lists(records(PlanDetail, SETTING_TEXT), max_size=2),
                ),
            ),
            active_plans=st.none()
            | records(
                ActivePlans,
                placements=st.lists(records(PlacementDetail, SETTING_TEXT), max_size=3),
                needs=st.lists(records(SenNeed), max_size=2),
            ),
        ),
        max_size=3,
    ),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    persons=st.lists(PERSONS, max_size=3),
    year=st.sampled_from([2025, 2026]),
    software=XML_TEXT.filter(bool),
)
def test_reading_back_what_was_written_gives_the_same_records(
    persons: list[Person], year: int, software: str
) -> None:
    header = dataclasses.replace(HEADER, year=str(year), software_code=software)
    out = io.BytesIO()
    write_return(out, header, persons, year=year)
    with open_return(io.BytesIO(out.getvalue()), name="round-trip.xml") as sen2:
        back = [person for person, _problems in sen2.persons]
        assert without_lines(sen2.header) == header
    assert without_lines(back) == persons
