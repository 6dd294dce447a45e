#!/usr/bin/env python3
"""pngcheck.py: checks a browser screenshot of an HTML report, with the standard library only.

Decodes the PNG (zlib and the five scanline filters), then checks that the page is not blank
and that the chart is there: pixels of the computed series' exact colour spread across a wide
band (the line over the years), and pixels of the published series' colour (the dashed line).

Usage: pngcheck.py FILE.png [--published]     exit 0 when every check holds.
"""
import struct
import sys
import zlib

COMPUTED = (0x1F, 0x5F, 0xA8)   # reports/html.c COMPUTED_COLOUR
PUBLISHED = (0xC2, 0x41, 0x0C)  # reports/html.c PUBLISHED_COLOUR


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG: depth %d colour type %d interlace %d" % (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        unfilter(kind, line, prev, bpp)
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def unfilter(kind, line, prev, bpp):
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + a) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + b) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (a + b) // 2) & 0xFF
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF


def main():
    path, want_published = sys.argv[1], "--published" in sys.argv[2:]
    width, height, bpp, rows = read_png(path)
    colours, found = set(), {COMPUTED: [], PUBLISHED: []}
    for y, line in enumerate(rows):
        for x in range(width):
            px = tuple(line[x * bpp:x * bpp + 3])
            colours.add(px)
            if px in found:
                found[px].append((x, y))
    problems = []
    if len(colours) < 20:
        problems.append("blank page: %d distinct colours" % len(colours))
    line = found[COMPUTED]
    xs = [x for x, _ in line]
    if len(line) < 300:
        problems.append("chart line missing: %d pixels of #1f5fa8" % len(line))
    elif max(xs) - min(xs) < 400:
        problems.append("chart line too short: spans %d pixels" % (max(xs) - min(xs)))
    if want_published and len(found[PUBLISHED]) < 40:
        problems.append("published series missing: %d pixels of #c2410c" % len(found[PUBLISHED]))
    print("%s: %dx%d, %d colours, %d computed-series pixels spanning x %s, %d published-series pixels"
          % (path, width, height, len(colours), len(line),
             "%d-%d" % (min(xs), max(xs)) if xs else "-", len(found[PUBLISHED])))
    for p in problems:
        print("FAIL html %s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
