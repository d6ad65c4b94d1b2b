"""Two saves of the same step at once (an autosave and a click, or two tabs) on real parallel connections: they
take turns, so the rows end up as one of the two versions, never mixed and never failing."""

import threading

import pytest
from django.db import connection

from knowledge.dilemmas import services
from knowledge.dilemmas.steps import step_forms
from tests import factories
from tests.dilemmas.helpers import step1_data


@pytest.mark.django_db(transaction=True)
def test_parallel_saves_of_the_rows_take_turns(committed_db):
    worksheet = factories.worksheet(factories.member(), "Parallel")
    versions = {
        "a": [(f"A{n}", "Belang") for n in range(8)],
        "b": [(f"B{n}", "Belang") for n in range(5)],
    }
    barrier = threading.Barrier(len(versions))
    errors = []

    def save(rows):
        try:
            forms = step_forms(worksheet, 1, step1_data(title="Parallel", stakeholders=rows))
            assert forms.is_valid()
            barrier.wait(timeout=10)
            services.save_step(worksheet, forms)
        except Exception as error:  # reported below: an exception in a thread would otherwise vanish
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(rows,)) for rows in versions.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    names = list(worksheet.stakeholders.values_list("name", flat=True))
    assert names in ([name for name, _ in versions["a"]], [name for name, _ in versions["b"]])
