"""The Local Offer's search: an in-memory, ranked, typo-tolerant index of services. Pure Python.

The caller turns published services into `ServiceDocument`s, builds a `SearchIndex` and keeps it
until the directory changes; `SearchIndex.search` then answers a `SearchQuery` without touching
the database. Everything a query needs is worked out at build time: postings lists holding each
word's finished score per service, per-field lengths, and columns for every filter.

Ranking (BM25F, k1 = 1.2): a service's fields count with the weights in `FIELDS`, name far above
taxonomy terms, then provider, places and description. Each query word is matched through
alternatives, each at a weight: the word's stem (1.0), its SEND synonym family (0.9, see
`search_text.SYNONYMS`), completions of the last word typed when it has 3 letters or more (0.7:
"physio" finds "physiotherapy"), and, for a word the index does not know, the closest known words
(0.6): 1 edit (a transposition counts as one) for words of 4 to 7 letters, 2 for longer ones;
shorter words and words with digits are not corrected. A service scores, for each query word, its
best alternative. Services matching more of the query's words always come first; then the score;
then name (case folded) and key, so the order is total and repeatable. Text made only of
stopwords matches nothing; no text at all matches everything, in name order.

Filters are exact and all apply together. Ages, times and distances follow the field comments on
`SearchQuery`. Opening times that close at or before they open run past midnight into the next
day ("00:00 to 00:00" is all day). Naive datetimes are taken as UTC.
"""

import bisect
import datetime
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from opensend.directory.geography import EARTH_RADIUS_KM
from opensend.directory.search_text import (
    STOPWORDS,
    VARIANT_WORDS,
    concept_spans,
    concepts_in,
    stem,
    tokens,
    words,
)

EXACT, SYNONYM, PREFIX, CORRECTED = 1.0, 0.9, 0.7, 0.6
K1 = 1.2
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 16
MAX_COMPLETIONS = 30  # most frequent completions of a prefix searched for
SORTS = ("relevance", "distance", "name")
_Test = Callable[[int], bool]  # a filter on a service's position
DAY_SECONDS = 24 * 60 * 60


class Field(NamedTuple):
    weight: float
    b: float  # how much a longer-than-average field is discounted (BM25 length normalisation)


FIELDS = {
    "name": Field(8.0, 0.5),
    "terms": Field(4.0, 0.3),
    "provider": Field(2.5, 0.3),
    "places": Field(1.5, 0.2),
    "description": Field(1.0, 0.75),
}


@dataclass(frozen=True)
class OpeningTime:
    weekday: int  # 0 Monday .. 6 Sunday
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class ServiceDocument:
    key: int  # database primary key
    name: str
    description: str
    provider: str  # organisation name
    terms: tuple[str, ...]  # names of taxonomy terms on the service (categories, needs, ...)
    term_ids: frozenset[str]  # uuid strings of those terms AND all their ancestor terms
    taxonomy_ids: frozenset[str]  # uuid strings of the taxonomies those terms belong to
    minimum_age: int | None
    maximum_age: int | None
    free: bool
    venues: tuple[tuple[float, float], ...]  # (lat, lon) of physical locations; empty = none
    places: tuple[str, ...]  # town names and postcodes of its venues (searchable text)
    opening: tuple[OpeningTime, ...]
    modified: datetime.datetime  # timezone-aware
    listed: bool = True  # False: not running (inactive, defunct); only found with include_unlisted


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    term_groups: tuple[frozenset[str], ...] = ()  # each group: any of these term ids (OR); ANDed
    taxonomy_id: str | None = None  # any term of this taxonomy
    age: int | None = None  # single year: minimum_age <= age <= maximum_age (None bounds = open)
    minimum_age: int | None = None  # ORUK: services whose minimum_age >= this (none: excluded)
    maximum_age: int | None = None  # ORUK: services whose maximum_age <= this (none: excluded)
    free_only: bool = False
    near: tuple[float, float] | None = None
    within_km: float | None = None  # with near: only services with a venue this close
    weekdays: frozenset[int] = frozenset()  # open on any of these days
    open_from: datetime.time | None = None  # open at some time overlapping [from, until]
    open_until: datetime.time | None = None  # (on the chosen days, or any day)
    modified_after: datetime.datetime | None = None
    sort: str = "relevance"  # "relevance" | "distance" | "name"; no text: name order
    page: int = 1
    per_page: int = 20
    include_unlisted: bool = False  # the ORUK feed publishes services that stopped running too


@dataclass(frozen=True)
class Hit:
    key: int
    score: float  # query words matched + a BM25F score squashed into [0, 1); 0.0 without text
    distance_km: float | None  # to the nearest venue when `near` is given


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: list[Hit]  # the requested page only
    corrections: dict[str, str]  # query word -> the word searched instead


@dataclass
class _Term:
    word: str
    stem: str
    alternatives: dict[str, float] = field(default_factory=dict)  # index token -> weight

    def offer(self, token: str, weight: float) -> None:
        if weight > self.alternatives.get(token, 0.0):
            self.alternatives[token] = weight


@dataclass(frozen=True)
class _Columns:
    """Per-service values the filters read, by position in name order."""

    min_age: list[int | None]
    max_age: list[int | None]
    venues: list[tuple[tuple[float, float, float], ...]]  # (lat rad, lon rad, cos lat)
    opening: list[tuple[tuple[int, int, int], ...]]  # (weekday, start s, end s)
    modified: list[datetime.datetime]
    free: frozenset[int]
    listed: frozenset[int]
    by_term: dict[str, frozenset[int]]
    by_taxonomy: dict[str, frozenset[int]]


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def _seconds(moment: datetime.time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _segments(opening: Iterable[OpeningTime]) -> tuple[tuple[int, int, int], ...]:
    """Opening times as (weekday, start, end) seconds; past midnight continues the next day."""
    segments = []
    for slot in opening:
        day, start, end = slot.weekday % 7, _seconds(slot.opens), _seconds(slot.closes)
        if end > start:
            segments.append((day, start, end))
            continue
        segments.append((day, start, DAY_SECONDS))
        if end > 0:
            segments.append(((day + 1) % 7, 0, end))
    return tuple(segments)


def _venues(venues: Iterable[tuple[float, float]]) -> tuple[tuple[float, float, float], ...]:
    kept = []
    for lat, lon in venues:
        if math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180:
            phi = math.radians(lat)
            kept.append((phi, math.radians(lon), math.cos(phi)))
    return tuple(kept)


def _index_by(values: Iterable[Iterable[str]]) -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for position, ids in enumerate(values):
        for identifier in ids:
            found.setdefault(identifier, set()).add(position)
    return {identifier: frozenset(docs) for identifier, docs in found.items()}


def _columns(docs: Sequence[ServiceDocument]) -> _Columns:
    return _Columns(
        min_age=[d.minimum_age for d in docs],
        max_age=[d.maximum_age for d in docs],
        venues=[_venues(d.venues) for d in docs],
        opening=[_segments(d.opening) for d in docs],
        modified=[_aware(d.modified) for d in docs],
        free=frozenset(i for i, d in enumerate(docs) if d.free),
        listed=frozenset(i for i, d in enumerate(docs) if d.listed),
        by_term=_index_by(d.term_ids for d in docs),
        by_taxonomy=_index_by(d.taxonomy_ids for d in docs),
    )


def _field_texts(doc: ServiceDocument) -> dict[str, Sequence[str]]:
    return {
        "name": (doc.name,),
        "terms": doc.terms,
        "provider": (doc.provider,),
        "places": doc.places,
        "description": (doc.description,),
    }


def _analyse(texts: Sequence[str], surfaces: set[str]) -> tuple[Counter[str], int]:
    """Token counts (stems and concepts) of a field's texts, and its length in words."""
    counts: Counter[str] = Counter()
    length = 0
    for text in texts:
        found = tokens(text)
        surfaces.update(word for word, _ in found)
        stems = [s for _, s in found]
        counts.update(stems)
        counts.update(concepts_in(stems))
        length += len(stems)
    return counts, length


class _Postings(NamedTuple):
    docs: "array[int]"  # positions of the services holding the token, ascending
    scores: "array[float]"  # the token's finished BM25F score in each


def _bm25f(analysed: list[dict[str, tuple[Counter[str], int]]]) -> dict[str, _Postings]:
    """Each token's postings with its finished BM25F score per service."""
    n = len(analysed)
    average = {name: max(1.0, sum(doc[name][1] for doc in analysed) / max(1, n)) for name in FIELDS}
    found: dict[str, tuple[list[int], list[float]]] = {}
    for position, fields in enumerate(analysed):
        weighted: dict[str, float] = {}  # token -> field-weighted, length-normalised frequency
        for name, (counts, length) in fields.items():
            spec = FIELDS[name]
            scale = spec.weight / (1 - spec.b + spec.b * length / average[name])
            for token, count in counts.items():
                weighted[token] = weighted.get(token, 0.0) + scale * count
        for token, frequency in weighted.items():
            if (lists := found.get(token)) is None:
                found[token] = ([position], [frequency])
            else:
                lists[0].append(position)
                lists[1].append(frequency)
    postings = {}
    for token, (docs, tfs) in found.items():
        idf = math.log(1 + (n - len(docs) + 0.5) / (len(docs) + 0.5))
        postings[token] = _Postings(
            array("l", docs), array("d", [idf * tf / (K1 + tf) * (K1 + 1) for tf in tfs])
        )
    return postings


class SearchIndex:
    """Services in name order, their postings lists and filter columns."""

    def __init__(
        self,
        documents: list[ServiceDocument],
        postings: dict[str, _Postings],
        expansions: dict[str, tuple[str, ...]],
        frequency: dict[str, int],
    ) -> None:
        self._docs = documents
        self._postings = postings
        self._expansions = expansions  # known word -> the index tokens it searches for
        self._frequency = frequency  # known word -> services using it
        self._vocabulary = sorted(expansions)
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocabulary:
            if word.isalpha():
                self._by_length.setdefault(len(word), []).append(word)
        self._columns = _columns(documents)

    @classmethod
    def build(cls, documents: Iterable[ServiceDocument]) -> "SearchIndex":
        docs = sorted(documents, key=lambda d: (d.name.casefold(), d.name, d.key))
        keys = [d.key for d in docs]
        if len(set(keys)) != len(keys):
            raise ValueError("search documents must have distinct keys")
        analysed = []
        frequency: Counter[str] = Counter()
        for doc in docs:
            surfaces: set[str] = set()
            analysed.append(
                {name: _analyse(texts, surfaces) for name, texts in _field_texts(doc).items()}
            )
            frequency.update(surfaces)
        postings = _bm25f(analysed)
        expansions = {}
        for word in chain(frequency, VARIANT_WORDS):
            found = (stem(word), VARIANT_WORDS.get(word, ""))
            known = tuple(token for token in found if token in postings)
            if known:
                expansions[word] = known
        return cls(docs, postings, expansions, dict(frequency))

    def __len__(self) -> int:
        return len(self._docs)

    def search(self, query: SearchQuery) -> SearchResults:
        corrections: dict[str, str] = {}
        scores: dict[int, tuple[int, float]] | None = None
        if query.text.strip():
            terms, corrections = self._terms(query.text)
            scores = self._score(terms)
            candidates: Iterable[int] = scores
        else:
            candidates = range(len(self._docs))
        kept = self._filter(candidates, query)
        distances = self._distances(kept, query)
        if distances is not None and query.within_km is not None:
            limit = query.within_km
            kept = [i for i in kept if (d := distances[i]) is not None and d <= limit]
        order = self._order(kept, query, scores, distances)
        per_page = max(1, query.per_page)
        start = (max(1, query.page) - 1) * per_page
        hits = [
            Hit(
                self._docs[i].key,
                _display_score(scores, i),
                distances[i] if distances is not None else None,
            )
            for i in order[start : start + per_page]
        ]
        return SearchResults(len(order), hits, corrections)

    # Query words -------------------------------------------------------------------------------

    def _terms(self, text: str) -> tuple[list[_Term], dict[str, str]]:
        typed = words(text[:MAX_QUERY_CHARS])
        terms: list[_Term] = []
        seen: set[str] = set()
        for word in typed:
            if word not in STOPWORDS and stem(word) not in seen and len(terms) < MAX_QUERY_WORDS:
                seen.add(stem(word))
                terms.append(_Term(word, stem(word)))
        last = typed[-1] if typed and typed[-1] not in STOPWORDS else None
        for term in terms:
            if term.stem in self._postings:
                term.offer(term.stem, EXACT)
            if last is not None and term.stem == stem(last):
                self._complete(term, last)
        self._offer_concepts(terms, [t.stem for t in terms], SYNONYM)
        corrections = {}
        for term in terms:
            if not term.alternatives and (replacement := self._correct(term)):
                corrections[term.word] = replacement
        if corrections:
            self._offer_concepts(terms, [t.stem for t in terms], CORRECTED * SYNONYM)
        return terms, corrections

    def _offer_concepts(self, terms: list[_Term], stems: list[str], weight: float) -> None:
        for start, end, concept in concept_spans(stems):
            if concept in self._postings:
                for term in terms[start:end]:
                    term.offer(concept, weight)

    def _complete(self, term: _Term, prefix: str) -> None:
        """Offer the most frequent known words the last word typed begins."""
        if len(prefix) < 3:
            return
        first = bisect.bisect_right(self._vocabulary, prefix)
        last = bisect.bisect_left(self._vocabulary, prefix + "\uffff", lo=first)
        completions = self._vocabulary[first:last]
        if len(completions) > MAX_COMPLETIONS:
            completions.sort(key=lambda w: -self._frequency.get(w, 0))
            completions = completions[:MAX_COMPLETIONS]
        for word in completions:
            for token in self._expansions[word]:
                term.offer(token, PREFIX)

    def _correct(self, term: _Term) -> str | None:
        """Offer the closest known words to an unknown word; the one to show, or None."""
        word = term.word
        if len(word) < 4 or not word.isalpha():
            return None
        limit = 1 if len(word) <= 7 else 2
        choices = [
            w
            for n in range(len(word) - limit, len(word) + limit + 1)
            for w in self._by_length.get(n, ())
        ]
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not found:
            return None
        nearest = min(distance for _, distance, _ in found)
        closest = sorted(
            (w for w, distance, _ in found if distance == nearest),
            key=lambda w: (-self._frequency.get(w, 0), w),
        )
        for replacement in closest:
            for token in self._expansions[replacement]:
                term.offer(token, CORRECTED)
        term.stem = stem(closest[0])
        return closest[0]

    def _score(self, terms: list[_Term]) -> dict[int, tuple[int, float]]:
        """Service position -> (query words matched, summed BM25F score)."""
        matched: dict[int, int] = {}
        total: dict[int, float] = {}
        for term in terms:
            best: dict[int, float] = {}
            for token, weight in term.alternatives.items():
                postings = self._postings[token]
                for doc, score in zip(postings.docs, postings.scores, strict=True):
                    weighted = score * weight
                    if weighted > best.get(doc, 0.0):
                        best[doc] = weighted
            for doc, score in best.items():
                matched[doc] = matched.get(doc, 0) + 1
                total[doc] = total.get(doc, 0.0) + score
        return {doc: (count, total[doc]) for doc, count in matched.items()}

    # Filters -----------------------------------------------------------------------------------

    def _filter(self, candidates: Iterable[int], query: SearchQuery) -> list[int]:
        columns = self._columns
        required: list[frozenset[int]] = []
        for group in query.term_groups:
            if group:
                required.append(
                    frozenset().union(*(columns.by_term.get(t, frozenset()) for t in group))
                )
        if query.taxonomy_id is not None:
            required.append(columns.by_taxonomy.get(query.taxonomy_id, frozenset()))
        if query.free_only:
            required.append(columns.free)
        if not query.include_unlisted and len(columns.listed) < len(self._docs):
            required.append(columns.listed)
        kept = list(candidates)
        for allowed in sorted(required, key=len):
            kept = [i for i in kept if i in allowed]
        for test in self._tests(query):
            kept = [i for i in kept if test(i)]
        return kept

    def _tests(self, query: SearchQuery) -> list[_Test]:
        columns = self._columns
        tests: list[_Test] = []
        if query.age is not None:
            tests.append(_age_test(columns, query.age))
        if query.minimum_age is not None:
            least = query.minimum_age
            tests.append(lambda i: (m := columns.min_age[i]) is not None and m >= least)
        if query.maximum_age is not None:
            most = query.maximum_age
            tests.append(lambda i: (m := columns.max_age[i]) is not None and m <= most)
        if query.weekdays or query.open_from is not None or query.open_until is not None:
            tests.append(_opening_test(columns, query))
        if query.modified_after is not None:
            after = _aware(query.modified_after)
            tests.append(lambda i: columns.modified[i] > after)
        return tests

    def _distances(self, kept: list[int], query: SearchQuery) -> list[float | None] | None:
        """Kilometres from `near` to each service's nearest venue, by position (None: no venue)."""
        if query.near is None:
            return None
        lat, lon = query.near
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return [None] * len(self._docs)
        phi0, lam0 = math.radians(lat), math.radians(lon)
        cos0 = math.cos(phi0)
        distances: list[float | None] = [None] * len(self._docs)
        sin, asin, sqrt = math.sin, math.asin, math.sqrt
        for i in kept:
            nearest = None
            for phi, lam, cos_phi in self._columns.venues[i]:
                h = sin((phi - phi0) / 2) ** 2 + cos0 * cos_phi * sin((lam - lam0) / 2) ** 2
                d = 2 * EARTH_RADIUS_KM * asin(sqrt(min(1.0, h)))
                if nearest is None or d < nearest:
                    nearest = d
            distances[i] = nearest
        return distances

    # Order -------------------------------------------------------------------------------------

    def _order(
        self,
        kept: list[int],
        query: SearchQuery,
        scores: dict[int, tuple[int, float]] | None,
        distances: list[float | None] | None,
    ) -> list[int]:
        """Positions in result order; a position is name order, so it breaks every tie."""
        if query.sort == "name":
            return sorted(kept)
        if query.sort == "distance" and distances is not None:
            found = distances

            def far(i: int) -> tuple[bool, float]:
                d = found[i]
                return (d is None, d if d is not None else 0.0)

            if scores is None:
                return sorted(kept, key=lambda i: (*far(i), i))
            ranked = scores
            return sorted(kept, key=lambda i: (*far(i), -ranked[i][0], -ranked[i][1], i))
        if scores is None:
            return sorted(kept)
        ranked = scores
        return sorted(kept, key=lambda i: (-ranked[i][0], -ranked[i][1], i))


def _age_test(columns: _Columns, age: int) -> _Test:
    def test(i: int) -> bool:
        low, high = columns.min_age[i], columns.max_age[i]
        return (low is None or low <= age) and (high is None or age <= high)

    return test


def _windows(query: SearchQuery) -> list[tuple[int, int]]:
    """The times of day asked for as [start, end) seconds; a window past midnight wraps."""
    start = _seconds(query.open_from) if query.open_from is not None else 0
    end = _seconds(query.open_until) if query.open_until is not None else DAY_SECONDS
    if start == end:
        return [(start, start + 1)]  # one moment: open at that time
    if start < end:
        return [(start, end)]
    return [(start, DAY_SECONDS), (0, end)]


def _opening_test(columns: _Columns, query: SearchQuery) -> _Test:
    days = query.weekdays
    windows = _windows(query)

    def test(i: int) -> bool:
        return any(
            (not days or day in days) and any(s < until and e > since for since, until in windows)
            for day, s, e in columns.opening[i]
        )

    return test


def _display_score(scores: dict[int, tuple[int, float]] | None, position: int) -> float:
    if scores is None:
        return 0.0
    matched, score = scores[position]
    return matched + score / (score + 1.0)
