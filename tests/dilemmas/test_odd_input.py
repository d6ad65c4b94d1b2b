"""A worksheet step saved with an odd row number keeps every row and everything typed."""

import pytest

from tests.dilemmas.helpers import step1_data, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 5000])
def test_removing_a_row_with_an_odd_number_removes_nothing(as_user, owner, worksheet, value):
    client = as_user(owner)
    data = step1_data(stakeholders=[("De inwoner", ""), ("De buren", "")], remove=value)
    response = client.post(url("step", pk=worksheet.pk, number=1), data)
    assert response.status_code == 302
    assert [row.name for row in worksheet.stakeholders.order_by("position")] == ["De inwoner", "De buren"]
