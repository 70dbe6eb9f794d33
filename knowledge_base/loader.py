"""Read and validate the Markdown articles (front matter + H2 sections).

`load_articles` either returns every article or raises `ArticleError` listing every problem
found in the whole folder, each as "<file>: <field>: <message>", so a content editor fixes
everything in one pass (`make kb-check`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from directory.phones import malformed_phone_numbers
from knowledge_base.documents import AUDIENCES, TOPICS, Article, Section

REQUIRED_KEYS = ("id", "title", "topic", "audience", "summary", "sources", "last_reviewed")
OPTIONAL_KEYS = ("establishment", "keywords")
MAX_SUMMARY_CHARS = 400
KEBAB_CASE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_H2 = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported on its field."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class ArticleError(ValueError):
    """One or more articles are invalid; `problems` lists all of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def load_articles(
    folder: Path | str,
    seeds: Path | str | None = None,
    today: date | None = None,
) -> list[Article]:
    """Parse and validate every `<topic>/<id>.md` under `folder`, sorted by id.

    `seeds`: folder holding the seed documents that sources may name; when given, a source
    that is not an https URL must be a file there. `today` defaults to the current date.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ArticleError([Problem(str(root), "folder", "not a directory")])
    seed_names = _seed_names(Path(seeds)) if seeds is not None else None
    today = today or date.today()
    articles: list[Article] = []
    problems: list[Problem] = []
    paths = sorted(root.rglob("*.md"))
    for path in paths:
        article, found = _read_article(path, root, seed_names, today)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    problems.extend(_duplicate_ids(paths, root))
    if problems:
        raise ArticleError(problems)
    return sorted(articles, key=lambda article: article.id)


def parse_article(text: str) -> tuple[dict[str, Any], list[Section], str]:
    """Split a Markdown file into its front matter, its H2 sections and any text before them."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ValueError("the file must start with a '---' front matter block")
    meta = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}  # noqa: S506 - safe
    if not isinstance(meta, dict):
        raise ValueError("the front matter must be a mapping of keys to values")
    body = text[match.end() :]
    headings = list(_H2.finditer(body))
    preamble = body[: headings[0].start()] if headings else body
    sections = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        sections.append(Section(heading.group(1).strip(), body[heading.end() : end].strip()))
    return meta, sections, preamble.strip()


def _read_article(
    path: Path, root: Path, seed_names: set[str] | None, today: date
) -> tuple[Article | None, list[Problem]]:
    name = path.relative_to(root).as_posix()
    try:
        meta, sections, preamble = parse_article(path.read_text(encoding="utf-8"))
    except (ValueError, yaml.YAMLError) as error:  # UnicodeDecodeError is a ValueError
        message = str(error).replace("\n", " ")
        return None, [Problem(name, "front matter", message)]
    check = _Checker(name)
    for key in REQUIRED_KEYS:
        value = meta.get(key)
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            check.fail(key, "required")
    for key in sorted(set(meta) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)):
        check.fail(key, "unknown key (typo?)")
    article_id = _text(meta.get("id"))
    if article_id:
        check.expect("id", KEBAB_CASE.fullmatch(article_id), "must be kebab-case")
        check.expect("id", article_id == path.stem, f"must equal the file name '{path.stem}'")
    for key in ("id", "title", "topic", "audience", "summary", "establishment"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            check.fail(key, "must be text")
    topic = _text(meta.get("topic"))
    if topic:
        check.expect("topic", topic in TOPICS, f"'{topic}' is not one of {', '.join(TOPICS)}")
        folder = path.parent.relative_to(root).as_posix()
        check.expect("topic", topic == folder, f"'{topic}' differs from the folder '{folder}'")
    audience = _text(meta.get("audience"))
    if audience:
        check.expect("audience", audience in AUDIENCES, f"must be one of {', '.join(AUDIENCES)}")
    summary = _text(meta.get("summary"))
    check.expect(
        "summary",
        len(summary) <= MAX_SUMMARY_CHARS,
        f"{len(summary)} characters, at most {MAX_SUMMARY_CHARS}",
    )
    reviewed = _check_date(check, meta.get("last_reviewed"), today)
    sources = _check_list(check, "sources", meta.get("sources"))
    for source in sources:
        _check_source(check, source, seed_names)
    keywords = _check_list(check, "keywords", _numbers_as_text(meta.get("keywords", [])))
    _check_body(check, sections, preamble, summary)
    if check.problems or reviewed is None:
        return None, check.problems
    article = Article(
        id=article_id,
        title=_text(meta["title"]),
        topic=topic,
        audience=audience,
        summary=summary,
        sources=tuple(sources),
        last_reviewed=reviewed,
        sections=tuple(sections),
        path=path,
        establishment=_text(meta.get("establishment")) or None,
        keywords=tuple(keywords),
    )
    return article, []


class _Checker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.name, field, message))

    def expect(self, field: str, condition: object, message: str) -> None:
        if not condition:
            self.fail(field, message)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _numbers_as_text(value: object) -> object:
    """YAML reads `keywords: [24, 7]` as numbers; they are words here."""
    if isinstance(value, list):
        return [str(item) if isinstance(item, int | float) else item for item in value]
    return value


def _check_date(check: _Checker, value: object, today: date) -> date | None:
    if value is None or value == "":
        return None  # already reported as required
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            check.fail("last_reviewed", f"'{value}' is not a date (YYYY-MM-DD)")
            return None
    if not isinstance(value, date):
        check.fail("last_reviewed", f"'{value}' is not a date (YYYY-MM-DD)")
        return None
    if value > today:
        check.fail("last_reviewed", f"{value.isoformat()} is in the future")
    return value


def _check_list(check: _Checker, field: str, value: object) -> list[str]:
    if value is None or value == "":
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        check.fail(field, "must be a list of non-empty texts")
        return []
    return [item.strip() for item in value]


def _check_source(check: _Checker, source: str, seed_names: set[str] | None) -> None:
    if "://" in source or source.startswith("www."):
        if not re.fullmatch(r"https://[^\s/]+\.[^\s]+", source):
            check.fail("sources", f"'{source}' must be an https:// URL")
    elif seed_names is not None and source not in seed_names:
        check.fail("sources", f"'{source}' is neither an https URL nor a file in the seeds folder")


def _check_body(check: _Checker, sections: list[Section], preamble: str, summary: str) -> None:
    if not sections:
        check.fail("body", "needs at least one '## ' section")
    if preamble:
        check.fail("body", "text before the first '## ' section is never searched")
    for section in sections:
        if not section.text:
            check.fail("body", f"section '{section.heading}' is empty")
    for where, text in [("summary", summary)] + [
        ("body", f"{section.heading}\n{section.text}") for section in sections
    ]:
        for number in malformed_phone_numbers(text):
            check.fail(where, f"malformed phone number '{number}' (write '514 555-0100' or '1 8xx xxx-xxxx')")


def _seed_names(folder: Path) -> set[str]:
    if not folder.is_dir():
        raise ArticleError([Problem(str(folder), "seeds", "not a directory")])
    return {path.name for path in folder.iterdir() if path.is_file()}


def _duplicate_ids(paths: list[Path], root: Path) -> list[Problem]:
    """Ids equal file names, so two files with the same name in two folders share an id."""
    seen: dict[str, Path] = {}
    problems = []
    for path in paths:
        if path.stem in seen:
            first = seen[path.stem].relative_to(root).as_posix()
            name = path.relative_to(root).as_posix()
            problems.append(Problem(name, "id", f"'{path.stem}' is also used by {first}"))
        else:
            seen[path.stem] = path
    return problems
