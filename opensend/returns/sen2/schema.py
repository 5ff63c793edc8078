"""The SEN2 XML schemas (our own XSDs, one per collection year), loaded once. Pure Python.

The `.xsd` files ship inside the package (`xsd/sen2_<year>.xsd`); `layout.py` is the same
structure as data, and a test keeps the two in step. `Header` and `Person` are global elements
in each schema, so a reader can validate one `<Person>` at a time while it streams a file.
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from opensend.returns.sen2 import layout

__all__ = ["load_schema", "schema_path"]


def schema_path(year: int) -> str:
    """Where the XSD for `year` is (ValueError for a year OpenSEND does not support)."""
    layout.content_model(year)  # raises for an unsupported year
    return str(resources.files("opensend.returns.sen2").joinpath("xsd", f"sen2_{year}.xsd"))


def load_schema(year: int) -> Any:
    """The `lxml.etree.XMLSchema` for `year`, parsed on first use and then reused.

    One per thread: an XMLSchema keeps the error log of its last validation, so two threads
    validating with the same object could read each other's errors.
    """
    return _load_schema(year, threading.get_ident())


@functools.cache
def _load_schema(year: int, thread: int) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(schema_path(year), parser))
