"""Guidance pages' body text as GOV.UK HTML. Pure Python.

Directory editors write guidance as plain text: a blank line ends a paragraph, a line starting
"## " is a heading and a line starting "- " is a bullet (consecutive bullets make one list).
Other lines next to each other join into one paragraph. Every piece of text is escaped, so the
only markup in the result is the fixed set of tags written here: nothing an editor types can add
a tag, an attribute or a script.
"""

import html
import re
from dataclasses import dataclass

HEADING = "## "
BULLET = "- "
# Control characters never belong in page text: those Python counts as spaces become spaces
# (tab, vertical tab, form feed, separators); the rest are dropped.
_SPACING = re.compile("[\t\x0b\x0c\x1c-\x1f]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")

PARAGRAPH_TAG = '<p class="govuk-body">'
HEADING_TAG = '<h2 class="govuk-heading-m">'
LIST_TAG = '<ul class="govuk-list govuk-list--bullet">'


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "heading" or "list"
    lines: tuple[str, ...]  # the paragraph's or heading's text (one line), or the list's items


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _SPACING.sub(" ", text))


def _marked(line: str, mark: str) -> str | None:
    """The text after a "## " or "- " mark, or None when the line does not start with it."""
    if line == mark.strip():
        return ""
    if line.startswith(mark):
        return line[len(mark) :].strip()
    return None


def blocks(text: str | None) -> list[Block]:
    """The body's paragraphs, headings and bulleted lists, in order; empty pieces are dropped."""
    found: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def close() -> None:
        if paragraph:
            found.append(Block("paragraph", (" ".join(paragraph),)))
            paragraph.clear()
        if items:
            found.append(Block("list", tuple(items)))
            items.clear()

    for raw in _clean(text or "").split("\n"):
        line = raw.strip()
        if not line:
            close()
            continue
        heading = _marked(line, HEADING)
        if heading is not None:
            close()
            if heading:
                found.append(Block("heading", (heading,)))
            continue
        item = _marked(line, BULLET)
        if item is not None:
            if paragraph:
                close()
            if item:
                items.append(item)
            continue
        if items:
            close()
        paragraph.append(line)
    close()
    return found


def render(text: str | None) -> str:
    """The body as escaped GOV.UK HTML (paragraphs, level 2 headings and bulleted lists)."""
    parts = []
    for block in blocks(text):
        if block.kind == "heading":
            parts.append(f"{HEADING_TAG}{html.escape(block.lines[0])}</h2>")
        elif block.kind == "list":
            items = "".join(f"<li>{html.escape(item)}</li>" for item in block.lines)
            parts.append(f"{LIST_TAG}{items}</ul>")
        else:
            parts.append(f"{PARAGRAPH_TAG}{html.escape(block.lines[0])}</p>")
    return "\n".join(parts)


def paragraphs(text: str | None) -> list[str]:
    """Plain text split into paragraphs on blank lines, each paragraph's lines joined by a space
    (for service descriptions, which have no headings or bullets). Not escaped."""
    result = []
    for chunk in re.split(r"\n\s*\n", _clean(text or "")):
        joined = " ".join(line.strip() for line in chunk.split("\n") if line.strip())
        if joined:
            result.append(joined)
    return result


def summary(text: str | None, limit: int = 200) -> str:
    """The start of a text, at most `limit` characters, cut at a word with an ellipsis."""
    flat = " ".join(_clean(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"
