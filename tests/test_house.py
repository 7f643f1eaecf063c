"""The shape of the house: size, one job per module, words as data, layers, no speed hacks.

These are the measurable promises of the package layout (see README, "What is in the box").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "ygx_analysis"
MODULES = sorted(PACKAGE.rglob("*.py"))

MAX_PACKAGE_LINES = 17_000
"""The package was cut to 14,200 lines; the Word briefing and readable tables, the fan backtest and parameter
draws, the series rule, the zone's budget position, page layout and the citation routes added about 2,700.
A new feature that needs more cuts something first."""
MAX_MODULE_LINES = 500
MAX_CJK_OUTSIDE_DOCSTRINGS = 300
CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
# units and qualifier words that the loaders parse may stay in code
PARSED_WORDS = set("亿万元以上超多余约左右件家个人户平方米亩项")
# the layers, lowest first: a module may import only from its own layer or below
LAYERS = [{"arithmetic", "data"}, {"audit", "savings", "scenarios"}, {"exhibits"}, {"report"}, {"cli", "__main__"}]


def _lines(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\n")


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """ids of module, class and function docstrings and of attribute docstrings (a string after an assignment)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        first = body[0] if body else None
        if (isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                and isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)):
            found.add(id(first.value))
        for before, after in zip(body, body[1:], strict=False):
            if (isinstance(before, ast.Assign | ast.AnnAssign) and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)):
                found.add(id(after.value))
    return found


def cjk_outside_docstrings(path: Path) -> int:
    """Chinese characters in the string literals of a module that are not docstrings (parsed words excepted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstring_nodes(tree)
    return sum(1 for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
               for ch in CJK.findall(node.value) if ch not in PARSED_WORDS)


def test_cjk_counter_skips_docstrings_and_parsed_units():
    source = '"""模块说明"""\nX = "亿元以上"\n"""属性说明"""\ndef f():\n    """函数"""\n    return "标题"\n'
    path = PACKAGE.parent / "tests" / "_cjk_probe.py"
    try:
        path.write_text(source, encoding="utf-8")
        assert cjk_outside_docstrings(path) == 2
    finally:
        path.unlink()


def test_the_package_stays_small():
    total = sum(_lines(p) for p in MODULES)
    assert total <= MAX_PACKAGE_LINES, f"ygx_analysis/ holds {total} lines of Python"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_500_lines(path):
    assert _lines(path) <= MAX_MODULE_LINES


def test_words_live_in_metadata_files_not_in_python():
    per_module = {str(p.relative_to(PACKAGE)): cjk_outside_docstrings(p) for p in MODULES}
    total = sum(per_module.values())
    worst = sorted(((n, m) for m, n in per_module.items() if n), reverse=True)[:5]
    assert total <= MAX_CJK_OUTSIDE_DOCSTRINGS, f"{total} Chinese characters in code; most in {worst}"


def _imports(path: Path) -> set[str]:
    """The ygx_analysis modules that a module imports, at any depth of its code, as dotted names."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("ygx_analysis"):
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ygx_analysis"))
    return found


def _layer(dotted: str) -> int | None:
    parts = dotted.split(".")
    if len(parts) < 2:
        return None
    for i, layer in enumerate(LAYERS):
        if parts[1] in layer:
            return i
    return None


def test_nothing_imports_a_layer_above_its_own():
    bad = []
    for path in MODULES:
        own = _layer(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        if own is None:
            continue
        bad += [f"{path.relative_to(PACKAGE)} imports {name}" for name in sorted(_imports(path))
                if (layer := _layer(name)) is not None and layer > own]
    assert bad == []


def test_no_gc_scan_in_the_package_and_no_custom_xdist_scheduler_in_the_tests():
    assert not [p for p in MODULES if "gc.get_objects" in p.read_text(encoding="utf-8")]
    tests = [p for p in (REPO / "tests").glob("*.py") if p.name != Path(__file__).name]
    assert not [p.name for p in tests if "pytest_xdist_make_scheduler" in p.read_text(encoding="utf-8")]


def _module_level_graph() -> dict[str, set[str]]:
    """Module → the package modules it imports at import time (top-level statements only).

    ``from . import a`` names the submodule ``a``, not the package being imported.
    """
    names = {}
    for path in MODULES:
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        parts = parts[:-1] if is_init else parts
        names[".".join(parts)] = (path, ".".join(parts if is_init else parts[:-1]))
    graph = {}
    for module, (path, package) in names.items():
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module
                subs = {f"{target}.{a.name}" for a in node.names} & set(names)
                deps |= subs or ({target} & set(names))
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names} & set(names)
        graph[module] = deps - {module}
    return graph


def test_no_import_cycle():
    graph, done, cycles = _module_level_graph(), set(), []

    def visit(module: str, stack: list[str]) -> None:
        stack.append(module)
        for dep in sorted(graph[module]):
            if dep in stack:
                cycles.append(" -> ".join(stack[stack.index(dep):] + [dep]))
            elif dep not in done:
                visit(dep, stack)
        stack.pop()
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module, [])
    assert cycles == []


def test_the_cycle_check_sees_a_cycle(monkeypatch):
    fake = {"ygx_analysis.a": {"ygx_analysis.b"}, "ygx_analysis.b": {"ygx_analysis.a"}}
    monkeypatch.setitem(globals(), "_module_level_graph", lambda: fake)
    with pytest.raises(AssertionError):
        test_no_import_cycle()
