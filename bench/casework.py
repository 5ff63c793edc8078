"""Benchmark: the casework lists at LA scale ("My cases", the team view, the 20-week tracker).

    .venv/bin/python bench/casework.py [--la Leeds] [--database-url URL] [--requests 60]

Builds the LA's demo partnership (register and ten years of casework) in a fresh database
(default: PostgreSQL `opensend_bench` on 127.0.0.1:5432, created if missing), signs in as the
busiest caseworker and as a SEND manager, and requests each page `--requests` times through
Django's test client (whole request: middleware, queries, template). Prints p50/p95/max per page.

The reference, run in the same process, is the straightforward way to build the same lists:
each case loaded on its own and its next step worked out in Python on every request (no stored
next step, no prefetching). Its time is compared with the query layer the pages use. Results are
printed and appended to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.register import machine, peak_rss_mib  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/opensend_bench"
PAGES = {
    "My cases (caseworker)": ("/casework/", "caseworker"),
    "Team view (SEND manager)": ("/casework/team/", "manager"),
    "20-week tracker (SEND manager)": ("/casework/assessments/", "manager"),
}


def ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_page(client, path: str, repeats: int) -> list[float]:
    for _ in range(3):
        assert client.get(path).status_code == 200, path
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, path
    return timings


def reference_my_cases(caseworker, today: dt.date) -> list:
    """The straightforward way: every open case, its next step worked out on the spot."""
    from opensend.casework.models import Request
    from opensend.casework.next_steps import next_step

    rows = []
    for case in Request.objects.filter(caseworker=caseworker, closed_on__isnull=True):
        step = next_step(case, today)
        if step:
            rows.append((step.due, case.pk, step.step, step.rag(today)))
    return sorted(rows)[:50]


def reference_team(organisation, today: dt.date) -> dict:
    from opensend.casework.models import Request
    from opensend.casework.next_steps import next_step

    counts: dict = {}
    for case in Request.objects.filter(local_authority=organisation, closed_on__isnull=True):
        step = next_step(case, today)
        row = counts.setdefault(case.caseworker_id, {"open": 0, "overdue": 0, "due_soon": 0})
        row["open"] += 1
        if step and step.due < today:
            row["overdue"] += 1
        elif step and (step.due - today).days <= 14:
            row["due_soon"] += 1
    return counts


def run(la: str, repeats: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client
    from django.utils import timezone

    from opensend.accounts.models import User
    from opensend.accounts.roles import Role
    from opensend.casework.models import Request

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("demo", la=la, seed=1, reset=True, verbosity=0)
    generation = time.perf_counter() - started
    today = timezone.localdate()

    open_cases = Q(cases__closed_on__isnull=True)
    caseworker = (
        User.objects.filter(role=Role.CASEWORKER, is_demo=True)
        .annotate(open=Count("cases", filter=open_cases))
        .order_by("-open")
        .first()
    )
    manager = User.objects.filter(
        role=Role.SEND_MANAGER, is_demo=True, organisation=caseworker.organisation
    ).first()
    clients = {}
    for key, user in (("caseworker", caseworker), ("manager", manager)):
        clients[key] = Client()
        clients[key].force_login(user)

    pages = {}
    for title, (path, who) in PAGES.items():
        timings = time_page(clients[who], path, repeats)
        pages[title] = {
            "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95),
            "max": max(timings),
        }

    from opensend.casework import queries

    def best_of(function, *args, runs=3):
        best = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            function(*args)
            best = min(best, time.perf_counter() - started)
        return best * 1000

    ours_my_cases = best_of(lambda: list(queries.my_cases(caseworker, today, {})[:50]))
    ours_team = best_of(lambda: queries.team_caseload(manager, today))
    reference_cases = best_of(reference_my_cases, caseworker, today, runs=1)
    reference_teams = best_of(reference_team, caseworker.organisation, today, runs=1)
    return {
        "la": la,
        "database": connection.vendor,
        "cases": Request.objects.count(),
        "open_cases": Request.objects.filter(closed_on__isnull=True).count(),
        "caseworker_open": caseworker.open,
        "generation_s": generation,
        "pages": pages,
        "my_cases_ms": (ours_my_cases, reference_cases),
        "team_ms": (ours_team, reference_teams),
        "peak_rss_mib": peak_rss_mib(),
    }


def report(result: dict) -> str:
    lines = [
        f"- {result['la']}, {result['database']}: {result['cases']:,} cases "
        f"({result['open_cases']:,} open; the busiest caseworker has "
        f"{result['caseworker_open']:,}). "
        f"Demo generation {result['generation_s']:.1f} s. Peak memory "
        f"{result['peak_rss_mib']:,.0f} MiB."
    ]
    for title, page in result["pages"].items():
        lines.append(
            f"  - {title}: p50 {page['p50']:.0f} ms, p95 {page['p95']:.0f} ms, "
            f"max {page['max']:.0f} ms (whole request)"
        )
    for title, key in (("My cases", "my_cases_ms"), ("Team caseload", "team_ms")):
        ours, reference = result[key]
        lines.append(
            f"  - {title} query: {ours:.1f} ms vs {reference:.0f} ms working out each case's next "
            f"step on the spot: {reference / ours:.0f}x faster"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", default="Leeds")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()
    ensure_database(args.database_url)
    env = dict(os.environ, OPENSEND_DATABASE_URL=args.database_url)
    command = [sys.executable, __file__, "--child", args.la, str(args.requests)]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    text = output.stdout.strip()
    print(text)
    if not args.no_record:
        with open(ROOT / "bench" / "RESULTS.md", "a") as results:
            results.write(
                f"\n### bench/casework.py, {dt.datetime.now():%Y-%m-%d %H:%M}, {machine()}\n\n"
                + text
                + "\n"
            )
    return 0


def child(la: str, repeats: int) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.settings")
    import django

    django.setup()
    print(report(run(la, repeats)))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2], int(sys.argv[3])))
    sys.exit(main())
