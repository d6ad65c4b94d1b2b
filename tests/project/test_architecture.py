"""The shape of the code: which app may import which, and no module that ends up importing itself.

The import rules are the contracts in pyproject.toml ([tool.importlinter]); `make lint` checks them too. Cycles are
checked here on the same packages, counting imports inside functions as well: an import moved into a function to
dodge a circular import at start-up is still a circle for whoever reads the code.
"""

import itertools
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
ROOT_PACKAGES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


def test_the_import_contracts_hold():
    lint_imports = str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=os.environ.copy()
    )
    assert result.returncode == 0, result.stdout + result.stderr


def strongly_connected_components(graph) -> list[set[str]]:
    """Tarjan's algorithm, iteratively: the groups of modules that all (indirectly) import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(sorted(graph.find_modules_directly_imported_by(other)))))
                    break
                if other in on_stack:
                    low[module] = min(low[module], index[other])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == module:
                            break
                    components.append(component)
    return components


def describe_cycle(graph, component: set[str]) -> str:
    """One concrete circle through the component, with the line of each import."""
    first = min(component)
    second = min(graph.find_modules_directly_imported_by(first) & component)
    chain = [first, *graph.find_shortest_chain(importer=second, imported=first)]
    steps = []
    for importer, imported in itertools.pairwise(chain):
        details = graph.get_import_details(importer=importer, imported=imported)
        lines = sorted({detail["line_number"] for detail in details})
        steps.append(f"  {importer} -> {imported} (line {', '.join(map(str, lines))})")
    return f"{len(component)} modules: {', '.join(sorted(component))}\n" + "\n".join(steps)


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph(*ROOT_PACKAGES, exclude_type_checking_imports=True, cache_dir=None)
    cycles = [component for component in strongly_connected_components(graph) if len(component) > 1]
    assert not cycles, "Import cycles:\n" + "\n".join(describe_cycle(graph, component) for component in cycles)


def test_no_module_silences_the_rule_that_imports_come_first():
    """An import at the bottom of a module hides a circle or a registration; ruff's E402 must hold everywhere."""
    files = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    silenced = [
        f"{path}:{number}"
        for path in files.split()
        if "/migrations/" not in path
        for number, line in enumerate((ROOT / path).read_text().splitlines(), start=1)
        if re.search(r"#\s*noqa:[^#]*\bE402\b", line)
    ]
    assert not silenced, "Imports below the top of a module: " + ", ".join(silenced)
