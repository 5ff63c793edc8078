"""The records an import creates and changes, written the way every import writes: new records
in bulk (parents first) with their history rows, changed records one save each, all as the
importing user with the file named as the reason."""

from __future__ import annotations

from collections import defaultdict

from simple_history.utils import bulk_create_with_history

from opensend.casework.models import (
    Assessment,
    Dispute,
    NamedSetting,
    PhaseTransfer,
    Plan,
    Request,
    Review,
)
from opensend.core.services import save_as
from opensend.people.models import Need, Person, Placement, SenStatus


class Writes:
    """The records an import chunk creates (in bulk, parents first, with history) and changes
    (one save each, as the importing user)."""

    ORDER = (
        Person,
        Request,
        SenStatus,
        Need,
        Placement,
        Assessment,
        Dispute,
        Plan,
        NamedSetting,
        Review,
        PhaseTransfer,
    )

    def __init__(self, actor, reason: str):
        self.actor, self.reason = actor, reason
        self.new: dict[type, list] = defaultdict(list)
        self.touched: set[int] = set()

    def create(self, instance) -> None:
        instance.created_by = instance.modified_by = self.actor
        self.new[type(instance)].append(instance)

    def update(self, model, pk, fields: dict[str, object], key: str = "pk") -> bool:
        """Save the fields that differ on one record; True if any did."""
        if not fields:
            return False
        stored = model.objects.get(**{key: pk})
        changed = {f: v for f, v in fields.items() if getattr(stored, f) != v}
        if not changed:
            return False
        for f, v in changed.items():
            setattr(stored, f, v)
        stored._change_reason = self.reason
        save_as(stored, self.actor)
        if model is Request:
            self.touched.add(stored.pk)
        return True

    def flush(self) -> None:
        history = {"default_user": self.actor, "default_change_reason": self.reason}
        for model in self.ORDER:
            batch = self.new.pop(model, [])
            if not batch:
                continue
            bulk_create_with_history(batch, model, **history)
            if model is Request:
                self.touched.update(i.pk for i in batch)

    def case_ids(self) -> set[int]:
        return self.touched
