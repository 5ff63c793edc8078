"""Damaged files: the reader gives records and problems, or UnreadableReturn, and nothing else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from opensend.returns.sen2 import layout
from opensend.returns.sen2.reader import UnreadableReturn, open_return
from opensend.returns.sen2.records import Person

SAMPLE = (Path(__file__).parent / "samples" / "valid_2026.xml").read_bytes()
FUZZ = settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)


def outcome(data: bytes) -> list[Person] | UnreadableReturn:
    """The persons read from `data`, or the UnreadableReturn raised opening or reading it."""
    try:
        with open_return(io.BytesIO(data), name="damaged.xml") as sen2:
            return [person for person, _problems in sen2.persons]
    except UnreadableReturn as error:
        unreadable = error
    assert str(unreadable).startswith("damaged.xml ")
    return unreadable


def test_truncation_at_every_offset_is_unreadable_or_read() -> None:
    ends = {len(SAMPLE), len(SAMPLE.rstrip())}
    for offset in range(len(SAMPLE)):
        result = outcome(SAMPLE[:offset])
        if offset in ends:
            assert isinstance(result, list)
        else:
            assert isinstance(result, UnreadableReturn), offset


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, len(SAMPLE) - 1), st.binary(max_size=3), st.integers(0, 3)),
        min_size=1,
        max_size=4,
    )
)
def test_random_byte_damage_never_raises_anything_else(
    edits: list[tuple[int, bytes, int]],
) -> None:
    data = bytearray(SAMPLE)
    for offset, inserted, removed in edits:
        data[offset : offset + removed] = inserted
    outcome(bytes(data))


NAMES = "Zoë Ångström-Núñez"


def sample_with_names(declaration: str) -> str:
    text = SAMPLE.decode().replace("Thornbury", NAMES)
    return text.replace('<?xml version="1.0" encoding="UTF-8"?>', declaration)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le"])
def test_a_file_in_another_encoding_than_it_says_is_unreadable(encoding: str) -> None:
    data = sample_with_names('<?xml version="1.0" encoding="UTF-8"?>').encode(encoding)
    if encoding == "utf-16-le":  # no byte order mark: the parser's own detection applies
        result = outcome(data)
        assert isinstance(result, UnreadableReturn) or result[0].surname == NAMES
        return
    result = outcome(data)
    assert isinstance(result, UnreadableReturn)
    assert "UTF-8" in str(result)


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("latin-1", "ISO-8859-1"), ("cp1252", "windows-1252"), ("utf-16", "UTF-16")],
)
def test_a_file_in_the_encoding_it_declares_is_read(encoding: str, declared: str) -> None:
    data = sample_with_names(f'<?xml version="1.0" encoding="{declared}"?>').encode(encoding)
    result = outcome(data)
    assert not isinstance(result, UnreadableReturn), result
    assert result[0].surname == NAMES


TAGS = st.sampled_from(
    sorted({i.element for items in layout.content_model(2026).values() for i in items})
    + ["Message", "Header", "Persons", "Person", "SENSetting", "RES", "x", "Bad-Name"]
)
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)


def trees(depth: int) -> st.SearchStrategy[etree._Element]:
    def build(tag: str, text: str, children: list[etree._Element]) -> etree._Element:
        element = etree.Element(tag)
        element.text = text
        element.extend(children)
        return element

    children = st.lists(trees(depth - 1), max_size=4) if depth else st.just([])
    return st.builds(build, TAGS, TEXT, children)


@FUZZ
@given(root=trees(4), year=st.sampled_from(["2025", "2026", "2024", "x"]), header=st.booleans())
def test_random_element_trees_never_raise_anything_else(
    root: etree._Element, year: str, header: bool
) -> None:
    if header:
        head = etree.fromstring(
            "<Header><CollectionDetails><Collection>SEN2</Collection>"
            f"<Year>{year}</Year></CollectionDetails></Header>"
        )
        message = etree.Element("Message")
        message.append(head)
        message.append(root)
        root = message
    outcome(etree.tostring(root))
