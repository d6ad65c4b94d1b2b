"""The shape of a "who may" rule: one rule, written as a pair that must agree.

Every app keeps its rules in its own `permissions.py`. A rule that is asked about one object in hand (a page, a
template) and also applied to a list (a queryset, a search, a notification) is written twice — once per side — and
bound together as a `Rule`. tests/trust/test_permission_pairs.py finds every `Rule` in every app's permissions
module and checks on a generated population that `check(user, obj)` is true exactly when `obj` is in
`filter(user)`: one code path cannot show what another hides.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Rule:
    model: type[Model]
    check: Callable[[Any, Any], bool]
    filter: Callable[[Any], QuerySet]

    def __call__(self, user, obj) -> bool:
        return self.check(user, obj)
