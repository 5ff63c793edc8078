"""Words the directory's models, pure modules and pages share: the age range, the days of the
week, what service statuses are called, and counts in words. Pure Python."""

AGE_LIMIT = 25  # the Local Offer covers children and young people aged 0 to 25
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# ORUK's service status values, and what families and editors see
STATUS_LABELS = {
    "active": "Open",
    "temporarily closed": "Temporarily closed",
    "inactive": "Not running",
    "defunct": "Closed for good",
}


def count_of(n: int, noun: str) -> str:
    """`n` things in words: "1 service", "2,000 services"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
