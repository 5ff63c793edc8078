"""The SEN2 reader: the samples, case variants, structure problems, and the schemas."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from opensend.returns.sen2 import layout
from opensend.returns.sen2.reader import ReturnFile, UnreadableReturn, open_return
from opensend.returns.sen2.records import Person, Problem
from opensend.returns.sen2.schema import load_schema, schema_path
from opensend.returns.sen2.writer import write_return

SAMPLES = Path(__file__).parent / "samples"
HEADER_XML = """<Header>
<CollectionDetails><Collection>SEN2</Collection><Year>{year}</Year>
<ReferenceDate>2026-01-15</ReferenceDate></CollectionDetails>
<Source><SourceLevel>L</SourceLevel><LEA>383</LEA><SoftwareCode>Test</SoftwareCode>
<Release>1</Release><SerialNo>001</SerialNo><DateTime>2026-02-02T09:30:00</DateTime>
<DMO>Y</DMO><DCO>Y</DCO></Source>
</Header>"""
PERSON_START = (
    "<Person>\n<Surname>Quill</Surname>\n<Forename>Tess</Forename>\n"
    "<PersonBirthDate>2014-02-03</PersonBirthDate>\n<Sex>F</Sex>\n<Ethnicity>WBRI</Ethnicity>\n"
)


def document(persons: str, year: int = 2026, header: str | None = None) -> bytes:
    """A return whose Header is on lines 2-8 and whose first Person starts on line 10."""
    header = HEADER_XML.format(year=year) if header is None else header
    return f"<Message>\n{header}\n<Persons>\n{persons}\n</Persons>\n</Message>\n".encode()


def read_all(
    data: bytes, name: str = "test.xml"
) -> tuple[ReturnFile, list[tuple[Person, list[Problem]]]]:
    sen2 = open_return(io.BytesIO(data), name=name)
    persons = list(sen2.persons)
    return sen2, persons


def person_problems(body: str) -> list[Problem]:
    """The problems of one person whose elements after Ethnicity are `body` (from line 16)."""
    _, persons = read_all(document(PERSON_START + body + "</Person>"))
    [(_, problems)] = persons
    return problems


# The samples


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_samples_read_without_problems(year: int) -> None:
    with open_return(SAMPLES / f"valid_{year}.xml") as sen2:
        persons = list(sen2.persons)
        assert sen2.year == year
        assert sen2.header.lea == "383"
        assert sen2.header.dsco == "R"
        assert sen2.header_problems == []
        assert sen2.message_problems == []
    assert [problems for _, problems in persons] == [[]] * 10
    records = [person for person, _ in persons]
    amelia, oliver, poppy, ravi = records[:4]
    assert amelia.label == "Amelia Thornbury (M383200119001)"
    assert amelia.line == 22
    plan = amelia.requests[0].assessment.named_plan  # type: ignore[union-attr]
    assert plan is not None
    assert len(plan.plan_details) == 2
    assert plan.plan_details[1].sen_setting_other == "Speech & language outreach, two mornings"
    active = amelia.requests[0].active_plans
    assert active is not None
    assert [p.sen_setting for p in active.placements] == ["", "OLA"]
    assert active.placements[1].sen_setting_other == "Tuition at home <EOTAS> on Fridays"
    assert [(n.sen_type, n.sen_type_rank) for n in active.needs] == [("ASD", "1"), ("SLCN", "2")]
    assert active.phase_transfer_due_date == f"{year}-02-15"
    assert oliver.surname == "O'Neill-Ashworth"
    assert oliver.unique_learner_number == "1234567899"
    assert oliver.requests[0].received_date == ""
    assert poppy.upn_unknown == "UN1"
    assert [r.request_outcome for r in ravi.requests] == ["W", "A"]
    assert records[8].requests[0].exported == "816"
    assert records[9].requests[0].active_plans.transfer_la == "384"  # type: ignore[union-attr]


@pytest.mark.parametrize("year", [2025, 2026])
def test_writing_what_a_sample_reads_gives_the_sample_back(year: int) -> None:
    path = SAMPLES / f"valid_{year}.xml"
    with open_return(path) as sen2:
        out = io.BytesIO()
        write_return(out, sen2.header, (p for p, _ in sen2.persons), year=year)
    assert out.getvalue() == path.read_bytes()


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_schemas_accept_their_sample_and_refuse_the_other_years(year: int) -> None:
    sample = etree.parse(str(SAMPLES / f"valid_{year}.xml"))
    load_schema(year).assertValid(sample)
    other = 2025 if year == 2026 else 2026
    assert not load_schema(other).validate(sample)  # LastReview moved in 2026


def test_a_person_and_a_header_validate_on_their_own() -> None:
    sample = etree.parse(str(SAMPLES / "valid_2026.xml"))
    schema = load_schema(2026)
    assert schema.validate(sample.find("Persons/Person"))
    assert schema.validate(sample.find("Header"))


@pytest.mark.parametrize("year", layout.SUPPORTED_YEARS)
def test_the_schema_has_the_layouts_structure(year: int) -> None:
    """Every group element's sequence in the XSD: names, order and occurrences as layout.py."""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    schema = etree.parse(schema_path(year)).getroot()
    types = {t.get("name"): t for t in schema.iter(f"{xs}complexType") if t.get("name")}
    globals_ = {e.get("name"): e for e in schema.findall(f"{xs}element")}

    def declaration(element: etree._Element) -> etree._Element:
        return globals_[element.get("ref")] if element.get("ref") else element

    def sequence(element: etree._Element) -> list[etree._Element]:
        complex_type = element.find(f"{xs}complexType")
        if complex_type is None:
            complex_type = types[element.get("type")]
        return complex_type.findall(f"{xs}sequence/{xs}element")

    found: dict[str, list[tuple[str, int, int | None]]] = {}

    def collect(element: etree._Element) -> None:
        name = element.get("name")
        children = sequence(element)
        found[name] = []
        for child in children:
            most = child.get("maxOccurs", "1")
            found[name].append(
                (
                    child.get("name") or child.get("ref"),
                    int(child.get("minOccurs", "1")),
                    None if most == "unbounded" else int(most),
                )
            )
            target = declaration(child)
            if target.find(f"{xs}complexType") is not None or target.get("type") in types:
                collect(target)

    collect(globals_["Message"])
    expected = {
        group: [(i.element, i.min_occurs, i.max_occurs) for i in items]
        for group, items in layout.content_model(year).items()
    }
    assert found == expected


# Case variants


def test_case_variants_are_read_under_the_dfe_name_with_a_warning() -> None:
    problems = person_problems(
        "<Requests>\n<RequestOutcome>H</RequestOutcome>\n<ActivePlans>\n<PlacementDetail>\n"
        "<SENSetting>NIEO</SENSetting>\n<SENSettingOther>Awaiting a place</SENSettingOther>\n"
        "<PlacementRank>1</PlacementRank>\n<EntryDate>2025-09-01</EntryDate>\n<RES>B</RES>\n"
        "</PlacementDetail>\n</ActivePlans>\n</Requests>\n"
    )
    assert [(p.rule, p.line, p.element, p.severity) for p in problems] == [
        ("S00", 20, "SENSetting", "warning"),
        ("S00", 21, "SENSettingOther", "warning"),
        ("S00", 24, "RES", "warning"),
    ]
    assert problems[0].fix == "Rename <SENSetting> to <SENsetting>."
    assert problems[0].person == "Tess Quill"
    _, [(person, _)] = read_all(
        document(
            PERSON_START + "<Requests><RequestOutcome>H</RequestOutcome><ActivePlans>"
            "<PlacementDetail><SENSetting>NIEO</SENSetting><PlacementRank>1</PlacementRank>"
            "<EntryDate>2025-09-01</EntryDate><RES>B</RES></PlacementDetail></ActivePlans>"
            "</Requests></Person>"
        )
    )
    placement = person.requests[0].active_plans.placements[0]  # type: ignore[union-attr]
    assert (placement.sen_setting, placement.res) == ("NIEO", "B")


# Each kind of structure problem


def test_a_missing_required_element() -> None:
    _, [(person, problems)] = read_all(
        document("<Person>\n<Surname>Quill</Surname>\n<Sex>F</Sex>\n</Person>")
    )
    assert [(p.rule, p.line, p.element) for p in problems] == [
        ("S01", 10, "Forename"),
        ("S01", 10, "PersonBirthDate"),
        ("S01", 10, "Ethnicity"),
    ]
    assert problems[0].message == "<Person> has no <Forename>, which every <Person> must have."
    assert problems[0].person == "Quill"
    assert person.sex == "F"


def test_an_unknown_element_and_an_element_in_the_wrong_group() -> None:
    problems = person_problems("<Nickname>Tee</Nickname>\n<URN>107950</URN>\n")
    assert [(p.rule, p.line, p.element) for p in problems] == [
        ("S02", 16, "Nickname"),
        ("S02", 17, "URN"),
    ]
    assert "not an SEN2 element" in problems[0].message
    assert "belongs inside <PlanDetail>" in problems[1].message


def test_an_element_out_of_order() -> None:
    _, [(person, problems)] = read_all(
        document(
            "<Person>\n<Forename>Tess</Forename>\n<Surname>Quill</Surname>\n"
            "<PersonBirthDate>2014-02-03</PersonBirthDate>\n<Sex>F</Sex>\n"
            "<Ethnicity>WBRI</Ethnicity>\n</Person>"
        )
    )
    assert [(p.rule, p.line, p.element) for p in problems] == [("S03", 12, "Surname")]
    assert problems[0].fix.startswith("Put <Surname> before <Forename>")
    assert (person.surname, person.forename) == ("Quill", "Tess")


def test_too_many_occurrences_keep_the_first() -> None:
    needs = "".join(
        f"<SENneed>\n<SENtype>{code}</SENtype>\n<SENtypeRank>1</SENtypeRank>\n</SENneed>\n"
        for code in ("ASD", "HI", "VI")
    )
    _, [(person, problems)] = read_all(
        document(
            PERSON_START + "<Sex>M</Sex>\n<Requests>\n<RequestOutcome>H</RequestOutcome>\n"
            f"<ActivePlans>\n{needs}</ActivePlans>\n</Requests>\n</Person>"
        )
    )
    assert [(p.rule, p.line, p.element, p.value) for p in problems] == [
        ("S04", 16, "Sex", "M"),
        ("S04", 28, "SENneed", ""),
    ]
    assert person.sex == "F"
    assert [n.sen_type for n in person.requests[0].active_plans.needs] == ["ASD", "HI"]  # type: ignore[union-attr]


def test_text_between_elements_and_elements_inside_a_value() -> None:
    problems = person_problems(
        "<PostCode>LS1 <b>4AP</b></PostCode>\n<Requests>stray text\n</Requests>\n"
    )
    assert [(p.rule, p.line, p.element) for p in problems] == [
        ("S05", 16, "PostCode"),
        ("S05", 17, "Requests"),
        ("S01", 17, "RequestOutcome"),
    ]


def test_problems_outside_persons_and_in_the_header() -> None:
    header = HEADER_XML.format(year=2026).replace("<DCO>Y</DCO>", "")
    sen2, persons = read_all(document(PERSON_START + "</Person>\n<Extra/>", header=header))
    assert len(persons) == 1
    assert [(p.rule, p.element) for p in sen2.header_problems] == [("S01", "DCO")]
    assert [(p.rule, p.element, p.line) for p in sen2.message_problems] == [("S02", "Extra", 17)]
    sen2, persons = read_all(document(""))
    assert persons == []
    assert [(p.rule, p.element) for p in sen2.message_problems] == [("S01", "Person")]


# Files that are not SEN2 returns


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"Name,UPN\nAnn,A123\n", "is not an XML file"),
        (b"<Return><Header/></Return>", "starts with <Return>"),
        (b"<Message><Persons/></Message>", "has no <Header>"),
        (document("", header=HEADER_XML.format(year=2026).replace("SEN2", "CIN")), "'CIN' return"),
        (
            document("", year=2024),
            "is for '2024' (line 2); OpenSEND reads SEN2 returns for 2025 and 2026",
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY x "y">]>\n' + document(""),
            "DOCTYPE",
        ),
    ],
)
def test_a_file_that_is_not_an_sen2_return_is_unreadable(data: bytes, words: str) -> None:
    with pytest.raises(UnreadableReturn, match="^upload.xml ") as error:
        read_all(data, name="upload.xml")
    assert words in str(error.value)


def test_a_truncated_file_says_where_it_ends() -> None:
    data = (SAMPLES / "valid_2026.xml").read_bytes()
    sen2 = open_return(io.BytesIO(data[:5000]), name="cut.xml")
    with pytest.raises(UnreadableReturn, match=r"cut.xml ends too early at line \d+"):
        list(sen2.persons)


def test_a_latin1_file_that_says_utf8_is_unreadable() -> None:
    data = document(PERSON_START.replace("Tess", "Zoë") + "</Person>").decode()
    with pytest.raises(UnreadableReturn, match="not valid in its encoding at line 12") as error:
        read_all(data.encode("latin-1"), name="x.xml")
    assert "save it as UTF-8" in str(error.value)


def test_a_missing_file_is_unreadable() -> None:
    with pytest.raises(UnreadableReturn, match="nowhere.xml cannot be opened"):
        open_return(Path("/nowhere.xml"))


# The reader's structure check agrees with the XSD on random damage to a valid person

STRUCTURE_ERRORS = {
    "SCHEMAV_ELEMENT_CONTENT",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_4",
    "SCHEMAV_CVC_TYPE_3_1_2",
}
SAMPLE_PERSONS = etree.parse(
    str(SAMPLES / "valid_2026.xml"), etree.XMLParser(remove_blank_text=True)
).findall("Persons/Person")
NAMES = sorted({i.element for items in layout.content_model(2026).values() for i in items}) + [
    "Nickname"
]


@st.composite
def damaged_person(draw: st.DrawFn) -> etree._Element:
    person = copy.deepcopy(draw(st.sampled_from(SAMPLE_PERSONS)))
    for _ in range(draw(st.integers(1, 3))):
        elements = list(person.iter())[1:]
        target = draw(st.sampled_from(elements))
        parent = target.getparent()
        action = draw(st.sampled_from(["drop", "copy", "swap", "rename", "insert", "text", "move"]))
        if action == "drop":
            parent.remove(target)
        elif action == "copy":
            target.addnext(copy.deepcopy(target))
        elif action == "swap" and target.getnext() is not None:
            target.getnext().addnext(target)
        elif action == "rename":
            target.tag = draw(st.sampled_from(NAMES))
        elif action == "insert":
            target.addprevious(etree.Element(draw(st.sampled_from(NAMES))))
        elif action == "text":
            target.tail = "stray"
        elif action == "move":
            inside = set(target.iter())
            places = [e for e in person.iter() if e not in inside]
            draw(st.sampled_from(places)).append(target)
    return person


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(damaged_person())
def test_the_structure_check_agrees_with_the_schema(person: etree._Element) -> None:
    schema = load_schema(2026)
    schema.validate(person)
    schema_says = {e.type_name for e in schema.error_log} & STRUCTURE_ERRORS
    data = document(etree.tostring(person, encoding="unicode"))
    _, persons = read_all(data)
    rules = {p.rule for _, problems in persons for p in problems}
    assert bool(schema_says) == bool(rules - {"S00"}), (schema_says, rules, schema.error_log)
