#!/usr/bin/env python3
"""Makes the pictures the planner's tracing tests trace over, with nothing
but the standard library (zlib for PNG, a hand-written PDF):

- Fixtures/serve/floor-scan.png: 400 x 300 px, white, a black room outline
  from pixel (100, 50) to (300, 250) with a 40 px gap (a door) in its left
  side at rows 130-170, and a 100 px scale bar from (100, 280) to (200, 280)
  that the test calls 5 m.
- Fixtures/serve/floor-scan.pdf: one 288 x 216 pt page (600 x 450 px at 150
  dpi) with the same outline drawn as vector lines.

Run from the repository root: python3 Scripts/make-trace-fixtures.py
"""
import struct
import zlib

W, H = 400, 300


def png(path):
    pixels = [[255] * W for _ in range(H)]

    def line(x0, y0, x1, y1):
        for x in range(min(x0, x1), max(x0, x1) + 1):
            for y in range(min(y0, y1), max(y0, y1) + 1):
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        if 0 <= x + dx < W and 0 <= y + dy < H:
                            pixels[y + dy][x + dx] = 0

    line(100, 50, 300, 50)
    line(300, 50, 300, 250)
    line(100, 250, 300, 250)
    line(100, 50, 100, 130)
    line(100, 170, 100, 250)
    line(100, 280, 200, 280)
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 0, 0, 0, 0)))  # 8-bit greyscale
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def pdf(path):
    # PDF y goes up; the page is 288 x 216 pt; pixel (u, v) of the PNG maps to (u * 0.72, 216 - v * 0.72).
    def p(u, v):
        return f"{u * 0.72:.2f} {216 - v * 0.72:.2f}"

    content = "2 w 0 G\n" + "".join(
        f"{p(*a)} m {p(*b)} l S\n"
        for a, b in [((100, 50), (300, 50)), ((300, 50), (300, 250)), ((100, 250), (300, 250)),
                     ((100, 50), (100, 130)), ((100, 170), (100, 250)), ((100, 280), (200, 280))])
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 216] /Contents 4 0 R /Resources << >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


png("Fixtures/serve/floor-scan.png")
pdf("Fixtures/serve/floor-scan.pdf")
