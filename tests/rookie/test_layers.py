"""The allowed arrows between packages (import-linter contracts in pyproject.toml, docs/architecture.md).

`make lint` (and so CI) runs lint-imports on the real tree. These tests show that it would catch a
forbidden import: for each contract, a copy of the packages gets one new module that breaks it, and
lint-imports must fail naming that contract. A new contract without an example here fails
`test_every_contract_has_a_forbidden_example`.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

# Each test starts lint-imports or make.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
CONTRACTS = [contract["name"] for contract in CONFIG["contracts"]]

# contract name → (new module, its forbidden import)
FORBIDDEN = {
    "The library imports no app and not the shell": ("rookie/lib/layer_probe.py", "import articles.models"),
    "Apps do not import the shell (only the library)": ("networks/layer_probe.py", "from rookie import settings"),
    "The tracker never imports coaching (coaching builds on the tracker)": (
        "accounts/tracker/layer_probe.py",
        "from accounts.coaching import services",
    ),
    "Networks import neither guides nor the tracker nor coaching": (
        "networks/layer_probe.py",
        "import accounts.tracker.queries",
    ),
    "Only the benchmark imports the benchmark": ("articles/layer_probe.py", "import bench.data"),
    "Guides do not import the site pages": (
        "articles/layer_probe.py",
        "import sitepages.models",
    ),
}


def _lint_imports(cwd):
    # --no-cache: nothing written beside the code; PYTHONPATH: the packages are found in `cwd` first.
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _python_only(directory, names):
    return [
        name
        for name in names
        if name == "__pycache__" or (not name.endswith(".py") and not (Path(directory) / name).is_dir())
    ]


@pytest.fixture
def tree(tmp_path):
    """A copy of the root packages' Python files and of pyproject.toml (the contracts)."""
    for package in CONFIG["root_packages"]:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_python_only)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _broken(output):
    """Names of the contracts lint-imports reports as broken."""
    return {name for name in CONTRACTS if f"{name} BROKEN" in output}


def test_every_contract_has_a_forbidden_example():
    assert set(FORBIDDEN) == set(CONTRACTS)


@pytest.mark.parametrize("contract", CONTRACTS)
def test_a_forbidden_import_fails_the_build_naming_its_contract(tree, contract):
    path, statement = FORBIDDEN[contract]
    (tree / path).write_text(f'"""Breaks one contract on purpose."""\n\n{statement}  # noqa: F401\n')
    result = _lint_imports(tree)
    assert result.returncode != 0, result.stdout
    assert contract in _broken(result.stdout), result.stdout + result.stderr
    assert path.removesuffix(".py").replace("/", ".") in result.stdout


def test_the_copy_without_a_forbidden_import_passes(tree):
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not _broken(result.stdout)


def test_the_real_tree_keeps_every_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


def _make_dry_run(target):
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_make_lint_runs_lint_imports_after_ruff():
    commands = _make_dry_run("lint")
    ruff = next(n for n, line in enumerate(commands) if "ruff check" in line)
    lint_imports = next((n for n, line in enumerate(commands) if line.endswith("/lint-imports")), None)
    assert lint_imports is not None and lint_imports > ruff, commands


def test_ci_runs_lint_and_typecheck():
    steps = (ROOT / ".ci" / "run").read_text().splitlines()
    assert "make lint" in steps and "make typecheck" in steps
    assert any(line.startswith("DEBUG=1 ") and line.endswith("/mypy") for line in _make_dry_run("typecheck"))
