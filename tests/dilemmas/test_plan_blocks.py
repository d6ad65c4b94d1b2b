"""Editors define the steps; every part of the worksheet must be guided by at least one of them."""

import pytest
from wagtail.blocks.stream_block import StreamBlockValidationError

from knowledge.dilemmas.blocks import PlanStepsBlock


def steps(*sections):
    block = PlanStepsBlock()
    raw = [
        {
            "type": "step",
            "value": {"section": section, "title": f"Stap {n}", "guiding_questions": ["Wat speelt er?"]},
        }
        for n, section in enumerate(sections, 1)
    ]
    return block, block.to_python(raw)


def test_a_plan_covering_the_three_parts_is_valid():
    block, value = steps("inventory", "weighing", "weighing", "personal")
    assert len(block.clean(value)) == 4


def test_a_plan_missing_a_part_names_what_is_missing():
    block, value = steps("inventory", "weighing")
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert "Ontbreekt: 3. Persoonlijk perspectief." in str(error.value.non_block_errors)
