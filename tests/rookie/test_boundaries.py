"""Rules about where code lives that a reader would otherwise have to check by hand: the shared
library names no app, cache counters are written one way, each app makes its cached pages stale
from its signals.py only, and the language list is read from one place."""

import ast
import re
from pathlib import Path

from articles.links import guide_link_rules

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "articles", "networks", "rookie", "bench", "sitepages")


def _python_files(*folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _relative(path):
    return path.relative_to(ROOT).as_posix()


def test_the_library_names_no_app_and_no_section_of_the_site():
    # The app labels and the first path segments the URLconf mounts (guides, networks, me, coach…).
    names = {"accounts", "articles", "networks", "tracker", "coaching", *guide_link_rules().sections}
    found = []
    for path in _python_files("rookie/lib"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
                found.append(f"{_relative(path)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_cache_counters_are_only_written_by_the_counter_helper():
    # "add, then incr" has to handle a key expiring in between; rookie/lib/counters.py does it once.
    allowed = {"rookie/lib/counters.py", "rookie/lib/cache_guard.py"}  # the helper, and the cache wrapper
    pattern = re.compile(r"\.incr\(|\.decr\(|cache\.add\(")
    found = [
        f"{_relative(path)}:{number}"
        for path in _python_files(*APPS)
        if _relative(path) not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_guide_and_network_pages_are_made_stale_from_signals_only():
    found = [
        f"{_relative(path)}:{number}"
        for path in _python_files("articles", "networks")
        if path.name != "signals.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\bbump(_members)?\(", line)
    ]
    assert found == []


def test_no_module_keeps_its_own_list_of_languages():
    # rookie/lib/languages.py reads settings.LANGUAGES; settings.py defines it.
    allowed = {"rookie/lib/languages.py", "rookie/settings.py"}
    pattern = re.compile(
        r"settings\.LANGUAGES\b|settings\.MODELTRANSLATION_LANGUAGES|[\[(]\s*['\"]en['\"],\s*['\"]sv['\"],\s*['\"]da['\"]"
    )
    found = [
        f"{_relative(path)}:{number}"
        for path in _python_files("rookie", "articles", "networks")
        if _relative(path) not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
