"""accounts does each of these things one way: e-mails through rookie.lib.email, language codes from
rookie.lib.languages, roles through accounts/roles.py and the User properties, objects through each
area's access module. Each test reads the source, so a new copy of an old way fails here."""

import ast
import re
from pathlib import Path

import accounts

ROOT = Path(accounts.__file__).parent
TEMPLATES = Path(accounts.__file__).parent.parent / "templates"
SOURCES = sorted(path for path in ROOT.rglob("*.py") if "migrations" not in path.parts)


def _lines_matching(pattern, paths):
    regex = re.compile(pattern)
    return [
        f"{path.relative_to(ROOT.parent)}:{number}"
        for path in paths
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if regex.search(line)
    ]


def test_every_e_mail_is_built_by_the_library():
    assert _lines_matching(r"EmailMessage|EmailMultiAlternatives|send_mail\(|render_to_string\(.email/", SOURCES) == []


def test_no_module_keeps_its_own_list_of_language_codes():
    assert _lines_matching(r"for code, _\w* in settings\.LANGUAGES|in dict\(settings\.LANGUAGES\)", SOURCES) == []


def test_roles_are_compared_in_one_place():
    allowed = {ROOT / "models" / "user.py", ROOT / "roles.py"}
    python = [path for path in SOURCES if path not in allowed]
    templates = sorted(TEMPLATES.rglob("*.html"))
    comparisons = r"\.role\s*(==|!=|not in\b|in\b)|(==|!=)\s*[\w.]*Role\.|Role\.\w+\s*(==|!=)"
    # In templates any reading of a user's role (a contact's role is their job title, not a user's).
    users = r"\b(user|client|member|coach|owner|recipient)\.role\b"
    assert _lines_matching(comparisons, python) + _lines_matching(users, templates) == []


def test_views_use_the_one_role_decorator():
    others = [path for path in SOURCES if path != ROOT / "roles.py"]
    assert _lines_matching(r"def \w+_required\(", others) == []


def test_no_private_helper_is_imported_from_another_module():
    offenders = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("accounts"):
                offenders += [f"{path}: {alias.name}" for alias in node.names if alias.name.startswith("_")]
    assert offenders == []


def test_no_view_looks_an_object_up_with_first_and_raises_404_itself():
    offenders = []
    for path in SOURCES:
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            after = " ".join(lines[number + 1 : number + 3])
            if ".first()" in line and "raise Http404" in after:
                offenders.append(f"{path}:{number + 1}")
    assert offenders == []


def test_the_tracker_imports_nothing_from_coaching():
    offenders = []
    for path in sorted((ROOT / "tracker").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [f"{path}: {name}" for name in names if name.startswith("accounts.coaching")]
    assert offenders == []
