"""Postcodes and distances: hand-checked examples, the shipped district file, and properties."""

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.directory.geography import (
    ATTRIBUTION,
    DISTRICTS_FILE,
    EARTH_RADIUS_KM,
    NotAPostcode,
    Place,
    PostcodeNotFound,
    distance_km,
    distance_miles,
    district_centroid,
    find_place,
    km_to_miles,
    locate,
    miles_to_km,
    normalise_postcode,
    outward_code,
)
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
# Districts retired when W1 was split (1990s) whose third letters the current rules no longer allow;
# NSPL still lists their terminated postcodes, so the file has centroids for them.
RETIRED_DISTRICTS = {"W1M", "W1N", "W1R", "W1V", "W1X", "W1Y"}


def rows():
    with DISTRICTS_FILE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# --- the module and its data --------------------------------------------------------------------


def test_module_is_pure_python():
    code = (
        "import sys, opensend.directory.geography, opensend.directory.search; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT).returncode == 0


def test_district_file_ships_in_the_repository_data_folder():
    assert DISTRICTS_FILE == ROOT / "data" / "reference" / "postcode_districts.csv"
    assert DISTRICTS_FILE.is_file()


def test_attribution_is_the_one_sources_md_requires():
    sources = " ".join((ROOT / "data" / "SOURCES.md").read_text(encoding="utf-8").split())
    for line in ATTRIBUTION:
        assert line in sources


@pytest.mark.shared
def test_district_file_is_an_unchanged_copy_of_the_shared_one():
    shared = shared_path("data", "reference", "postcode_districts.csv")
    assert DISTRICTS_FILE.read_bytes() == shared.read_bytes()


def test_every_district_in_the_file_is_a_well_formed_outward_code_in_great_britain():
    data = rows()
    assert len(data) == 2995
    for row in data:
        if row["outcode"] in RETIRED_DISTRICTS:
            assert normalise_postcode(row["outcode"]) is None
            continue
        assert normalise_postcode(row["outcode"]) == row["outcode"]
        lat, lon = float(row["latitude"]), float(row["longitude"])
        assert 49.8 < lat < 61, row
        assert -8.7 < lon < 2, row
    assert not any(row["outcode"].startswith(("BT", "GY", "JE", "IM")) for row in data)


# --- normalising -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("  yo1   7hh ", "YO1 7HH"),
        ("ls64qx", "LS6 4QX"),
        ("M1 1AE", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("BT1 1AA", "BT1 1AA"),
        ("YO10", "YO10"),
        ("ls6", "LS6"),
        (" e1w ", "E1W"),
        ("\tN1\n", "N1"),
    ],
)
def test_normalise_postcode(text, expected):
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "garbage",
        "12345",
        "LS6 4Q",
        "LS6 4QXX",
        "QA1 1AA",  # Q is never first
        "AZ1 1AA",  # Z is never second
        "W1I 1AA",  # I is not a third letter of A9A
        "EC1C 1AA",  # C is not a fourth letter of AA9A
        "LS6 4CX",  # C is never in the inward code
        "LS6 4Q!",
        "LS123",
        "L",
        "1LS 6QX",
        "LS6 4QX LS6 4QX",
        "x" * 1000,
    ],
)
def test_normalise_rejects_what_is_not_a_postcode(text):
    assert normalise_postcode(text) is None


def test_outward_code():
    assert outward_code("SW1A 1AA") == "SW1A"
    assert outward_code("ls6 4qx") == "LS6"
    assert outward_code("yo10") == "YO10"
    with pytest.raises(NotAPostcode):
        outward_code("not a postcode")


# --- locating ----------------------------------------------------------------------------------


def test_district_centroid_reads_the_shipped_file():
    centroids = {r["outcode"]: (float(r["latitude"]), float(r["longitude"])) for r in rows()}
    assert district_centroid("YO1") == centroids["YO1"] == (53.95815, -1.07183)
    assert district_centroid("ls6") == centroids["LS6"]
    assert district_centroid("BT1") is None
    assert district_centroid("YO1 7HH") is None  # a whole postcode is not a district
    assert district_centroid("nonsense") is None


def test_a_full_postcode_locates_to_its_district_centroid():
    place = locate("yo1 7hh")
    assert place == Place("YO1 7HH", "YO1", 53.95815, -1.07183, "district")
    assert place.is_full_postcode
    assert place.precision == "district"


def test_an_outward_code_alone_locates():
    place = find_place("YO10")
    assert place.postcode == place.outward_code == "YO10"
    assert not place.is_full_postcode
    assert (place.latitude, place.longitude) == district_centroid("YO10")


def test_not_a_postcode_is_told_apart_from_not_found():
    with pytest.raises(NotAPostcode) as bad:
        find_place("garbage")
    assert bad.value.message == "Enter a real postcode, like LS1 4AP, or the first part, like LS1"
    with pytest.raises(PostcodeNotFound) as missing:
        find_place("bt1 1aa")
    assert missing.value.postcode == "BT1 1AA"
    assert "Northern Ireland" in missing.value.message
    with pytest.raises(PostcodeNotFound) as unknown:
        find_place("ZE9 1AA")
    assert unknown.value.message.startswith("We could not find ZE9 1AA")
    assert locate("garbage") is None
    assert locate("BT1 1AA") is None
    assert locate(None) is None


@pytest.mark.parametrize(("text", "where"), [("GY1 1AA", "Guernsey"), ("IM1 1AA", "Isle of Man")])
def test_islands_are_valid_but_not_mapped(text, where):
    with pytest.raises(PostcodeNotFound) as missing:
        find_place(text)
    assert where in missing.value.message


# --- distance ----------------------------------------------------------------------------------


def test_distance_between_known_points():
    # London (Charing Cross) to Paris (Notre-Dame): about 343.5 km on a sphere.
    assert distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=0.5)
    york, leeds = district_centroid("YO1"), district_centroid("LS1")
    assert 30 < distance_km(*york, *leeds) < 45
    # A quarter of a great circle.
    assert distance_km(0, 0, 0, 90) == pytest.approx(math.pi * EARTH_RADIUS_KM / 2)


def test_miles():
    assert km_to_miles(1.609344) == pytest.approx(1.0)
    assert miles_to_km(10) == pytest.approx(16.09344)
    assert distance_miles(0, 0, 0, 1) == pytest.approx(km_to_miles(distance_km(0, 0, 0, 1)))


latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)
points = st.tuples(latitudes, longitudes)


@given(points, points)
def test_distance_is_symmetric_and_bounded(a, b):
    there = distance_km(*a, *b)
    assert there == distance_km(*b, *a)
    assert 0 <= there <= math.pi * EARTH_RADIUS_KM + 1e-6


@given(points)
def test_distance_to_itself_is_zero(a):
    assert distance_km(*a, *a) == 0


@given(points, points, points)
def test_triangle_inequality(a, b, c):
    assert distance_km(*a, *c) <= distance_km(*a, *b) + distance_km(*b, *c) + 1e-6


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
def test_miles_round_trip(km):
    assert miles_to_km(km_to_miles(km)) == pytest.approx(km)


# --- generated postcodes ---------------------------------------------------------------------

FIRST = st.sampled_from("ABCDEFGHIJKLMNOPRSTUWYZ")
SECOND = st.sampled_from("ABCDEFGHKLMNOPQRSTUVWXY")
DIGIT = st.sampled_from("0123456789")
outwards = st.one_of(
    st.tuples(FIRST, DIGIT),
    st.tuples(FIRST, DIGIT, DIGIT),
    st.tuples(FIRST, SECOND, DIGIT),
    st.tuples(FIRST, SECOND, DIGIT, DIGIT),
    st.tuples(FIRST, DIGIT, st.sampled_from("ABCDEFGHJKPSTUW")),
    st.tuples(FIRST, SECOND, DIGIT, st.sampled_from("ABEHMNPRVWXY")),
).map("".join)
INWARD_LETTER = st.sampled_from("ABDEFGHJLNPQRSTUWXYZ")
inwards = st.tuples(DIGIT, INWARD_LETTER, INWARD_LETTER).map("".join)


def scramble(draw, text):
    """The same characters in random case with random spaces between them."""
    out = []
    for char in text:
        out.append(draw(st.sampled_from(["", " ", "  ", "\t"])))
        out.append(char.lower() if draw(st.booleans()) else char)
    out.append(draw(st.sampled_from(["", " "])))
    return "".join(out)


@st.composite
def typed_postcodes(draw):
    outward, inward = draw(outwards), draw(inwards)
    return outward, inward, scramble(draw, outward + inward)


@given(typed_postcodes())
def test_any_valid_postcode_normalises_and_round_trips(case):
    outward, inward, typed = case
    canonical = normalise_postcode(typed)
    assert canonical == f"{outward} {inward}"
    assert normalise_postcode(canonical) == canonical
    assert outward_code(canonical) == outward == outward_code(typed)


@given(outwards, st.data())
def test_any_valid_outward_code_normalises_to_itself(outward, data):
    typed = data.draw(st.composite(lambda draw: scramble(draw, outward))())
    assert normalise_postcode(typed) == outward
    assert normalise_postcode(outward) == outward


@given(st.text(max_size=20))
def test_normalise_is_idempotent_and_never_raises(text):
    canonical = normalise_postcode(text)
    if canonical is not None:
        assert normalise_postcode(canonical) == canonical
        assert canonical == canonical.upper().strip()
        assert locate(text) is None or locate(text).postcode == canonical


@given(st.text(max_size=20))
def test_find_place_raises_only_location_errors(text):
    if normalise_postcode(text) is None:
        with pytest.raises(NotAPostcode):
            find_place(text)
        return
    place = locate(text)
    if place is None:
        with pytest.raises(PostcodeNotFound):
            find_place(text)
    else:
        assert place.outward_code == outward_code(text)
