"""The retention purges' command line, in one place (`python -m privacy.purge`,
`python -m tickets.purge`): a database URL, a number of days (at least 1, else exit code 2), the
purge, and one line saying how many rows went."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def purge_command(
    argv: list[str] | None,
    *,
    prog: str,
    description: str | None,
    url_option: str,
    url_help: str,
    what: str,
    purge: Callable[[str, int], int],
) -> int:
    """Parse `<url_option> URL --days N`, call `purge(URL, N)` and print "<count> <what> deleted"."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(url_option, dest="url", required=True, help=url_help)
    parser.add_argument("--days", type=int, required=True, help=f"delete {what} older than this")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be at least 1")
    deleted = purge(args.url, args.days)
    print(f"{deleted} {what} deleted")
    return 0
