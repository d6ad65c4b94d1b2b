"""Dashboard benchmark: how long the measurement dashboard and the regional benchmark take as the case register grows.

Run against a throwaway PostgreSQL (never a real database: it creates and drops `kennisplatform_bench_dashboard`):

    bin/with-postgres .venv/bin/python bench/dashboard.py --sizes 10000 100000

For each size it bulk-inserts N cases spread over 40 organisations in 4 networks of 10 (one big organisation holds a
fifth of all cases, the others share the rest), received over the last two years, each with what the figures count:
1-4 contacts, an informal approach (BIA) for most objections, a mediation for about one case in six, hours for two
or three roles, and a closing (outcome, statutory term, some still open). Then it times, after one warm-up run:
  - dashboard (big org): `measurement.queries.case_figures([org], period)` + `monthly(org, period)` for the big
    organisation and the last twelve months: the figures and trend series of the dashboard;
  - dashboard (small org): the same for one of the other organisations (the same queries, far fewer rows);
  - benchmark (network): `case_figures(ids of the 10 organisations of the big one's network, period)`: what the
    regional benchmark counts;
  - dashboard page / benchmark page: a full GET through django.test.Client as the big organisation's coordinator,
    with the number of queries it made (only when the view is built: the skeleton's placeholders are skipped);
  - the same figures again with candidate indexes added (cases on (organisation, closed_on) and (organisation,
    mediation_started_on), contacts on happened_on, informal approaches on called_on), to see whether any is needed.
It prints p50/p95 per measurement and writes the table into the dashboard section of docs/benchmarks.md.
"""

# ruff: noqa: S311 -- a seeded generator for reproducible data.

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
BENCH_DB = "kennisplatform_bench_dashboard"
RUNS = 15  # timed runs per measurement (after one warm-up)
PAGE_RUNS = 7
ORGANISATIONS, NETWORKS = 40, 4
BIG_SHARE = 0.2
CHUNK = 5_000
CANDIDATE_INDEXES = [
    ("bench_case_org_closed", "cases_case (organisation_id, closed_on)"),
    ("bench_case_org_mediation", "cases_case (organisation_id, mediation_started_on)"),
    ("bench_contact_day", "cases_contact (happened_on)"),
    ("bench_informal_day", "cases_informalapproach (called_on)"),
]


def prepare_database():
    from bench import throwaway

    return throwaway.create(BENCH_DB)


def drop_database(admin):
    from bench import throwaway

    throwaway.drop(admin, BENCH_DB)


def organisations():
    """40 organisations in 4 networks; the first is the big one, with a coordinator who opens the dashboard."""
    from accounts.models import Membership, Organisation, User
    from pool.choices import NetworkMembershipStatus
    from pool.models import Network, NetworkMembership

    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Gemeente Bench {number:02d}", slug=f"bench-{number:02d}", is_verified=True)
        for number in range(ORGANISATIONS)
    )
    for number in range(NETWORKS):
        network = Network.objects.create(name=f"Bench network {number}", slug=f"bench-network-{number}")
        members = orgs[number * (ORGANISATIONS // NETWORKS) : (number + 1) * (ORGANISATIONS // NETWORKS)]
        NetworkMembership.objects.bulk_create(
            NetworkMembership(network=network, organisation=org, status=NetworkMembershipStatus.ACTIVE)
            for org in members
        )
    coordinator = User.objects.create_user(email="coordinator@bench.example", password="bench-only")  # noqa: S106
    coordinator.email_verified_at = datetime.now(UTC)
    coordinator.save()
    Membership.objects.create(
        user=coordinator,
        organisation=orgs[0],
        role=Membership.Role.COORDINATOR,
        status=Membership.Status.ACTIVE,
        source=Membership.Source.DOMAIN,
    )
    return orgs, coordinator


def load(size, orgs, today, seed=2026):
    """Bulk-insert `size` cases with their contacts, BIAs, hours and mediations, in chunks."""
    from cases.choices import CaseKind, CaseStatus, Channel, HoursRole, MediatorSource, ObjectionResult, Outcome
    from cases.models import Case, Contact, Hours, InformalApproach

    rng = random.Random(seed)
    kinds = [CaseKind.OBJECTION] * 8 + [CaseKind.COMPLAINT] * 3 + [CaseKind.STAFF_CONFLICT]
    results = list(ObjectionResult)
    outcomes = list(Outcome)
    rows = {"cases": 0, "contacts": 0, "informal approaches": 0, "hours": 0}
    for first in range(0, size, CHUNK):
        planned = []
        for _number in range(first, min(size, first + CHUNK)):
            org = orgs[0] if rng.random() < BIG_SHARE else orgs[rng.randrange(1, len(orgs))]
            received = today - timedelta(days=rng.randint(0, 730))
            kind = rng.choice(kinds)
            due = received + timedelta(weeks=rng.choice((6, 12))) if kind != CaseKind.STAFF_CONFLICT else None
            lead = rng.randint(5, 140)
            closed = received + timedelta(days=lead) if received + timedelta(days=lead) <= today else None
            mediated = rng.random() < 0.17
            case = Case(
                organisation=org,
                reference=f"B-{_number}",
                kind=kind,
                received_on=received,
                decision_due_on=due,
                mediation_started_on=received + timedelta(days=min(lead, rng.randint(5, 30))) if mediated else None,
                mediator_source=rng.choice(list(MediatorSource)) if mediated else "",
            )
            if closed is not None:
                case.status, case.closed_on, case.outcome = CaseStatus.CLOSED, closed, rng.choice(outcomes)
            bia = kind == CaseKind.OBJECTION and rng.random() < 0.8
            planned.append((case, bia, rng.randint(1, 4)))
        cases = Case.objects.bulk_create([case for case, _bia, _contacts in planned], batch_size=CHUNK)
        contacts, informal, hours = [], [], []
        for case, bia, count in planned:
            span = max(1, ((case.closed_on or today) - case.received_on).days)
            for _contact in range(count):
                day = case.received_on + timedelta(days=rng.randint(0, span))
                contacts.append(Contact(case=case, happened_on=day, channel=rng.choice(list(Channel))))
            if bia:
                day = case.received_on + timedelta(days=min(span, rng.randint(3, 14)))
                informal.append(InformalApproach(case=case, called_on=day, agreements="-", result=rng.choice(results)))
            roles = [HoursRole.HANDLER, *([HoursRole.MEDIATOR] if case.mediation_started_on else [])]
            if rng.random() < 0.5:
                roles.append(HoursRole.OFFICIALS)
            hours += [Hours(case=case, role=role, hours=Decimal(rng.randint(1, 20)) / 2) for role in roles]
        Contact.objects.bulk_create(contacts, batch_size=CHUNK)
        InformalApproach.objects.bulk_create(informal, batch_size=CHUNK)
        Hours.objects.bulk_create(hours, batch_size=CHUNK)
        rows["cases"] += len(cases)
        rows["contacts"] += len(contacts)
        rows["informal approaches"] += len(informal)
        rows["hours"] += len(hours)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return rows


def clear():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE cases_case CASCADE")
        for name, _definition in CANDIDATE_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


def add_candidate_indexes():
    from django.db import connection

    with connection.cursor() as cursor:
        for name, definition in CANDIDATE_INDEXES:
            cursor.execute(f"CREATE INDEX {name} ON {definition}")
        cursor.execute("ANALYZE")


def timed(function, runs=RUNS):
    function()  # warm-up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def built(module) -> bool:
    """False while the view module is the skeleton's placeholder."""
    return not (module.__doc__ or "").startswith("PLACEHOLDER")


def pages(orgs, coordinator):
    """(label, url) of the pages to GET, for the views that are built."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    found = []
    try:
        from measurement.views import benchmark, dashboard
    except ImportError:
        return found
    for label, module, name in (("dashboard page", dashboard, "dashboard"), ("benchmark page", benchmark, "benchmark")):
        if not built(module):
            print(f"  {label}: the view is still a placeholder; not timed")
            continue
        try:
            with translation.override("nl"):
                found.append((label, reverse(f"measurement:{name}", kwargs={"slug": orgs[0].slug})))
        except NoReverseMatch:
            print(f"  {label}: no URL; not timed")
    return found


def measure(orgs, coordinator, today, *, with_pages=True):
    from django.test import override_settings

    from measurement.periods import Period
    from measurement.queries import case_figures, monthly

    period = Period.last_twelve_months(today)
    big, small = orgs[0], orgs[ORGANISATIONS // 2 + 1]
    network = [org.pk for org in orgs[: ORGANISATIONS // NETWORKS]]

    def dashboard(org):
        def run():
            case_figures([org.pk], period)
            monthly(org.pk, period)

        return run

    samples = {
        "dashboard figures (big org)": (timed(dashboard(big)), None),
        "dashboard figures (small org)": (timed(dashboard(small)), None),
        "benchmark figures (network of 10)": (timed(lambda: case_figures(network, period)), None),
    }
    if with_pages:
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            samples.update(time_pages(orgs, coordinator))
    return samples


def time_pages(orgs, coordinator):
    """Each built page, fetched as the big organisation's coordinator: its times and its number of queries."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    samples = {}
    client = Client()
    client.force_login(coordinator)
    for label, url in pages(orgs, coordinator):
        # Django empties the query log when a request starts: start from an empty log, or the count is off.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            print(f"  {label}: {url} answered {response.status_code}; not timed")
            continue
        samples[f"{label} (GET, big org)"] = (timed(lambda url=url: client.get(url), PAGE_RUNS), len(queries))
    return samples


def explain(orgs, today):
    """Print each query of the dashboard's figures with its plan's time and top nodes (for finding a slow one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from measurement.periods import Period
    from measurement.queries import case_figures, monthly

    period = Period.last_twelve_months(today)
    for label, org in (("big org", orgs[0]), ("small org", orgs[ORGANISATIONS // 2 + 1])):
        with CaptureQueriesContext(connection) as queries:
            case_figures([org.pk], period)
            monthly(org.pk, period)
        print(f"  EXPLAIN ANALYZE, dashboard figures of the {label}:")
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                cursor.execute(f"EXPLAIN (ANALYZE, FORMAT TEXT) {query['sql']}")
                plan = [row[0] for row in cursor.fetchall()]
                total = next((line for line in plan if line.startswith("Execution Time")), "")
                print(f"    {total:32} {query['sql'][:110]}")
                for line in plan[:6]:
                    print(f"        {line[:150]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--explain", action="store_true", help="print the query plans of the dashboard's figures")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    admin = prepare_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    today = date.today()
    orgs, coordinator = organisations()
    table, loads = [], []
    try:
        for size in args.sizes:
            clear()
            print(f"Generating {size:,} cases…", flush=True)
            started = time.perf_counter()
            rows = load(size, orgs, today)
            seconds = time.perf_counter() - started
            loads.append(
                f"- {size:,} cases: " + ", ".join(f"{n:,} {what}" for what, n in rows.items()) + f" in {seconds:.0f} s"
            )
            print("  " + loads[-1][2:])
            if args.explain:
                explain(orgs, today)
            for indexes in ("existing indexes", "with candidate indexes"):
                if indexes == "with candidate indexes":
                    add_candidate_indexes()
                samples = measure(orgs, coordinator, today, with_pages=indexes == "existing indexes")
                for label, (values, queries) in samples.items():
                    p50, p95 = statistics.median(values), percentile(values, 0.95)
                    table.append((size, label, indexes, p50, p95, len(values), queries))
                    query_note = f"   {queries} queries" if queries is not None else ""
                    print(f"  {label:38} {indexes:24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms{query_note}")
        write_report(args.output, table, loads, args.sizes)
    finally:
        drop_database(admin)


def write_report(path, table, loads, sizes):
    from bench import report  # the project root is on the path once the script runs

    lines = [
        "## Dashboard and regional benchmark",
        "",
        f"Machine: {report.machine()}.",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bin/with-postgres .venv/bin/python bench/dashboard.py "
        f"--sizes {' '.join(str(size) for size in sizes)}` (see the docstring of bench/dashboard.py for what each "
        "row measures).",
        "",
        f"{ORGANISATIONS} organisations in {NETWORKS} networks; the big organisation holds {BIG_SHARE:.0%} of the "
        f"cases; period: the last twelve months of two years of cases. {RUNS} timed runs per figure "
        f"({PAGE_RUNS} per page) after one warm-up. Times in milliseconds, end to end in Python (database round "
        "trips included).",
        "",
        "| cases | measurement | indexes | p50 ms | p95 ms | samples | queries |",
        "|---:|---|---|---:|---:|---:|---:|",
    ]
    for size, label, indexes, p50, p95, count, queries in table:
        queries = "" if queries is None else queries
        lines.append(f"| {size:,} | {label} | {indexes} | {p50:.1f} | {p95:.1f} | {count} | {queries} |")
    lines += ["", "Data:", "", *loads]
    report.write_section(path, "dashboard", lines)
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
