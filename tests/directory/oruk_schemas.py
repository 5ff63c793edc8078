"""Validators for the Open Referral UK 3.0 schemas bundled in data/oruk/, with no network.

The schemas' `$ref`s are absolute raw.githubusercontent.com addresses (and relative ones inside
the per-entity files): a `referencing.Registry` maps each address to the local copy, so
`validator("compiled/service.json")` checks a record exactly as the ORUK validator would,
formats (uuid, uri, email, date-time) included.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "oruk"
BASE_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def url_of(name: str) -> str:
    """The address a schema is published at, e.g. url_of("compiled/service.json")."""
    return BASE_URL + name


@cache
def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        name = path.relative_to(SCHEMA_DIR).as_posix()
        if name == "openapi.json":
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((url_of(name), Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for the schema at data/oruk/<name>, resolving references locally."""
    return Draft202012Validator(
        {"$ref": url_of(name)}, registry=registry(), format_checker=FormatChecker()
    )


def errors(name: str, instance) -> list[str]:
    """Every way the instance breaks the schema, as readable lines (empty when valid)."""
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in validator(name).iter_errors(instance)
    ]


def openapi() -> dict:
    return json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
