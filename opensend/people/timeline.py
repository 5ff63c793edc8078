"""A person's timeline: every dated fact and every change to their record, newest first."""

from opensend.core import codelists


def _entry(date, label: str, text: str, kind: str) -> dict:
    return {"date": date, "label": label, "text": text, "kind": kind}


def _dated(fact, started: str, ended: str, kind: str) -> list[dict]:
    entries = [_entry(fact.start_date, started, "", kind)]
    if fact.end_date:
        entries.append(_entry(fact.end_date, ended, "", kind))
    return entries


def build_timeline(person) -> list[dict]:
    entries = [_entry(person.birth_date, "Born", "", "person")]
    for status in person.sen_statuses.all():
        label = codelists.SEN_PROVISION.label(status.provision)
        entries += _dated(status, f"{label} started", f"{label} ended", "status")
    for need in person.needs.all():
        label = f"{need.get_rank_display()} need: {codelists.NEED_TYPES.label(need.need_type)}"
        entries += _dated(need, f"{label} recorded", f"{label} ended", "need")
    for placement in person.placements.select_related("establishment"):
        label = placement.setting_name
        entries += _dated(placement, f"Started at {label}", f"Left {label}", "setting")
    for circumstance in person.circumstances.all():
        label = codelists.CIRCUMSTANCES.label(circumstance.kind)
        entries += _dated(circumstance, f"{label}: started", f"{label}: ended", "circumstance")
    for exclusion in person.exclusions.all():
        reason = codelists.EXCLUSION_REASONS.label(exclusion.reason)
        length = f", {exclusion.sessions} sessions" if exclusion.sessions else ""
        entries.append(
            _entry(
                exclusion.start_date, exclusion.get_kind_display(), f"{reason}{length}", "exclusion"
            )
        )
    for change in person.history.all().select_related("history_user"):
        who = change.history_user.full_name if change.history_user else "an import or system job"
        verb = {"+": "Record created", "~": "Record changed", "-": "Record deleted"}[
            change.history_type
        ]
        entries.append(_entry(change.history_date.date(), verb, f"By {who}", "change"))
    entries.sort(key=lambda e: e["date"], reverse=True)
    return entries
