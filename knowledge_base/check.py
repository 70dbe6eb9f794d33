"""`python -m knowledge_base.check [--articles DIR] [--seeds DIR]` (behind `make kb-check`).

Checks the articles, the guided paths, the redirects of merged articles, resources.yml and establishments.yml. Prints what is OK, or every problem
as "<file>: <entry>: <field>: <message>" and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE, load_registry
from directory.models import RegistryError
from knowledge_base.guides import GUIDES_DIR, GuideError, load_guides
from knowledge_base.loader import ArticleError, load_articles
from knowledge_base.redirects import REDIRECTS_NAME, RedirectError, load_redirects

DEFAULT_ARTICLES = Path(__file__).resolve().parent / "articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge_base.check", description=__doc__)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--guides", type=Path, default=GUIDES_DIR)
    parser.add_argument("--resources", type=Path, default=RESOURCES_FILE)
    parser.add_argument("--establishments", type=Path, default=ESTABLISHMENTS_FILE)
    parser.add_argument(
        "--seeds", type=Path, default=None, help="folder of seed documents named in sources"
    )
    args = parser.parse_args(argv)
    problems: list[str] = []
    try:
        articles = load_articles(args.articles, seeds=args.seeds)
        print(f"{len(articles)} articles OK")
        guides = load_guides(args.guides, articles)
        print(f"{len(guides)} guided path(s) OK")
        redirects = load_redirects(args.articles / REDIRECTS_NAME, [a.id for a in articles])
        print(f"{len(redirects)} redirect(s) of merged articles OK")
    except ArticleError as error:
        problems += [str(problem) for problem in error.problems]
    except GuideError as error:
        problems += error.problems
    except RedirectError as error:
        problems += str(error).splitlines()
    try:
        registry = load_registry(args.resources, args.establishments)
        print(
            f"{len(registry.resources)} national resources and "
            f"{len(registry.establishments)} establishments OK"
        )
    except RegistryError as error:
        problems += error.problems
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
