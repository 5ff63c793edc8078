"""Small-number suppression for public and board-level outputs.

DfE and NHS practice: a count from 1 to 4 could identify a child, so it is shown as a marker;
a total that would let a suppressed cell be worked out is suppressed too (secondary suppression).
Zero is shown: it identifies no one.
"""

SUPPRESSED = "x"
THRESHOLD = 5


def suppress(count: int, threshold: int = THRESHOLD) -> int | str:
    return SUPPRESSED if 0 < count < threshold else count


def suppress_row(counts: dict[str, int], threshold: int = THRESHOLD) -> dict[str, int | str]:
    """Suppress small cells in one breakdown; if exactly one cell is hidden, hide the next smallest
    non-zero cell too, so the hidden value cannot be found by subtracting from the total."""
    shown: dict[str, int | str] = {k: suppress(v, threshold) for k, v in counts.items()}
    hidden = [k for k, v in shown.items() if v == SUPPRESSED]
    if len(hidden) == 1:
        candidates = sorted((v, k) for k, v in counts.items() if k not in hidden and v > 0)
        if candidates:
            shown[candidates[0][1]] = SUPPRESSED
    return shown
