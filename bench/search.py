"""Search benchmark: this platform's PostgreSQL backend vs Wagtail's database backend vs a raw tsquery.

Run against a throwaway PostgreSQL (never a real database: it creates and drops `kennisplatform_bench`):

    bin/with-postgres .venv/bin/python bench/search.py --sizes 10000 100000

For each size it bulk-inserts a generated corpus (Dutch, Danish and English text, tags, six content types, public /
members-only / private-group documents) straight into the search document table, indexes the same texts into
Wagtail's own search index (modelsearch's IndexEntry table, through its PostgreSQL backend's `add_items`), and times
a fixed set of queries as a visitor, as a member and as a member of three private groups (the platform only):
  - platform: search.backends.postgres.PostgresBackend.search(), as the search page calls it: permission filter,
    facet counts (type, tag, language, organisation) and the page of 10 hits with snippets; above
    SEARCH_EXACT_COUNT_LIMIT matches (5,000) the counts are estimated from one in 32 of the matches and the hits
    ranked among the title matches plus that sample (see PostgresBackend.search);
  - platform-exact: the same with every count exact and every match ranked (the limit raised out of reach), to
    show what the estimates save;
  - wagtail: modelsearch's database backend on the same rows (the permission filter as a filter field), the first
    10 hits, the count, and facets on type, language and organisation (Wagtail cannot facet or AND-filter tags; those
    parts are left out, which favours it), with its single text search configuration ("simple" by default);
  - ceiling: the same tsquery on the GIN index and nothing else: count the matches, fetch ten (unranked), no
    permission filter, no facets, no snippets — the floor any full-text search over these rows must pay.
The corpus: word frequencies from the platform's own demo prose (nl/da/en) plus a long tail of compounds, each
document with a few topic words of its own; 1-4 tags; 6 content types; 70 % public, 20 % members, 10 % in one of
50 private groups; 60 % with an organisation; dates over three years.
It prints p50/p95 per backend and audience and writes the table to docs/benchmarks.md.
"""

# ruff: noqa: S311, S608 -- a seeded generator for a reproducible corpus; SQL from constants and table names.

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
BENCH_DB = "kennisplatform_bench"
RUNS = 7  # timed runs per query (after one warm-up)
WAGTAIL_RUNS = 3  # Wagtail's backend takes seconds per query at 100k; fewer runs keep the benchmark short


def _words(text: str) -> list[str]:
    return text.split()


NL = _words(
    "bemiddeling bemiddelingen bemiddelaar gemeente gemeenten inwoner inwoners bezwaar bezwaren klacht klachten "
    "gesprek gesprekken conflict conflicten ambtenaar ambtenaren procedure procedures vertrouwelijkheid mediator "
    "mediators oplossing oplossingen afspraak afspraken partijen belang belangen overheid besluit besluiten "
    "vergunning vergunningen buurt buren overlast handhaving leidinggevende medewerker medewerkers intervisie "
    "verslag termijn hoorzitting regio samenwerking pool extern intern vrijwillig onpartijdig luisteren vragen "
    "de het een en van in op met voor dat niet is zijn wordt door bij als ook of naar om dan over nog tot"
)
DA = _words(
    "mægling mæglingen mægler mæglere kommune kommunen kommuner borger borgere klage klager klagen samtale "
    "samtaler konflikt konflikter medarbejder medarbejdere sagsbehandling afgørelse afgørelser aftale aftaler "
    "parter interesse interesser myndighed forvaltning naboer støj tilsyn leder ledelse supervision referat "
    "frist høring region samarbejde netværk ekstern intern frivillig upartisk lytte spørgsmål fortrolighed "
    "og i at det en den til er som på de med for ikke der af var han om har vi kan"
)
EN = _words(
    "mediation mediator mediators council councils citizen citizens objection objections complaint complaints "
    "conversation conversations conflict conflicts civil servant servants procedure procedures confidentiality "
    "solution solutions agreement agreements parties interest interests government decision decisions permit "
    "permits neighbours noise enforcement manager employee employees supervision report deadline hearing region "
    "cooperation pool external internal voluntary impartial listen questions "
    "the of and to in is that for it as with was on be by at this are or from"
)
WORDS = {"nl": NL, "da": DA, "en": EN}
TAGS = {
    "nl": "mediation bezwaar klacht vertrouwelijkheid mediatorpool intervisie implementatie buurtbemiddeling "
    "arbeidsconflict handhaving vergunning jeugdzorg wmo belastingen parkeren onderwijs",
    "da": "mægling klage fortrolighed mæglernetværk supervision implementering nabomægling arbejdskonflikt "
    "tilsyn byggetilladelse børn skat parkering skole",
    "en": "mediation objection complaint confidentiality mediator-pool supervision implementation "
    "neighbour-mediation workplace-conflict enforcement permit youth tax parking education",
}
TAGS = {language: _words(text) for language, text in TAGS.items()}
KINDS = [("page", 15), ("protocol", 10), ("training", 8), ("dilemma", 7), ("experience", 20), ("forum", 40)]
VISIBILITY = [("public", 70), ("members", 20), ("groups", 10)]
QUERIES = [
    ("bemiddeling", {}),
    ("bemiddelingen gemeente", {}),
    ("klacht over overlast", {}),
    ("mæglingen", {}),
    ("borger klage kommune", {}),
    ("mediation", {}),
    ("complaint procedure", {}),
    ("bemiddeling", {"tags": ("mediation",)}),
    ("mediation", {"languages": ("nl",), "kinds": ("protocol", "training")}),
    ("vertrouwelijkheid mediator", {"tags": ("mediation", "vertrouwelijkheid")}),
]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _count_by_language(value, counts) -> None:
    """Count the words of every {"nl": …, "da": …, "en": …} structure found inside `value`."""
    import re

    if isinstance(value, dict):
        if set(WORDS) <= set(value):
            for language in WORDS:
                for text in _strings(value[language]):
                    for word in re.findall(r"[^\W\d_]+", re.sub(r"<[^>]+>", " ", text).lower()):
                        counts[language][word] = counts[language].get(word, 0) + 1
            return
        for item in value.values():
            _count_by_language(item, counts)
    elif isinstance(value, list | tuple):
        for item in value:
            _count_by_language(item, counts)


def vocabulary(rng) -> dict[str, tuple[list[str], list[float]]]:
    """Per language: words with cumulative weights. Real word frequencies from the platform's own demo prose (plus
    the domain words above), and a long tail of rarer compounds of them, as Dutch and Danish build words."""
    counts = {language: {} for language in WORDS}
    for module in ("knowledge.demo_pages", "protocols.demo_pages", "knowledge.training.demo_texts"):
        try:
            values = [v for k, v in vars(__import__(module, fromlist=["_"])).items() if k.isupper()]
        except Exception:  # noqa: S112 -- other areas' texts are a bonus, not a requirement
            continue
        _count_by_language(values, counts)
    result = {}
    for language, words in WORDS.items():
        frequency = counts[language]
        for word in words:
            frequency[word] = frequency.get(word, 0) + 2
        content = [word for word in frequency if len(word) >= 5]
        for _ in range(15_000):
            frequency.setdefault(rng.choice(content) + rng.choice(content), 0.05)
        ordered = sorted(frequency.items(), key=lambda item: -item[1])
        cumulative, total = [], 0.0
        for _word, weight in ordered:
            total += weight
            cumulative.append(total)
        result[language] = ([word for word, _weight in ordered], cumulative)
    return result


def weighted(rng, pairs):
    return rng.choices([value for value, _w in pairs], weights=[w for _v, w in pairs])[0]


def generate(size, organisation_ids, seed=2026):
    rng = random.Random(seed)
    words = vocabulary(rng)
    now = datetime.now(UTC)

    def text(language, n, topic):
        vocabulary_words, cumulative = words[language]
        chosen = rng.choices(vocabulary_words, cum_weights=cumulative, k=n)
        # A document keeps returning to its own few topic words, as real texts do.
        for position in rng.sample(range(n), k=min(n, n // 12)):
            chosen[position] = rng.choice(topic)
        return " ".join(chosen)

    for number in range(size):
        language = weighted(rng, [("nl", 50), ("da", 30), ("en", 20)])
        vocabulary_words = words[language][0]
        topic = rng.sample(vocabulary_words[: len(vocabulary_words) // 2], 5)
        title = text(language, rng.randint(3, 8), topic).capitalize()
        summary = text(language, rng.randint(12, 30), topic).capitalize() + "."
        body = ". ".join(text(language, rng.randint(8, 20), topic).capitalize() for _ in range(rng.randint(8, 30)))
        tags = sorted(set(rng.sample(TAGS[language], rng.randint(1, 4))))
        visibility = weighted(rng, VISIBILITY)
        groups = [rng.randint(1, 50)] if visibility == "groups" else []
        updated = now - timedelta(days=rng.randint(0, 1100), minutes=rng.randint(0, 1440))
        organisation = rng.choice(organisation_ids) if organisation_ids and rng.random() < 0.6 else None
        yield {
            "number": number,
            "kind": weighted(rng, KINDS),
            "language": language,
            "title": title,
            "summary": summary,
            "body": body + ".",
            "tags": tags,
            "visibility": visibility,
            "groups": groups,
            "organisation": organisation,
            "updated": updated,
        }


def prepare_database():
    from bench import throwaway

    throwaway.create(BENCH_DB).close()


def load(size, bench_model):
    """Bulk-insert the corpus into the search tables (COPY) and the same texts into Wagtail's index."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from modelsearch.backends import get_search_backend
    from wagtail.search.models import IndexEntry  # Wagtail's concrete index table (modelsearch's model)

    from accounts.models import Organisation
    from search.models import SearchDocument, SearchDocumentGroup, SearchDocumentTag, SearchWord

    with connection.cursor() as cursor:
        for model in (SearchDocumentTag, SearchDocumentGroup, SearchWord, SearchDocument, IndexEntry):
            cursor.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    content_type = ContentType.objects.get_for_model(SearchDocument).pk
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    started = time.perf_counter()
    raw = connection.connection
    with raw.cursor() as cursor:
        columns = (
            "id, source_type_id, source_id, kind, language, title, summary, body, tags_text, tags, organisation_id, "
            "visibility, url, published_at, updated_at, indexed_at"
        )
        with cursor.copy(f"COPY {SearchDocument._meta.db_table} ({columns}) FROM STDIN") as copy:
            for doc in generate(size, organisations):
                pk = doc["number"] + 1
                tags_json = "[" + ", ".join(f'["{t}", "{t}"]' for t in doc["tags"]) + "]"
                copy.write_row(
                    (
                        pk,
                        content_type,
                        pk,
                        doc["kind"],
                        doc["language"],
                        doc["title"],
                        doc["summary"],
                        doc["body"],
                        " ".join(doc["tags"]),
                        tags_json,
                        doc["organisation"],
                        doc["visibility"],
                        f"/bench/{pk}/",
                        doc["updated"],
                        doc["updated"],
                        doc["updated"],
                    )
                )
        with cursor.copy(f"COPY {SearchDocumentTag._meta.db_table} (document_id, slug, name) FROM STDIN") as copy:
            for doc in generate(size, organisations):
                for tag in doc["tags"]:
                    copy.write_row((doc["number"] + 1, tag, tag))
        with cursor.copy(f"COPY {SearchDocumentGroup._meta.db_table} (document_id, group_id) FROM STDIN") as copy:
            for doc in generate(size, organisations):
                for group in doc["groups"]:
                    copy.write_row((doc["number"] + 1, group))
        # The vocabulary per audience (search.vocabulary): a group document's words count in each of its groups.
        cursor.execute(
            f"INSERT INTO {SearchWord._meta.db_table} (language, word, visibility, group_id, documents)"
            " SELECT d.language, w, d.visibility, COALESCE(g.group_id, 0), COUNT(DISTINCT d.id)"
            f" FROM {SearchDocument._meta.db_table} d LEFT JOIN {SearchDocumentGroup._meta.db_table} g"
            " ON g.document_id = d.id AND d.visibility = 'groups',"
            " regexp_split_to_table(lower(d.title || ' ' || d.summary), '\\W+') w"
            " WHERE length(w) >= 3 GROUP BY 1, 2, 3, 4"
        )
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{SearchDocument._meta.db_table}', 'id'), {size})")
    raw.commit()
    platform_seconds = time.perf_counter() - started
    started = time.perf_counter()
    index = get_search_backend().get_index_for_model(bench_model)
    objects = bench_model.objects.order_by("pk")
    for offset in range(0, size, 1000):
        index.add_items(bench_model, list(objects[offset : offset + 1000]))
    wagtail_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return platform_seconds, wagtail_seconds


def bench_model_class():
    from django.db import models  # noqa: F401  (the model below needs the app registry ready)
    from modelsearch import index
    from modelsearch.abstract_models import TextIDGenericRelation
    from wagtail.search.models import IndexEntry

    from search.models import SearchDocument

    class BenchDocument(index.Indexed, SearchDocument):
        search_fields = [
            index.SearchField("title", boost=3),
            index.SearchField("tags_text", boost=2),
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.FilterField("visibility"),
            index.FilterField("kind"),
            index.FilterField("language"),
            index.FilterField("organisation_id"),
        ]

        class Meta:
            proxy = True
            app_label = "search"

    # modelsearch adds this relation to the indexed models it finds at start-up; this one comes later.
    TextIDGenericRelation(IndexEntry).contribute_to_class(BenchDocument, "index_entries")
    return BenchDocument


def timed(function, runs=RUNS):
    function()  # warm-up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run_queries(bench_model):
    from django.db import connection, transaction
    from django.test import override_settings
    from modelsearch.backends import get_search_backend

    from search import conf
    from search.audience import VISITOR, Audience
    from search.backends.base import SearchQuery
    from search.backends.postgres import PostgresBackend, tsquery_sql

    platform_backend, wagtail = PostgresBackend(), get_search_backend()
    # A group member belongs to three of the 50 private groups. Wagtail's backend cannot filter on group membership
    # (its filter fields take no join), so it is timed for visitors and members only.
    audiences = {
        "visitor": VISITOR,
        "member": Audience(member=True),
        "group member": Audience(member=True, group_ids=frozenset({1, 2, 3})),
    }
    visible = {"visitor": ["public"], "member": ["public", "members"]}
    samples, per_query = {}, {}
    for audience_name, audience in audiences.items():
        for text, options in QUERIES:
            query = SearchQuery(text=text, audience=audience, **options)
            label = text + "".join(f" [{key}: {', '.join(values)}]" for key, values in options.items())
            measured = timed(lambda q=query: platform_backend.search(q))
            samples.setdefault(("platform", audience_name), []).extend(measured)
            with override_settings(SEARCH_EXACT_COUNT_LIMIT=10**9):
                exact = timed(lambda q=query: platform_backend.search(q))
            samples.setdefault(("platform-exact", audience_name), []).extend(exact)
            if audience_name == "visitor":
                where, params = platform_backend.where(query)
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT COUNT(*) FROM search_searchdocument d WHERE {where}", params)
                    matches = cursor.fetchone()[0]
                response = platform_backend.search(query)
                shown = f"about {response.total:,}" if "total" in response.estimated else f"{response.total:,}"
                per_query[label] = {"matches": matches, "shown": shown, "platform": measured, "platform-exact": exact}

            if audience_name not in visible:
                continue

            def wagtail_search(text=text, options=options, audience_name=audience_name):
                queryset = bench_model.objects.filter(visibility__in=visible[audience_name])
                if options.get("languages"):
                    queryset = queryset.filter(language__in=options["languages"])
                if options.get("kinds"):
                    queryset = queryset.filter(kind__in=options["kinds"])
                results = wagtail.search(text, queryset, operator="and")
                list(results[:10])
                results.count()
                for field in ("kind", "language", "organisation_id"):
                    results.facet(field)

            measured = timed(wagtail_search, WAGTAIL_RUNS)
            samples.setdefault(("wagtail", audience_name), []).extend(measured)
            if audience_name == "visitor":
                per_query[label]["wagtail"] = measured

            def ceiling(text=text):
                # The same three-language tsquery the platform builds, answered from the GIN index alone: the
                # number of matches and ten of them. No permission filter, ranking, facets or snippets.
                tsquery, params = tsquery_sql(text, conf.languages())
                matches = f"FROM search_searchdocument WHERE search_vector @@ {tsquery}"
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SET LOCAL enable_seqscan = off")  # as the platform does: the GIN bitmap
                    cursor.execute(f"SELECT count(*) {matches}", params)
                    cursor.execute(f"SELECT id {matches} LIMIT 10", params)
                    cursor.fetchall()

            measured = timed(ceiling)
            samples.setdefault(("ceiling", audience_name), []).extend(measured)
            if audience_name == "visitor":
                per_query[label]["ceiling"] = measured
    return samples, per_query


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    prepare_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    bench_model = bench_model_class()
    rows, breakdown = [], {}
    for size in args.sizes:
        print(f"Generating and indexing {size:,} documents…", flush=True)
        platform_seconds, wagtail_seconds = load(size, bench_model)
        print(f"  loaded in {platform_seconds:.0f} s (platform table) and {wagtail_seconds:.0f} s (Wagtail index)")
        samples, breakdown[size] = run_queries(bench_model)
        for (backend, audience), values in samples.items():
            rows.append((size, backend, audience, statistics.median(values), percentile(values, 0.95), len(values)))
            print(f"  {backend:14} {audience:12} p50 {rows[-1][3]:7.1f} ms   p95 {rows[-1][4]:7.1f} ms")
        rows.append((size, "load", f"{platform_seconds:.0f} s / {wagtail_seconds:.0f} s", 0, 0, 0))
    write_report(args.output, rows, breakdown)


def write_report(path, rows, breakdown):
    from bench import report  # the project root is on the path once the script runs

    lines = [
        "## Search",
        "",
        f"Machine: {report.machine()}.",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bin/with-postgres .venv/bin/python bench/search.py "
        "--sizes 10000 100000` (see the docstring of bench/search.py for what each column measures).",
        "",
        f"{len(QUERIES)} queries × {RUNS} timed runs each ({WAGTAIL_RUNS} for Wagtail), per audience, after one "
        "warm-up run. Times in milliseconds, end to end in Python (database round trips included).",
        "",
        "platform: what the search page does (above 5,000 matches the counts are estimated from one document in 32 "
        "and the title matches are ranked; see search/README.md). platform-exact: every count exact and every match "
        "ranked. The ceiling counts every match exactly through the GIN index, so the platform's estimated searches "
        "can come in under it.",
        "",
        "| documents | backend | audience | p50 ms | p95 ms | samples |",
        "|---:|---|---|---:|---:|---:|",
    ]
    loads = []
    for size, backend, audience, p50, p95, count in rows:
        if backend == "load":
            loads.append(
                f"- {size:,} documents: bulk load + tsvector generation {audience} (platform table / Wagtail index)"
            )
            continue
        lines.append(f"| {size:,} | {backend} | {audience} | {p50:.1f} | {p95:.1f} | {count} |")
    for size, queries in breakdown.items():
        lines += [
            "",
            f"Per query at {size:,} documents, as a visitor (p50 ms; matches = documents a visitor may read, "
            "shown = the total the search page shows):",
            "",
            "| query | matches | shown | platform | platform-exact | wagtail | ceiling |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for label, measured in queries.items():
            backends = ("platform", "platform-exact", "wagtail", "ceiling")
            cells = " | ".join(f"{statistics.median(measured[b]):.1f}" for b in backends)
            lines.append(f"| {label} | {measured['matches']:,} | {measured['shown']} | {cells} |")
    lines += ["", "Load times:", "", *loads]
    report.write_section(path, "search", lines)
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
