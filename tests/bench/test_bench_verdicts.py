"""scripts/bench.py's verdicts: each page against its target ratio and its p99 limit, per mode."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the script runs only under __main__
    return module


def _results(bench, p99_ms, requests_per_s=1000.0):
    result = {"requests_per_s": requests_per_s, "p50_ms": 1.0, "p99_ms": p99_ms, "non2xx": 0, "statuses": {}}
    results = {key: {**result, "socket_errors": {}} for key, *_rest in bench.PAGES}
    results["baseline"]["requests_per_s"] = 1000.0
    return results


def test_a_page_within_its_targets_passes(bench):
    for mode in ("off", "on"):
        _rows, failures = bench.verdicts(_results(bench, p99_ms=50.0), mode)
        assert failures == []


def test_p99_limits_follow_whether_the_page_cache_serves_the_page(bench):
    _rows, failures = bench.verdicts(_results(bench, p99_ms=150.0), "on")
    failing = {failure.split(", page cache")[0] for failure in failures}
    labels = {key: label for key, label, *_rest in bench.PAGES}
    # Served from the page cache in this mode: 100 ms, public or signed in.
    assert {labels["home"], labels["dashboard"], labels["coach"]} <= failing
    # Never served from it (a member's own weights, the search): the uncached 250 ms.
    assert labels["catalogue_member"] not in failing
    assert labels["contact_search"] not in failing
    _rows, failures = bench.verdicts(_results(bench, p99_ms=150.0), "off")
    failing = {failure.split(", page cache")[0] for failure in failures}
    assert labels["home"] in failing
    assert labels["dashboard"] not in failing


def test_a_ratio_below_the_target_fails(bench):
    results = _results(bench, p99_ms=10.0)
    results["guide"]["requests_per_s"] = 100.0  # 0.1 of the baseline; the target is 0.3 without the cache
    _rows, failures = bench.verdicts(results, "off")
    assert len(failures) == 1
    assert "ratio 0.10 < 0.3" in failures[0]


def _loaded_with(monkeypatch, **env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("bench_script_partial", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_partial_run_measures_the_pages_asked_for_and_the_baseline(monkeypatch):
    partial = _loaded_with(monkeypatch, BENCH_PAGES="contact_search,catalogue_member", BENCH_MODES="off")
    assert [key for key, *_rest in partial.PAGES] == ["baseline", "catalogue_member", "contact_search"]
    assert [mode for mode, _title in partial.MODES] == ["off"]
    assert partial.PARTIAL is True  # and so it never writes docs/PERFORMANCE.md


def test_a_full_run_is_not_partial(bench):
    assert bench.PARTIAL is False
    assert len(bench.PAGES) == 10
    assert [mode for mode, _title in bench.MODES] == ["off", "on"]


def test_an_unknown_page_is_refused(monkeypatch):
    with pytest.raises(SystemExit, match="unknown BENCH_PAGES or BENCH_MODES entries: dashbaord"):
        _loaded_with(monkeypatch, BENCH_PAGES="dashbaord")
