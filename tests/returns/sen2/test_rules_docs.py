"""docs/sen2-validation.md lists exactly the registered rules, as the code describes them."""

from __future__ import annotations

from pathlib import Path

from opensend.returns.sen2.rules import RULES, rules_table

DOC = Path(__file__).resolve().parents[3] / "docs" / "sen2-validation.md"


def documented_table() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("<!-- rules:start -->") + len("<!-- rules:start -->")
    return text[start : text.index("<!-- rules:end -->")].strip()


def test_the_documented_table_is_the_rule_table() -> None:
    assert documented_table() == rules_table(), (
        "docs/sen2-validation.md is out of date: regenerate its table with rules_table()"
    )


def test_every_registered_rule_is_documented_once() -> None:
    ids = [row.split("|")[1].strip() for row in documented_table().splitlines()[2:]]
    assert sorted(ids) == sorted(RULES)
    assert len(ids) == len(set(ids))
