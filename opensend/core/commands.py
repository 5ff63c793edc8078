"""What the `opensend` commands share: the account a command acts as, and reading its input
file, each refused in words (exit status 2, "cannot run") rather than with a traceback."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

CANNOT_RUN = 2


def account(email: str):
    """The active account with this email address (any case), which the command acts as."""
    actor = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if actor is None:
        raise CommandError(
            f"There is no active account with the email address {email}", returncode=CANNOT_RUN
        )
    return actor


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        problem = "there is no such file"
    except IsADirectoryError:
        problem = "it is a folder, not a file"
    except OSError as error:
        problem = error.strerror or str(error)
    raise CommandError(f"Cannot read {path}: {problem}", returncode=CANNOT_RUN)
