"""UK postcodes and distances for the Local Offer's "near a postcode" search. Pure Python.

A postcode is an outward code (the district, e.g. "LS6", "SW1A") and an inward code ("4QX").
`normalise_postcode` accepts either a whole postcode or an outward code alone, in any case and
spacing, and checks it against the format rules Royal Mail's codes follow (GOV.UK data
standards): outward A9, A99, AA9, AA99, A9A or AA9A; inward 9AA; letters Q, V and X never
first; I, J and Z never second; only ABCDEFGHJKPSTUW in the third place of A9A and only
ABEHMNPRVWXY in the fourth place of AA9A; never C, I, K, M, O or V in the inward code.

Places are located at district precision: the centroid of the postcode district, from
data/reference/postcode_districts.csv (ONS National Statistics Postcode Lookup via Open
Innovations; see data/SOURCES.md, including the attribution pages using it must show). The file
covers Great Britain; Northern Ireland ("BT"), the Channel Islands and the Isle of Man are left
out, so their postcodes are valid but cannot be located. The inward code of a whole postcode is
not checked against a list of live postcodes: "LS6 9ZZ" locates to the LS6 centroid.

`find_place` raises `NotAPostcode` or `PostcodeNotFound` (both `LocationError`, each with a
GOV.UK error message) so a form can tell the user which; `locate` returns None for both.
"""

import csv
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DISTRICTS_FILE = (
    Path(__file__).resolve().parents[2] / "data" / "reference" / "postcode_districts.csv"
)

# What a page using the district centroids must show (data/SOURCES.md).
ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2025",
    "Contains Royal Mail data © Royal Mail copyright and database right 2025",
    "Contains National Statistics data © Crown copyright and database right 2025",
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
)

# Mean Earth radius (IUGG), the usual radius for great-circle distances.
EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344

_FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"  # not Q, V, X
_SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"  # not I, J, Z
_THIRD_A9A = "ABCDEFGHJKPSTUW"
_FOURTH_AA9A = "ABEHMNPRVWXY"
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # not C, I, K, M, O, V

OUTWARD_PATTERN = (
    f"[{_FIRST}][0-9][0-9]?"  # A9, A99
    f"|[{_FIRST}][{_SECOND}][0-9][0-9]?"  # AA9, AA99
    f"|[{_FIRST}][0-9][{_THIRD_A9A}]"  # A9A
    f"|[{_FIRST}][{_SECOND}][0-9][{_FOURTH_AA9A}]"  # AA9A
)
INWARD_PATTERN = f"[0-9][{_INWARD_LETTERS}]{{2}}"
_OUTWARD = re.compile(f"(?:{OUTWARD_PATTERN})")
_POSTCODE = re.compile(f"(?P<outward>{OUTWARD_PATTERN})(?P<inward>{INWARD_PATTERN})")

# Areas whose postcodes are real but whose data is not open or has no coordinates.
UNMAPPED_AREAS = {
    "BT": "Northern Ireland",
    "GY": "Guernsey",
    "JE": "Jersey",
    "IM": "the Isle of Man",
}
_LONGEST_INPUT = 100  # characters, spaces included; longer text is not looked at


@dataclass(frozen=True)
class Place:
    """Where a postcode is, to district precision."""

    postcode: str  # canonical "YO1 7HH", or the outward code ("YO10") when only that was given
    outward_code: str
    latitude: float
    longitude: float
    precision: str = "district"

    @property
    def is_full_postcode(self) -> bool:
        return self.postcode != self.outward_code


class LocationError(ValueError):
    """A postcode that cannot be used for a distance search; `message` is for the user."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__(message)
        self.text = text
        self.message = message


class NotAPostcode(LocationError):
    """The text is not a UK postcode or outward code."""

    def __init__(self, text: str) -> None:
        super().__init__(text, "Enter a real postcode, like LS1 4AP, or the first part, like LS1")


class PostcodeNotFound(LocationError):
    """A well-formed postcode whose district is not in the shipped data."""

    def __init__(self, postcode: str) -> None:
        self.postcode = postcode
        area = _area(postcode)
        if area in UNMAPPED_AREAS:
            message = (
                f"Postcodes in {UNMAPPED_AREAS[area]} cannot be used to search by distance. "
                "Enter a postcode in England, Scotland or Wales"
            )
        else:
            message = f"We could not find {postcode}. Check the postcode, or enter a different one"
        super().__init__(postcode, message)


def _area(postcode: str) -> str:
    """The letters a postcode starts with ("LS", "B")."""
    letters = re.match("[A-Z]*", postcode)
    return letters.group(0) if letters else ""


def normalise_postcode(text: str | None) -> str | None:
    """Canonical "AB1 2CD" for a postcode, "AB1" for an outward code alone, else None."""
    if not text or len(text) > _LONGEST_INPUT:
        return None
    compact = "".join(text.split()).upper()
    if len(compact) > 7:
        return None
    if _OUTWARD.fullmatch(compact):
        return compact
    whole = _POSTCODE.fullmatch(compact)
    if whole is None:
        return None
    return f"{whole['outward']} {whole['inward']}"


def outward_code(postcode: str) -> str:
    """The district part of a postcode or outward code; NotAPostcode if it is neither."""
    canonical = normalise_postcode(postcode)
    if canonical is None:
        raise NotAPostcode(postcode)
    return canonical.split(" ")[0]


@cache
def _centroids() -> dict[str, tuple[float, float]]:
    """Outward code -> (latitude, longitude), read once from the shipped CSV."""
    with DISTRICTS_FILE.open(newline="", encoding="utf-8") as handle:
        return {
            row["outcode"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(handle)
        }


def district_centroid(outward: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a postcode district's centroid, or None if unknown."""
    canonical = normalise_postcode(outward)
    if canonical is None or " " in canonical:
        return None
    return _centroids().get(canonical)


def find_place(text: str | None) -> Place:
    """Where a postcode or outward code is; raises NotAPostcode or PostcodeNotFound."""
    canonical = normalise_postcode(text)
    if canonical is None:
        raise NotAPostcode(text or "")
    outward = canonical.split(" ")[0]
    centroid = _centroids().get(outward)
    if centroid is None:
        raise PostcodeNotFound(canonical)
    return Place(canonical, outward, centroid[0], centroid[1])


def locate(text: str | None) -> Place | None:
    """Where a postcode or outward code is, or None (use `find_place` to know why)."""
    try:
        return find_place(text)
    except LocationError:
        return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two WGS84 points in kilometres (haversine, spherical)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def km_to_miles(km: float) -> float:
    return km / KM_PER_MILE


def miles_to_km(miles: float) -> float:
    return miles * KM_PER_MILE


def distance_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return km_to_miles(distance_km(lat1, lon1, lat2, lon2))
