"""Identifiers: the Unique Pupil Number (UPN), the Unique Learner Number (ULN), and record ids
(UUIDs, `as_uuid`).

Pure functions, no Django. Each `*_problem` function returns None for a valid value, or a sentence
saying what is wrong and how to fix it, so forms and imports give the same message.

UPN (DfE "Unique Pupil Numbers" guidance): 13 characters. Character 1 is a check letter; characters
2-4 the DfE LA number; 5-8 the establishment number; 9-10 the year of allocation; 11-12 a serial.
A permanent UPN ends in a digit; a temporary UPN ends in a letter. The check letter is the
weighted sum of characters 2-13 (weights 2 to 13, a letter in position 13 counting as its index
in the 23-letter alphabet below) modulo 23, mapped back through the same alphabet.

ULN (ESFA Learner Record Service): 10 digits. Weight digits 1-9 by 10 down to 2, sum, take the
remainder modulo 11; the tenth digit must equal 10 minus that remainder (a remainder of 0 is never
issued).
"""

import uuid

UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: no I, O or S
UPN_LENGTH = 13
ULN_LENGTH = 10


def normalise_identifier(value: str | None) -> str:
    """Upper case with spaces removed: how identifiers are stored and compared."""
    return "".join((value or "").split()).upper()


def upn_check_letter(body: str) -> str:
    """The check letter for the 12 characters that follow it in a UPN."""
    if len(body) != UPN_LENGTH - 1:
        raise ValueError("a UPN body has 12 characters")
    total = 0
    for weight, char in enumerate(body, start=2):
        total += (int(char) if char.isdigit() else UPN_ALPHABET.index(char)) * weight
    return UPN_ALPHABET[total % 23]


def upn_problem(value: str) -> str | None:
    upn = normalise_identifier(value)
    if len(upn) != UPN_LENGTH:
        return f"A UPN has 13 characters; this has {len(upn)}"
    if upn[0] not in UPN_ALPHABET:
        return "A UPN starts with a check letter (not I, O or S)"
    if not upn[1:12].isdigit():
        return "Characters 2 to 12 of a UPN are digits"
    if not (upn[12].isdigit() or upn[12] in UPN_ALPHABET):
        return "The last character of a UPN is a digit, or a letter (not I, O or S) if temporary"
    expected = upn_check_letter(upn[1:])
    if upn[0] != expected:
        return (
            f"The UPN's check letter does not match (expected {expected}): check for a typing error"
        )
    return None


def is_valid_upn(value: str) -> bool:
    return upn_problem(value) is None


def is_temporary_upn(value: str) -> bool:
    upn = normalise_identifier(value)
    return is_valid_upn(upn) and upn[12].isalpha()


def uln_check_digit(body: str) -> int | None:
    """The tenth digit for the first nine digits of a ULN, or None if no ULN can start so."""
    if len(body) != ULN_LENGTH - 1 or not body.isdigit():
        raise ValueError("a ULN body has 9 digits")
    remainder = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
    return None if remainder == 0 else 10 - remainder


def uln_problem(value: str) -> str | None:
    uln = normalise_identifier(value)
    if len(uln) != ULN_LENGTH or not uln.isdigit():
        return "A ULN is 10 digits"
    expected = uln_check_digit(uln[:9])
    if expected is None or int(uln[9]) != expected:
        return "The ULN's check digit does not match: check for a typing error"
    return None


def is_valid_uln(value: str) -> bool:
    return uln_problem(value) is None


def make_upn(la_code: int, establishment: int, year: int, serial: int) -> str:
    """A valid permanent UPN from its parts (used by the synthetic demo partnership)."""
    body = f"{la_code:03d}{establishment:04d}{year % 100:02d}{serial % 1000:03d}"
    return upn_check_letter(body) + body


def make_uln(first_nine: int) -> str | None:
    body = f"{first_nine:09d}"
    check = uln_check_digit(body)
    return None if check is None else body + str(check)


LONGEST_UUID = 45  # "urn:uuid:" and a hyphenated UUID; the canonical form is 36


def as_uuid(value: object) -> uuid.UUID | None:
    """A UUID from a UUID or its text in any of Python's spellings, or None for anything else
    (including text too long to be one, read without trying)."""
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > LONGEST_UUID:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
