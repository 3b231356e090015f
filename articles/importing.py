"""Importing guides from Markdown files (the `import_articles` command).

Every file is read and checked first; only when all are fine is anything written, in one
transaction, so a malformed file leaves the database as it was. A file is one language version of
one guide. Which guide: `--slug` (all files of the run), the folder layout `<slug>/<lang>.md` or a
name like `<slug>.<lang>.md`, else the front matter's `slug`, else the title made into a slug.
Which language: `--lang LANG FILE`, the front matter's `lang`, or the file name.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles import structure
from articles.category_names import known_names
from articles.models import Article, Category, Status, nordic_slugify
from articles.rendering import link_problems
from rookie.lib.languages import LANGUAGE_CODES

SUFFIXES = (".md", ".markdown", ".txt")
KNOWN_KEYS = {"title", "description", "keywords", "date", "author", "image", "category", "slug", "lang", "language"}
LIMITS = {"title": 200, "description": 300, "keywords": 255, "author": 120, "category": 100, "image": 500}
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SLUG_RE = re.compile(r"^[-a-z0-9_]+$")
# Markdown blocks that must never be joined to the paragraph before them.
_BLOCK_START_RE = re.compile(r"^\s*([#>|`~]|[-*+]\s|\d+[.)]\s|<)")
_SENTENCE_END = tuple(".!?:;…\"'”’»)")


class ImportProblem(Exception):
    def __init__(self, path, message):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class SourceFile:
    path: Path
    language: str
    key: str = ""  # from --slug or the file's place; empty: decided from the front matter or title
    title: str = ""
    slug: str = ""
    slug_given: bool = False
    description: str = ""
    description_given: bool = False  # in the front matter, not taken from the opening lines
    keywords: str = ""
    body: str = ""
    author: str = ""
    image_url: str = ""
    category: str = ""
    published_at: datetime.datetime | None = None
    notes: list = field(default_factory=list)

    @property
    def guide_key(self):
        return self.key or self.slug


@dataclass
class Outcome:
    source: SourceFile
    article: Article
    action: str  # "create" (a new guide), "add" (a new language version), "update", "unchanged"
    changed: list[str] = field(default_factory=list)


# --- Reading files ---------------------------------------------------------------------------------


def collect_sources(paths=(), pairs=(), slug=""):
    """SourceFiles for positional paths (files or folders) and (language, file) pairs, in order."""
    if slug and not _SLUG_RE.match(slug):
        raise ImportProblem("--slug", f"“{slug}” is not a slug (lower-case letters, digits and hyphens)")
    sources = []
    for language, path in pairs:
        sources.append(parse_file(Path(path), language=language, key=slug))
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                raise ImportProblem(path, "the folder holds no .md, .markdown or .txt files")
            sources.extend(parse_file(p, key=slug) for p in files)
        else:
            sources.append(parse_file(path, key=slug))
    _check_one_file_per_version(sources)
    return sources


def _check_one_file_per_version(sources):
    seen = {}
    for source in sources:
        version = (source.guide_key, source.language)
        if version in seen:
            raise ImportProblem(
                source.path, f"{seen[version]} is already the {source.language} version of “{source.guide_key}”"
            )
        seen[version] = source.path


def parse_file(path, *, language=None, key=""):
    if not path.is_file():
        raise ImportProblem(path, "no such file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(path, f"is not UTF-8 text (invalid byte at position {error.start})") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ImportProblem(path, "contains NUL characters (is it a binary file?)")
    if not text.strip():
        raise ImportProblem(path, "is empty")
    meta, body, has_front_matter = _split_front_matter(path, text)
    file_language, file_key = _language_and_key_from_name(path)
    language = language or _text(path, meta, "lang") or _text(path, meta, "language") or file_language
    if not language:
        raise ImportProblem(
            path,
            "cannot tell its language: name it <lang>.md, add `lang:` to its front matter, or use --lang LANG FILE",
        )
    if language not in LANGUAGE_CODES:
        raise ImportProblem(path, f"unknown language “{language}” (use one of {', '.join(LANGUAGE_CODES)})")
    source = SourceFile(path=path, language=language, key=key or file_key)
    for name in sorted(set(meta) - KNOWN_KEYS):
        source.notes.append(f"front matter key “{name}” ignored")
    source.title = _text(path, meta, "title")
    if not has_front_matter:
        body = reflow_print_breaks(body)
    source.title, body = _title_and_body(path, source.title, body)
    description = _text(path, meta, "description")
    shaped = structure.shape(body, plain=not has_front_matter and not structure.is_markdown(body),
                             has_description=bool(description))  # fmt: skip
    source.body = shaped.body
    source.notes.extend(shaped.notes)
    given_slug = _text(path, meta, "slug")
    if given_slug and not _SLUG_RE.match(given_slug):
        raise ImportProblem(path, f"slug “{given_slug}” is not a slug (lower-case letters, digits and hyphens)")
    source.slug, source.slug_given = given_slug or nordic_slugify(source.title), bool(given_slug)
    if not source.slug:
        raise ImportProblem(path, "cannot make a slug from the title; give one with `slug:` in the front matter")
    source.description, source.description_given = description or shaped.description, bool(description)
    source.keywords = _keywords(path, meta.get("keywords"))
    source.author = _text(path, meta, "author") or shaped.author
    source.category = _text(path, meta, "category")
    source.image_url = _image_url(path, _text(path, meta, "image"))
    source.published_at = _date(path, meta.get("date"))
    for name, limit in LIMITS.items():
        value = {"title": source.title, "keywords": source.keywords, "description": source.description,
                 "author": source.author}.get(name, _text(path, meta, name))  # fmt: skip
        if len(value) > limit:
            raise ImportProblem(path, f"{name} is longer than {limit} characters")
    return source


def _split_front_matter(path, text):
    if not text.startswith("---\n"):
        return {}, text, False
    lines = text.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            block, body = "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
            break
    else:
        raise ImportProblem(path, "the front matter is not closed by a line with ---")
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as error:
        meta = _plain_front_matter(block)
        if meta is not None:
            return meta, body, True
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        problem = getattr(error, "problem", None) or "cannot be read"
        raise ImportProblem(path, f"the front matter is not valid YAML{line}: {problem}") from error
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ImportProblem(path, "the front matter must be `key: value` lines")
    return {str(k): v for k, v in meta.items()}, body, True


_PLAIN_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")


def _plain_front_matter(block):
    """`key: value` lines that YAML refuses because a value is unquoted text with a colon or a
    quote in it (`title: Networking: a start`, `description: It's "easy"`): read each line as it
    is, for the known keys only. None when the block is not made of such lines."""
    meta = {}
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _PLAIN_KEY_RE.match(line)
        if not match or match.group("key") not in KNOWN_KEYS:
            return None
        value = match.group("value")
        if value[:1] in ("[", "{", "|", ">", "&", "*", "!"):
            return None  # YAML syntax gone wrong, not plain text
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta[match.group("key")] = value
    return meta or None


def _language_and_key_from_name(path):
    """`networking/sv.md` → ("sv", "networking"); `networking.sv.md` → ("sv", "networking")."""
    stem = path.stem
    if stem in LANGUAGE_CODES:
        return stem, nordic_slugify(path.resolve().parent.name)
    name, _dot, suffix = stem.rpartition(".")
    if name and suffix in LANGUAGE_CODES:
        return suffix, nordic_slugify(name)
    if re.fullmatch(r"[a-z]{2}", stem):
        raise ImportProblem(path, f"unknown language “{stem}” (use one of {', '.join(LANGUAGE_CODES)})")
    return "", ""


def _text(path, meta, name):
    value = meta.get(name)
    if value is None:
        return ""
    if isinstance(value, (dict, list, bool)):
        raise ImportProblem(path, f"`{name}` in the front matter must be text")
    return str(value).strip()


def _keywords(path, value):
    if value is None:
        return ""
    if isinstance(value, list):
        if not all(isinstance(item, (str, int, float)) for item in value):
            raise ImportProblem(path, "`keywords` must be text or a list of words")
        return ", ".join(str(item).strip() for item in value if str(item).strip())
    if isinstance(value, (dict, bool)):
        raise ImportProblem(path, "`keywords` must be text or a list of words")
    return str(value).strip()


def _image_url(path, value):
    if not value:
        return ""
    try:
        URLValidator(schemes=["https"])(value)
    except ValidationError as error:
        raise ImportProblem(path, f"image “{value}” is not an https:// address") from error
    return value


def _date(path, value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time.min)
    else:
        try:
            moment = datetime.datetime.fromisoformat(str(value).strip())
        except ValueError as error:
            raise ImportProblem(path, f"date “{value}” is not a date (write it as YYYY-MM-DD)") from error
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _title_and_body(path, title, body):
    """Without a title in the front matter, the first heading (or, failing that, the first
    non-empty line) is the title and leaves the body. A first heading repeating the title goes too."""
    lines = body.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ImportProblem(path, "has no text after its front matter")
    heading = _HEADING_RE.match(lines[first])
    first_text = heading.group(2) if heading else lines[first].strip()
    if not title:
        title = first_text.strip("*_ ").strip()
        del lines[first]
    elif heading and first_text.strip().casefold() == title.casefold():
        del lines[first]
    rest = "\n".join(lines).strip("\n")
    if not rest.strip():
        raise ImportProblem(path, "has a title but no text")
    return title, rest + "\n"


def reflow_print_breaks(text):
    """Join paragraphs a print layout broke mid-sentence: a paragraph not ending a sentence,
    followed by one starting in lower case, is one paragraph. Only for files without front matter
    (plain text, not Markdown written for the web); code fences are left alone."""
    paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
    joined = []
    for paragraph in paragraphs:
        previous = joined[-1] if joined else ""
        if (
            previous
            and not previous.rstrip().endswith(_SENTENCE_END)
            and not _BLOCK_START_RE.match(previous)
            and not _BLOCK_START_RE.match(paragraph)
            and paragraph.lstrip()[:1].islower()
        ):
            joined[-1] = previous.rstrip() + " " + paragraph.lstrip()
        else:
            joined.append(paragraph)
    return "\n\n".join(joined) + "\n"


# --- Writing guides --------------------------------------------------------------------------------


def import_sources(sources, *, dry_run=False, publish=False, report=None):
    """Create or update guides from parsed files, in one transaction; roll back when dry_run."""
    report = report or (lambda line: None)
    outcomes = []
    with transaction.atomic():
        articles = {}
        for index, source in enumerate(sources, start=1):
            article = articles.get(source.guide_key) or _find_article(source)
            articles[source.guide_key] = article
            outcome = _apply(source, article, publish=publish)
            outcomes.append(outcome)
            report(_progress_line(index, len(sources), outcome, dry_run))
            for note in source.notes:
                report(f"      note: {note}")
            if dry_run:
                html = getattr(outcome.article, f"body_html_{source.language}", "") or ""
                for name in ("author", "description"):
                    if getattr(source, name):
                        report(f"      {name}: {getattr(source, name)}")
                report("      outline:")
                for line in structure.outline(html) or ["  (no headings, lists or links)"]:
                    report(f"      {line}")
        for article in {id(o.article): o.article for o in outcomes if o.article.pk}.values():
            for problem in link_problems(article):
                what = "no guide has this slug" if problem.missing else "that guide is not published"
                report(f"      warning: {article.key} ({problem.language}) links to /{problem.slug}: {what}")
        if dry_run:
            transaction.set_rollback(True)
    return outcomes


def _find_article(source):
    article = Article.objects.filter(key=source.guide_key).first()
    if article is None and not source.key:
        article = Article.objects.filter(**{f"slug_{source.language}": source.slug}).first()
    return article or Article(key=source.guide_key)


def _apply(source, article, *, publish):
    code = source.language
    creating = article.pk is None
    new_version = not article.has_version(code)
    before = _snapshot(article)
    setattr(article, f"title_{code}", source.title)
    setattr(article, f"body_{code}", source.body)
    if source.description_given or not getattr(article, f"description_{code}", ""):
        # One taken from the opening lines never replaces what an editor wrote.
        setattr(article, f"description_{code}", source.description)
    setattr(article, f"keywords_{code}", source.keywords)
    if new_version or source.slug_given:  # an editor's later change of a slug is kept
        slug = source.slug
        if article.slug_taken(slug) and getattr(article, f"slug_{code}", "") != slug:
            slug = article.unique_slug(source.title)
            source.notes.append(f"slug “{source.slug}” is taken by another guide; using “{slug}”")
        setattr(article, f"slug_{code}", slug)
    if source.author:
        article.author_name = source.author
    if source.image_url:
        if article.cover_image:
            source.notes.append("the guide has an uploaded cover image; `image` ignored")
        else:
            article.image_url = source.image_url
    if source.category:
        article.category = _category(source.category, code)
    if source.published_at:
        article.published_at = source.published_at
    if publish:
        article.status = Status.PUBLISHED
        article.published_at = article.published_at or timezone.now()
    try:
        article.full_clean(exclude=["cover_image"])
    except ValidationError as error:
        raise ImportProblem(source.path, "; ".join(_messages(error))) from error
    changed = [name for name, value in _snapshot(article).items() if before.get(name) != value]
    if creating or changed:
        article.save()
    if creating:
        action = "create"
    elif new_version:
        action = "add"
    else:
        action = "update" if changed else "unchanged"
    return Outcome(source, article, action, changed if action == "update" else [])


def _snapshot(article):
    names = ["author_name", "image_url", "category_id", "published_at", "status"]
    for code in LANGUAGE_CODES:
        names += [f"{name}_{code}" for name in ("title", "slug", "description", "keywords", "body")]
    return {name: getattr(article, name, None) or None for name in names}


def _category(name, code):
    # The category of that name in any language, or of one of its known translations.
    wanted = {name.casefold(), *(known.casefold() for known in known_names(name).values())}
    for category in Category.objects.all():
        if any((getattr(category, f"name_{other}", "") or "").casefold() in wanted for other in LANGUAGE_CODES):
            return category
    category = Category(**{f"name_{code}": name, f"slug_{code}": nordic_slugify(name, 100)})
    for other, translated in known_names(name).items():
        # Named in every language Rookie knows it in, so no page shows it in the file's language.
        if other != code and not Category.objects.filter(_any_category_slug(nordic_slugify(translated, 100))).exists():
            setattr(category, f"name_{other}", translated)
    category.full_clean()
    category.save()
    return category


def _any_category_slug(slug):
    return Q(*[Q(**{f"slug_{other}": slug}) for other in LANGUAGE_CODES], _connector=Q.OR)


def _messages(error):
    if hasattr(error, "message_dict"):
        return [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
    return error.messages


def _progress_line(index, total, outcome, dry_run):
    verbs = {
        "create": ("would create the guide", "created the guide"),
        "add": ("would add this language", "added this language"),
        "update": ("would update", "updated"),
        "unchanged": ("unchanged", "unchanged"),
    }
    verb = verbs[outcome.action][0 if dry_run else 1]
    if outcome.changed:
        fields = sorted({re.sub(r"_(en|sv|da|fi)$", "", name) for name in outcome.changed})
        verb += " (" + ", ".join(fields) + ")"
    return f"[{index}/{total}] {outcome.source.path} → {outcome.article.key} ({outcome.source.language}): {verb}"
