""""Did you mean" lookups against a large vocabulary per audience (search.vocabulary), and the same lookups without
the audience filter, to show what the filter costs.

Run against a throwaway PostgreSQL only (it empties the vocabulary table):

    bin/with-postgres sh -c 'psql "${DATABASE_URL%/kennisplatform}/postgres" -qc "CREATE DATABASE kennisplatform" \
        && .venv/bin/python manage.py migrate -v0 && .venv/bin/python manage.py shell < bench/vocabulary.py'

About 450,000 rows of pseudo-words (a third each public, members, one of 200 groups); per audience, five rounds of
ten misspelt words, each `similar_words` + `known_words` as "did you mean" calls them.
"""

import statistics
import time

from django.db import connection

from search.audience import VISITOR, Audience
from search.backends import get_backend
from search.backends.sql import fetch

WORDS = ["bemiddelng", "klachtenprocedre", "janszem", "mediatr", "vertrouwlijk"]
WORDS += ["gemeentee", "overlastt", "borgerr", "afsprak", "intervsie"]
AUDIENCES = {
    "visitor": VISITOR,
    "member": Audience(member=True),
    "group member": Audience(member=True, group_ids=frozenset({5, 17, 42})),
}


def timed(lookup) -> str:
    times = []
    for _round in range(5):
        for word in WORDS:
            started = time.perf_counter()
            lookup(word)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return f"p50 {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms"


with connection.cursor() as cursor:
    cursor.execute("DELETE FROM search_searchword")
    cursor.execute(
        "INSERT INTO search_searchword (language, word, visibility, group_id, documents)"
        " SELECT 'nl', translate(substr(md5(i::text), 1, 4 + i % 8), '0123456789', 'ghijklmnop'),"
        " CASE WHEN i % 3 = 0 THEN 'public' WHEN i % 3 = 1 THEN 'members' ELSE 'groups' END,"
        " CASE WHEN i % 3 = 2 THEN i % 200 ELSE 0 END, 1"
        " FROM generate_series(1, 450000) i ON CONFLICT DO NOTHING"
    )
    cursor.execute("ANALYZE search_searchword")
backend = get_backend()
for name, audience in AUDIENCES.items():
    print(name, timed(lambda word, a=audience: (backend.similar_words(word, (), a), backend.known_words([word], a))))


def unfiltered(word):
    fetch(
        "SELECT word, MAX(similarity(word, %s)) AS score FROM search_searchword WHERE word %% %s"
        " GROUP BY word ORDER BY score DESC, word LIMIT 5",
        [word, word],
    )
    fetch("SELECT DISTINCT word FROM search_searchword WHERE word IN (%s)", [word])


print("without the audience filter", timed(unfiltered))
