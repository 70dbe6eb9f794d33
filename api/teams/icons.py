"""The Teams app's two icons, drawn here (no image library): a white speech bubble.

`color.png` 192×192: the bubble on the accent colour. `outline.png` 32×32: the bubble's outline,
white on a transparent background, as Teams requires.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

ACCENT = (0x0B, 0x6E, 0x6E)  # also the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF)

Pixel = tuple[int, int, int, int]


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """An 8-bit RGBA PNG; `pixel(x, y)` gives each pixel."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _in_bubble(x: float, y: float, size: float) -> bool:
    """A rounded rectangle with a tail at the bottom left, in a square of side `size`."""
    left, top, right, bottom, radius = (
        0.18 * size,
        0.22 * size,
        0.82 * size,
        0.66 * size,
        0.1 * size,
    )
    inside_x, inside_y = left <= x <= right, top <= y <= bottom
    if inside_x and inside_y:
        cx = min(max(x, left + radius), right - radius)
        cy = min(max(y, top + radius), bottom - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2
    # The tail: a triangle under the bottom edge.
    tail_top, tail_tip = bottom, 0.82 * size
    if tail_top < y <= tail_tip:
        depth = (y - tail_top) / (tail_tip - tail_top)
        return 0.3 * size <= x <= 0.3 * size + (1 - depth) * 0.16 * size
    return False


def color_icon() -> bytes:
    size = 192

    def pixel(x: int, y: int) -> Pixel:
        return (*WHITE, 255) if _in_bubble(x + 0.5, y + 0.5, size) else (*ACCENT, 255)

    return png(size, size, pixel)


def outline_icon() -> bytes:
    size = 32

    def pixel(x: int, y: int) -> Pixel:
        cx, cy = x + 0.5, y + 0.5
        inside = _in_bubble(cx, cy, size)
        edge = inside and not all(
            _in_bubble(cx + dx, cy + dy, size) for dx, dy in ((2, 0), (-2, 0), (0, 2), (0, -2))
        )
        return (*WHITE, 255) if edge else (0, 0, 0, 0)

    return png(size, size, pixel)
