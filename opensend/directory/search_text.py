"""Words for the Local Offer search: folding, stopwords, stemming and SEND synonyms. Pure Python.

Text is folded (accents dropped, case folded, apostrophes removed so "Down's" reads "downs"),
split on anything that is not a letter or digit, stripped of common English stopwords and stemmed
with the Snowball English stemmer ("therapies" and "therapy" both stem to "therapi").

Stemming does not join every family of SEND words ("autistic" stems to "autist", "autism" to
"autism"; "dyslexic" to "dyslex"), and families use abbreviations, so `SYNONYMS` names a few small
families. Any variant found in a service's text adds the family's concept token ("=autism") to the
index; a query word that is a variant, or part of a multi-word variant, also searches for the
concept token, scored a little below the word itself. Down's syndrome needs no entry for its
spellings ("Down syndrome", "Down's", "Downs" all stem to "down syndrom"), only for "trisomy 21".
"""

import re
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

# Common English words that carry no meaning in a search of services. Not "down" (Down
# syndrome), "after" (after-school clubs), "out" (days out) or "under" (under 5s).
STOPWORDS = frozenset(
    """a about all also an and any are as at be been but by can do does for from get has have
    how i if in into is it its me my near of on or our so than that the their them there these
    they this those to us was we were what when where which who will with you your""".split()  # noqa: SIM905
)

# Families of SEND words: concept -> the ways services and parents write it. Multi-word variants
# match the words in order once stopwords are dropped ("speech and language" = "speech language").
# "ASC" is listed for autism spectrum condition, although councils also use it for adult social
# care; "literacy" is in the dyslexia family because literacy support is what dyslexic children
# are offered.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "autism": ("autism", "autistic", "asd", "asc"),
    "adhd": ("adhd", "attention deficit", "hyperactivity"),
    "speech-language-therapy": (
        "salt",
        "slt",
        "speech and language",
        "speech therapy",
        "speech therapist",
    ),
    "occupational-therapy": ("ot", "occupational therapy", "occupational therapist"),
    "mental-health": ("semh", "camhs", "mental health", "emotional wellbeing"),
    "sign-language": ("bsl", "sign language", "british sign"),
    "short-breaks": ("respite", "short breaks"),
    "physical-disability": ("wheelchair", "physical disability", "physically disabled"),
    "dyslexia": ("dyslexia", "dyslexic", "spld", "literacy"),
    "down-syndrome": ("down syndrome", "trisomy 21"),
}
CONCEPT_MARK = "="  # concept tokens cannot collide with words: words are letters and digits

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018`")
_stemmer = snowballstemmer.stemmer("english")
_stemmer_lock = threading.Lock()  # a Snowball stemmer object keeps state while it works


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.casefold().translate(_APOSTROPHES)


def words(text: str) -> list[str]:
    """Every word of the text, folded, stopwords included."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of a folded word; words with digits are kept whole."""
    if not word.isalpha():
        return word
    with _stemmer_lock:
        return str(_stemmer.stemWord(word))


def tokens(text: str) -> list[tuple[str, str]]:
    """(word, stem) for each word of the text that is not a stopword, in order."""
    return [(word, stem(word)) for word in words(text) if word not in STOPWORDS]


def concept_token(concept: str) -> str:
    return CONCEPT_MARK + concept


def _variant_stems(variant: str) -> tuple[str, ...]:
    return tuple(s for _, s in tokens(variant))


def _compile() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First stem -> [(stems of the variant, concept token)], longest variant first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for concept, variants in SYNONYMS.items():
        for variant in variants:
            stems = _variant_stems(variant)
            by_first.setdefault(stems[0], []).append((stems, concept_token(concept)))
    for entries in by_first.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return by_first


_VARIANTS_BY_FIRST_STEM = _compile()

# Single-word variants: folded word -> concept token (for typo correction and prefixes).
VARIANT_WORDS: dict[str, str] = {
    word: concept_token(concept)
    for concept, variants in SYNONYMS.items()
    for variant in variants
    if len(found := words(variant)) == 1
    for word in found
}


def concept_spans(stems: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, concept token) for each synonym variant found in a sequence of stems."""
    spans = []
    for start, first in enumerate(stems):
        for variant, concept in _VARIANTS_BY_FIRST_STEM.get(first, ()):
            end = start + len(variant)
            if tuple(stems[start:end]) == variant:
                spans.append((start, end, concept))
    return spans


def concepts_in(stems: Sequence[str]) -> list[str]:
    """The concept token of every variant in a sequence of stems (repeated per occurrence)."""
    return [concept for _, _, concept in concept_spans(stems)]
