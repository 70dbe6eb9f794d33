"""The retention purges' command line, in one place (`python -m privacy.purge`,
`python -m tickets.purge`): a database URL, a number of days (at least 1, else exit code 2), the
purge, and one line saying how many rows went. The URL is read from an environment variable when
the option is absent, so a password in it never shows in the process list (`ps`)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable


def purge_command(
    argv: list[str] | None,
    *,
    prog: str,
    description: str | None,
    url_option: str,
    url_env: str,
    url_help: str,
    what: str,
    purge: Callable[[str, int], int],
) -> int:
    """Parse `[<url_option> URL] --days N` (URL defaulting to $<url_env>), call `purge(URL, N)` and
    print "<count> <what> deleted"."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(url_option, dest="url", help=f"{url_help} (default: ${url_env}, kept out of argv)")
    parser.add_argument("--days", type=int, required=True, help=f"delete {what} older than this")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be at least 1")
    url = args.url or os.environ.get(url_env, "").strip()
    if not url:
        parser.error(f"give {url_option} or set {url_env}")
    deleted = purge(url, args.days)
    print(f"{deleted} {what} deleted")
    return 0
