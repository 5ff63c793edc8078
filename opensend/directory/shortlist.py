"""The Local Offer shortlist: services a family has picked. Pure Python.

It is kept in any mutable mapping: in the views, the store of a signed cookie that lasts 90 days
(`opensend.directory.middleware`); a dict in tests. It holds
service ids as strings, in the order they were added, at most `LIMIT` of them. Whatever the
session holds under the key, reading it never fails: anything that is not a service id is
dropped. A shared list travels as a comma-separated list of ids in a page address; `parse_ids`
reads one, ignoring anything that is not an id and keeping the first `LIMIT`.
"""

import uuid
from collections.abc import Iterable, MutableMapping
from typing import Any

from opensend.core.identifiers import as_uuid

Session = MutableMapping[str, Any]

SESSION_KEY = "local_offer_shortlist"
LIMIT = 50
_MOST_PIECES = LIMIT * 4  # pieces of a shared list looked at before giving up


def _unique(
    values: Iterable[object], limit: int = LIMIT, most: int | None = None
) -> list[uuid.UUID]:
    found: list[uuid.UUID] = []
    seen: set[uuid.UUID] = set()
    for looked, value in enumerate(values):
        if len(found) >= limit or (most is not None and looked >= most):
            break
        identifier = as_uuid(value)
        if identifier is not None and identifier not in seen:
            seen.add(identifier)
            found.append(identifier)
    return found


def parse_ids(text: str | None) -> list[uuid.UUID]:
    """Service ids from a shared list ("id,id,id"): distinct, in order, at most `LIMIT`."""
    if not text or not isinstance(text, str):
        return []
    pieces = (piece for piece in text.split(",", _MOST_PIECES))
    return _unique(pieces, most=_MOST_PIECES)


def share_value(ids: Iterable[uuid.UUID]) -> str:
    """The ids as a shared list's `services` value."""
    return ",".join(str(i) for i in _unique(ids))


def ids(session: Session) -> list[uuid.UUID]:
    """The shortlisted service ids, oldest first."""
    stored = session.get(SESSION_KEY)
    if not isinstance(stored, list):
        return []
    return _unique(stored)


def _store(session: Session, values: list[uuid.UUID]) -> None:
    if values:
        session[SESSION_KEY] = [str(v) for v in values]
    elif SESSION_KEY in session:
        del session[SESSION_KEY]


def contains(session: Session, service_id: object) -> bool:
    identifier = as_uuid(str(service_id))
    return identifier is not None and identifier in ids(session)


def is_full(session: Session) -> bool:
    return len(ids(session)) >= LIMIT


def add(session: Session, service_id: object) -> bool:
    """Add a service; False when it was already there, the list is full or the id is not one."""
    identifier = as_uuid(str(service_id))
    current = ids(session)
    if identifier is None or identifier in current or len(current) >= LIMIT:
        return False
    _store(session, [*current, identifier])
    return True


def remove(session: Session, service_id: object) -> bool:
    """Remove a service; False when it was not there."""
    identifier = as_uuid(str(service_id))
    current = ids(session)
    if identifier is None or identifier not in current:
        return False
    _store(session, [i for i in current if i != identifier])
    return True


def keep_only(session: Session, wanted: Iterable[uuid.UUID]) -> None:
    """Drop ids not in `wanted` (services no longer published), keeping the order."""
    allowed = set(wanted)
    current = ids(session)
    kept = [i for i in current if i in allowed]
    if kept != current:
        _store(session, kept)
