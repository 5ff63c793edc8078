"""The Local Offer's public forms: the search filters and "suggest a change".

The search form reads a page address's query string, so it is bookmarkable and must cope with
anything typed into one: unknown categories, needs, days, times, distances and sorts are ignored
(an old bookmark keeps working); only the keyword, postcode and age can be wrong, and those are
reported with GOV.UK error messages.
"""

import dataclasses
import datetime
import re

from django import forms

from opensend.directory import geography
from opensend.directory.models import AGE_LIMIT, SuggestionTopic
from opensend.directory.search import SearchQuery
from opensend.directory.words import WEEKDAY_NAMES

KEYWORD_LIMIT = 200
PER_PAGE = 20
MILES = (1, 2, 5, 10, 20)
DAYS = tuple((name[:3].lower(), name) for name in WEEKDAY_NAMES)
DAY_NUMBERS = {code: number for number, (code, _) in enumerate(DAYS)}


@dataclasses.dataclass(frozen=True)
class TimeOfDay:
    code: str
    label: str
    opens_from: datetime.time
    open_until: datetime.time | None  # None: to the end of the day


TIMES = (
    TimeOfDay("morning", "Morning, 9am to 12pm", datetime.time(9), datetime.time(12)),
    TimeOfDay("afternoon", "Afternoon, 12pm to 3pm", datetime.time(12), datetime.time(15)),
    TimeOfDay("after-school", "After school, 3pm to 6pm", datetime.time(15), datetime.time(18)),
    TimeOfDay("evening", "Evening, 6pm onwards", datetime.time(18), None),
)
SORTS = (("relevance", "Best match"), ("distance", "Nearest first"), ("name", "Name, A to Z"))
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class TextField(forms.CharField):
    """Text with control characters removed (they can only come from a hand-made address)."""

    def to_python(self, value):
        value = super().to_python(value)
        return _CONTROL.sub("", value) if isinstance(value, str) else value


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Several choices; values that are not choices are dropped rather than reported."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        if value in (None, ""):
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        valid = {str(key) for key, _ in self.choices}
        kept = []
        for item in value:
            if isinstance(item, str) and item in valid and item not in kept:
                kept.append(item)
        return kept


class LenientChoiceField(forms.ChoiceField):
    """One choice; a value that is not a choice counts as no choice."""

    def clean(self, value):
        if not isinstance(value, str):
            return ""
        valid = {str(key) for key, _ in self.choices}
        return value if value in valid else ""


@dataclasses.dataclass(frozen=True)
class TermGroup:
    """A broad term (a top-level category, a broad area of need) and the narrower terms under it."""

    term: object  # TaxonomyTerm
    children: tuple = ()


def term_tree(terms) -> list[TermGroup]:
    """Top-level terms with their direct children, in the order given (taxonomy order)."""
    terms = list(terms)
    top = [t for t in terms if t.parent_id is None]
    tops = {t.pk for t in top}
    children: dict = {}
    for term in terms:
        if term.parent_id in tops:
            children.setdefault(term.parent_id, []).append(term)
    return [TermGroup(t, tuple(children.get(t.pk, ()))) for t in top]


def selected_term_ids(tree: list[TermGroup], codes: list[str]) -> frozenset[str]:
    """The ids a choice of codes searches for: a broad term on its own means everything under it;
    with narrower terms chosen too, just those narrower terms."""
    chosen = set(codes)
    found = set()
    for group in tree:
        narrower = [c for c in group.children if c.code in chosen]
        if narrower:
            found.update(str(c.pk) for c in narrower)
        elif group.term.code in chosen:
            found.add(str(group.term.pk))
    return frozenset(found)


def _codes(tree: list[TermGroup]) -> list[tuple[str, str]]:
    return [(term.code, term.name) for group in tree for term in (group.term, *group.children)]


def _narrowest(tree: list[TermGroup], codes: list[str]) -> list[str]:
    """The codes chosen, leaving out a broad term when narrower terms under it are chosen too
    (the broad term is only ticked to show them)."""
    chosen = set(codes)
    covered = {group.term.code for group in tree if any(c.code in chosen for c in group.children)}
    return [code for code in codes if code not in covered]


class SearchForm(forms.Form):
    q = TextField(
        label="Search by keyword",
        required=False,
        max_length=KEYWORD_LIMIT,
        help_text="For example, autism, speech therapy or short breaks",
        error_messages={
            "max_length": f"Keywords must be {KEYWORD_LIMIT} characters or fewer",
        },
    )
    postcode = TextField(
        label="Postcode",
        required=False,
        help_text="Your postcode, or the first part of it, like LS6",
    )
    distance = LenientChoiceField(
        label="Distance",
        required=False,
        choices=[("", "Any distance")]
        + [(str(m), f"Within {m} mile{'s' * (m > 1)}") for m in MILES],
    )
    category = LenientMultipleChoiceField(label="Category", required=False)
    need = LenientMultipleChoiceField(label="Special educational need", required=False)
    age = forms.TypedChoiceField(
        label="Age of child or young person",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any age")] + [(str(n), str(n)) for n in range(AGE_LIMIT + 1)],
        error_messages={"invalid_choice": f"Age must be a whole number from 0 to {AGE_LIMIT}"},
    )
    free = forms.BooleanField(label="Free services only", required=False)
    day = LenientMultipleChoiceField(label="Days", required=False, choices=DAYS)
    time = LenientChoiceField(
        label="Time of day",
        required=False,
        choices=[("", "Any time")] + [(t.code, t.label) for t in TIMES],
        widget=forms.RadioSelect,
    )
    sort = LenientChoiceField(label="Sort by", required=False, choices=SORTS)

    def __init__(self, data=None, *, categories=(), needs=(), **kwargs):
        super().__init__(data, **kwargs)
        self.categories = list(categories)
        self.needs = list(needs)
        self.fields["category"].choices = _codes(self.categories)
        self.fields["need"].choices = _codes(self.needs)
        self.place: geography.Place | None = None
        self.fields["postcode"].widget.attrs.update(
            {"autocomplete": "postal-code", "spellcheck": False, "class": "govuk-input--width-10"}
        )
        self.fields["q"].widget.attrs.update({"spellcheck": True})

    def clean_postcode(self):
        text = (self.cleaned_data.get("postcode") or "").strip()
        if not text:
            return ""
        try:
            self.place = geography.find_place(text)
        except geography.LocationError as error:
            raise forms.ValidationError(error.message) from None
        return self.place.postcode

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("distance")
            and not cleaned.get("postcode")
            and "postcode" not in self.errors
        ):
            self.add_error("postcode", "Enter a postcode to search within a distance")
        return cleaned

    # What the filters ask for -----------------------------------------------------------------

    def effective_sort(self) -> str:
        """The order asked for, or the natural one: nearest first for a postcode with no keyword,
        best match for a keyword, otherwise by name."""
        data = self.cleaned_data
        chosen = data.get("sort") or ""
        if chosen == "distance" and self.place is None:
            chosen = ""
        if chosen:
            return chosen
        if data.get("q", "").strip():
            return "relevance"
        return "distance" if self.place is not None else "name"

    def search_query(self, page: int = 1) -> SearchQuery:
        """The valid form's filters as a search query."""
        data = self.cleaned_data
        groups = tuple(
            group
            for group in (
                selected_term_ids(self.categories, data.get("category") or []),
                selected_term_ids(self.needs, data.get("need") or []),
            )
            if group
        )
        time_of_day = next((t for t in TIMES if t.code == data.get("time")), None)
        distance = data.get("distance")
        near = (self.place.latitude, self.place.longitude) if self.place else None
        return SearchQuery(
            text=data.get("q") or "",
            term_groups=groups,
            age=data.get("age"),
            free_only=bool(data.get("free")),
            near=near,
            within_km=geography.miles_to_km(int(distance)) if distance and near else None,
            weekdays=frozenset(DAY_NUMBERS[d] for d in data.get("day") or []),
            open_from=time_of_day.opens_from if time_of_day else None,
            open_until=time_of_day.open_until if time_of_day else None,
            sort=self.effective_sort(),
            page=page,
            per_page=PER_PAGE,
        )

    def active_filters(self) -> list[dict]:
        """The filters in use as MoJ filter tags: label, text and the query that removes it."""
        if not self.is_valid():
            return []
        data = self.cleaned_data
        names = {code: name for code, name in _codes(self.categories)}
        need_names = {code: name for code, name in _codes(self.needs)}
        day_names = dict(DAYS)
        time_names = {t.code: t.label for t in TIMES}
        distance_names = dict(self.fields["distance"].choices)
        tags = []

        def tag(label, text, drop: set[str], value: str | None = None):
            tags.append({"label": label, "text": text, "remaining": self._without(drop, value)})

        if data.get("q"):
            tag("Keyword", data["q"], {"q"})
        if data.get("postcode"):
            tag("Postcode", data["postcode"], {"postcode", "distance", "sort"})
        if data.get("distance"):
            tag("Distance", distance_names[data["distance"]], {"distance"})
        for code in _narrowest(self.categories, data.get("category") or []):
            tag("Category", names[code], {"category"}, code)
        for code in _narrowest(self.needs, data.get("need") or []):
            tag("Need", need_names[code], {"need"}, code)
        if data.get("age") is not None:
            tag("Age", str(data["age"]), {"age"})
        if data.get("free"):
            tag("Cost", "Free only", {"free"})
        for code in data.get("day") or []:
            tag("Day", day_names[code], {"day"}, code)
        if data.get("time"):
            tag("Time", time_names[data["time"]], {"time"})
        return tags

    def _without(self, names: set[str], value: str | None) -> list[tuple[str, str]]:
        """The query string's pairs without the named parameters (or one value of one of them),
        and without the page number."""
        remaining = []
        if hasattr(self.data, "lists"):
            pairs = self.data.lists()
        else:
            pairs = ((k, v if isinstance(v, list) else [v]) for k, v in self.data.items())
        for key, values in pairs:
            if key == "page":
                continue
            for item in values:
                if key in names and (value is None or item == value):
                    continue
                remaining.append((key, item))
        return remaining


class SuggestionForm(forms.Form):
    DETAILS_LIMIT = 2000

    topic = forms.ChoiceField(
        label="What do you want to tell us?",
        choices=SuggestionTopic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you want to tell us about"},
    )
    details = TextField(
        label="What needs to change?",
        help_text="Do not include personal information, such as a child's name or health details",
        max_length=DETAILS_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter what needs to change",
            "max_length": f"What needs to change must be {DETAILS_LIMIT:,} characters or fewer",
        },
    )
    name = TextField(
        label="Your name (optional)",
        required=False,
        max_length=150,
        error_messages={"max_length": "Your name must be 150 characters or fewer"},
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        max_length=254,
        help_text="We will only use this if we need to ask you about your suggestion",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Your email address must be 254 characters or fewer",
        },
    )
    # A honeypot: hidden from people (CSS), filled in by spam robots. Never shown as an error.
    website = TextField(label="Leave this field empty", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name", "spellcheck": False})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": False})
        self.fields["website"].widget.attrs.update({"autocomplete": "off"})

    def clean_website(self):
        # Whatever a robot put here, it is not a mistake to tell anyone about.
        return (self.cleaned_data.get("website") or "").strip()

    def clean_details(self):
        details = (self.cleaned_data.get("details") or "").strip()
        if not details:
            raise forms.ValidationError("Enter what needs to change")
        return details

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
