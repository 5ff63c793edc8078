"""Demo sign-ins: one or more accounts for every role, all with the same published password.

Demo accounts are marked `is_demo`; OpenSEND refuses to start in production while any exist
(`opensend demo --remove` takes them away).
"""

import random

from django.contrib.auth.hashers import check_password, make_password

from opensend.accounts.models import User
from opensend.accounts.roles import OrganisationKind, Role

DEMO_PASSWORD = "opensend-demo-2026"
DEMO_DOMAIN = "demo.opensend.test"
# (role, how many, which organisation: a key of the partnership's organisations)
DEMO_ACCOUNTS = [
    (Role.CASEWORKER, 4, "la"),
    (Role.SEND_MANAGER, 2, "la"),
    (Role.ANALYST, 1, "la"),
    (Role.ANALYST, 1, OrganisationKind.ICB),
    (Role.BOARD_MEMBER, 1, OrganisationKind.ICB),
    (Role.BOARD_MEMBER, 1, OrganisationKind.FORUM),
    (Role.DIRECTORY_EDITOR, 1, "la"),
    (Role.ADMINISTRATOR, 1, "la"),
    # A demo Local Offer provider's editor, whose changes wait for review (directory_editor2)
    (Role.DIRECTORY_EDITOR, 1, "directory_provider"),
]
ROLE_ORDER = {role: n for n, role in enumerate(Role)}


def create_demo_users(local_authority, organisations: dict, schools: list, names) -> list[User]:
    """The demo sign-ins for a partnership, plus a SENCo at its first school."""
    rng = random.Random(f"opensend-demo-users:{local_authority.code}")
    password = make_password(DEMO_PASSWORD)  # hashed once: the same password for every account
    domain = f"{local_authority.slug}.{DEMO_DOMAIN}"
    counts: dict[str, int] = {}
    users = []
    for role, how_many, where in DEMO_ACCOUNTS:
        for _ in range(how_many):
            counts[role] = counts.get(role, 0) + 1
            users.append(
                _user(
                    f"{role}{counts[role]}@{domain}",
                    role,
                    organisations[where],
                    names,
                    rng,
                    password,
                )
            )
    if schools:
        users.append(_user(f"senco1@{domain}", Role.CASEWORKER, schools[0], names, rng, password))
    return User.objects.bulk_create(users)


def create_team(local_authority, la_organisation, names, how_many: int) -> list[User]:
    """The rest of the LA's casework team, to share the demo's cases: demo accounts nobody can
    sign in with (no password), so they are not listed with the demo sign-ins."""
    rng = random.Random(f"opensend-demo-team:{local_authority.code}")
    domain = f"{local_authority.slug}.{DEMO_DOMAIN}"
    team = []
    for n in range(how_many):
        user = _user(
            f"team.caseworker{n + 1}@{domain}", Role.CASEWORKER, la_organisation, names, rng, ""
        )
        user.set_unusable_password()
        team.append(user)
    return User.objects.bulk_create(team)


def _user(email, role, organisation, names, rng, password) -> User:
    forename, _, surname = names.person(rng, rng.choice("MF"))
    return User(
        email=email,
        full_name=f"{forename} {surname}",
        role=role,
        organisation=organisation,
        is_demo=True,
        password=password,
        is_staff=role == Role.ADMINISTRATOR,
    )


def describe_demo_accounts() -> str:
    """A table of the demo sign-ins, or '' if there are none."""
    users = sorted(
        (
            u
            for u in User.objects.filter(is_demo=True).select_related("organisation")
            if u.has_usable_password()
        ),
        key=lambda u: (str(u.organisation), ROLE_ORDER.get(u.role, 99), u.email),
    )
    if not users:
        return ""
    unchanged = {h: check_password(DEMO_PASSWORD, h) for h in {u.password for u in users}}
    rows = [("Email", "Role", "Organisation", "Password")] + [
        (
            u.email,
            Role(u.role).label if u.role in Role.values else u.role,
            str(u.organisation),
            DEMO_PASSWORD if unchanged[u.password] else "(changed)",
        )
        for u in users
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return (
        "Demo sign-ins (synthetic people only; remove with `opensend demo --remove` "
        "before going live):\n" + "\n".join(lines) + "\n"
    )
