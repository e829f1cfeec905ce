"""The picture a shared link shows (Open Graph and Twitter cards): a page of text with a redline on
the site's colour, drawn as a PNG at build time.

The picture is rectangles only, so a few lines of the standard library draw it and the same build
gives the same bytes: no image library, no binary file to keep in the repository.
"""

from __future__ import annotations

import struct
import zlib

SIZE = 400
"""Pixels, square: Twitter's "summary" card and a link preview's thumbnail show it whole."""

INDIGO, WHITE, TEXT = (0x40, 0x51, 0xB5), (0xFF, 0xFF, 0xFF), (0xB0, 0xB6, 0xC8)
DELETED, DELETED_MARK = (0xFD, 0xE2, 0xE2), (0x8B, 0x1A, 0x1A)
INSERTED, INSERTED_MARK = (0xDC, 0xF5, 0xE3), (0x0F, 0x5A, 0x2A)

Rectangle = tuple[int, int, int, int, tuple[int, int, int]]
"""Left, top, right, bottom (exclusive) and colour."""


def picture() -> list[Rectangle]:
    """The picture: a sheet on the site's indigo, lines of text, a line struck out, one underlined
    twice (the redline's marks); later rectangles drawn over earlier ones."""
    shapes: list[Rectangle] = [(0, 0, SIZE, SIZE, INDIGO), (90, 50, 310, 350, WHITE)]
    for top, right in ((90, 270), (120, 250), (230, 270), (260, 230), (290, 260)):
        shapes.append((120, top, right, top + 12, TEXT))
    shapes += [(112, 146, 278, 174, DELETED), (120, 154, 270, 166, TEXT), (114, 158, 276, 162, DELETED_MARK),
               (112, 186, 278, 220, INSERTED), (120, 192, 262, 204, TEXT),
               (118, 208, 264, 211, INSERTED_MARK), (118, 214, 264, 217, INSERTED_MARK)]
    return shapes


def png(shapes: list[Rectangle] | None = None, size: int = SIZE) -> bytes:
    """A `size` × `size` RGB PNG of `shapes` (the share picture by default)."""
    shapes = picture() if shapes is None else shapes
    rows = []
    for y in range(size):
        row = bytearray(3 * size)
        for left, top, right, bottom, colour in shapes:
            if top <= y < bottom:
                row[3 * left:3 * right] = bytes(colour) * (right - left)
        rows.append(b"\0" + bytes(row))  # filter type 0: the row as it is
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8 bits per channel, RGB
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) \
        + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
