"""The shape of the code, checked as the tests run: small modules, thin views."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tracker"
MAX_MODULE_LINES = 400
MAX_VIEW_LINES = 30
ROUTE_DECORATORS = {"route", "get", "post"}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_two_features(path: Path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it"


def views() -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call)
                and isinstance(d.func, ast.Attribute)
                and d.func.attr in ROUTE_DECORATORS
                for d in node.decorator_list
            ):
                found.append((f"{path.relative_to(PACKAGE)}:{node.name}", node))
    return found


@pytest.mark.parametrize(("name", "view"), views(), ids=lambda v: v if isinstance(v, str) else "")
def test_views_are_thin(name: str, view: ast.FunctionDef):
    lines = (view.end_lineno or view.lineno) - view.lineno + 1
    assert lines <= MAX_VIEW_LINES, f"{name} is {lines} lines: move the work to services"
