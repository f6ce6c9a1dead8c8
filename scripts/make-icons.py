#!/usr/bin/env python3
"""Draws the BrokerDesk icon (the shapes of assets/icon.svg) as RGBA PNGs without any image library."""
import math, struct, zlib, pathlib

def inside_round_rect(x, y, x0, y0, w, h, r):
    if not (x0 <= x <= x0 + w and y0 <= y <= y0 + h):
        return False
    cx = min(max(x, x0 + r), x0 + w - r)
    cy = min(max(y, y0 + r), y0 + h - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))

BLUE, WHITE, GOLD = (29, 78, 216), (255, 255, 255), (251, 191, 36)
BARS = [(112, 280, 64, 120, 0.85), (224, 200, 64, 200, 0.92), (336, 120, 64, 280, 1.0)]
LINE = [(104, 232), (200, 160), (280, 192), (408, 96)]

def sample(x, y):
    """Colour and alpha at a point of the 512x512 design."""
    if not inside_round_rect(x, y, 16, 16, 480, 480, 96):
        return (0, 0, 0, 0.0)
    col = BLUE
    for bx, by, bw, bh, op in BARS:
        if inside_round_rect(x, y, bx, by, bw, bh, 12):
            col = tuple(round(c * op + b * (1 - op)) for c, b in zip(WHITE, BLUE))
    for (ax, ay), (bx, by) in zip(LINE, LINE[1:]):
        if dist_to_segment(x, y, ax, ay, bx, by) <= 12:
            col = GOLD
    return (*col, 1.0)

def render(size, ss=3):
    rows = []
    scale = 512 / size
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sj in range(ss):
                for si in range(ss):
                    r, g, b, a = sample((i + (si + 0.5) / ss) * scale, (j + (sj + 0.5) / ss) * scale)
                    acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
            n = ss * ss
            a = acc[3] / n
            if a > 0:
                row += bytes([round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(a * 255)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = pathlib.Path(__file__).resolve().parent.parent / "assets" / "icons"
out.mkdir(parents=True, exist_ok=True)
for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    (out / name).write_bytes(render(size, ss=3 if size <= 256 else 2))
    print("wrote", out / name)
