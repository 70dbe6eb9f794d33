"""Articles merged into others: `articles/redirects.yml` maps each removed id to the kept one.

A question written against an old id (a test set, a conversation's remembered article, an
"/ask_article" button sent before the merge) still reaches the kept article:
`KnowledgeBase.article(old_id)` follows the redirect, and the evaluation counts the kept article
as right. `make kb-check` checks that every target exists and that no removed id is still an
article.

    redirects:
      pae-pour-vous-employe: pae-gratuit-et-confidentiel   # merged 2026-12-03
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import yaml

REDIRECTS_NAME = "redirects.yml"  # in the articles folder, next to the Markdown files
REDIRECTS_FILE = Path(__file__).resolve().parent / "articles" / REDIRECTS_NAME


class RedirectError(ValueError):
    """The redirects file is unreadable or names articles that do not fit."""


def load_redirects(
    path: Path | str = REDIRECTS_FILE, article_ids: Collection[str] | None = None
) -> dict[str, str]:
    """Removed id -> kept id, chains followed ("a -> b", "b -> c" gives "a -> c").

    A missing file is no redirect. With `article_ids`, every kept id must be one of them and no
    removed id may be: RedirectError lists every problem.
    """
    file = Path(path)
    if not file.exists():
        return {}
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise RedirectError(f"{file.name}: unreadable: {error}") from error
    entries = data.get("redirects") if isinstance(data, dict) else None
    if entries is None:
        return {}
    if not isinstance(entries, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
    ):
        raise RedirectError(f"{file.name}: 'redirects' must map old ids to kept ids (text)")
    resolved: dict[str, str] = {}
    problems = []
    for old in entries:
        seen, target = {old}, entries[old]
        while target in entries:
            if target in seen:
                problems.append(f"{file.name}: {old}: the redirects loop")
                break
            seen.add(target)
            target = entries[target]
        resolved[old] = target
    if article_ids is not None:
        known = set(article_ids)
        for old, target in resolved.items():
            if old in known:
                problems.append(f"{file.name}: {old}: is still an article (remove it or the line)")
            if target not in known:
                problems.append(f"{file.name}: {old}: its target '{target}' is no article")
    if problems:
        raise RedirectError("\n".join(problems))
    return resolved
