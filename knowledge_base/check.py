"""`python -m knowledge_base.check [--articles DIR] [--seeds DIR]` (behind `make kb-check`).

Prints "N articles OK", or every problem as "<file>: <field>: <message>" and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge_base.loader import ArticleError, load_articles

DEFAULT_ARTICLES = Path(__file__).resolve().parent / "articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge_base.check", description=__doc__)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument(
        "--seeds", type=Path, default=None, help="folder of seed documents named in sources"
    )
    args = parser.parse_args(argv)
    try:
        articles = load_articles(args.articles, seeds=args.seeds)
    except ArticleError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{len(articles)} articles OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
