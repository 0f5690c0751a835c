#!/usr/bin/env python3
"""Draws the demo content pack's pictures: the city map, one map per beautiful bay and one
illustrative "photo" per bay. Everything is drawn here from simple shapes, so the pictures are
ours to ship. Python 3 standard library only (zlib + struct write the PNGs); the output is
deterministic: running it twice gives the same bytes.

    python3 assets/pictures/make_pictures.py             # writes the PNGs into content/pictures/
    python3 assets/pictures/make_pictures.py --out DIR   # … into DIR instead
    python3 assets/pictures/make_pictures.py --check     # writes nothing: draws them into a temporary
                                                         # folder and fails unless they are byte for
                                                         # byte the ones in content/pictures/; also
                                                         # checks content/stations.toml: sea stations
                                                         # in the sea, river stations on a river, the
                                                         # others on land (CI runs this)

The city map is a stylised, schematic map of the demo city (not a survey). It is drawn in a
plain longitude/latitude grid (x grows with longitude, y falls with latitude) with the bounds
below; content/kiosk.toml [map] must give the same bounds so station markers land in place.
"""
import argparse
import filecmp
import math
import os
import struct
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "..", "..", "content")  # the pack the pictures ship in

# Geographic bounds of map.png (degrees). Keep in step with content/kiosk.toml [map].
WEST, EAST, SOUTH, NORTH = 121.15, 121.62, 37.38, 37.66
MAP_W, MAP_H = 1600, 1000
SS = 2  # supersampling factor: shapes are drawn at 2x and averaged down (smooth edges)


def lonlat_to_map(lon, lat):
    return ((lon - WEST) / (EAST - WEST) * MAP_W, (NORTH - lat) / (NORTH - SOUTH) * MAP_H)


# --------------------------------------------------------------------------------------------
# A tiny rasteriser: every shape becomes a polygon filled by scanlines (even-odd rule).
# --------------------------------------------------------------------------------------------

def hexc(s):
    s = s.lstrip("#")
    return (int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16))


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


class Canvas:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.W, self.H = w * SS, h * SS
        self.rows = [bytearray(bytes(bg) * self.W) for _ in range(self.H)]

    def fill_rows(self, y0, y1, colour_at):
        """Fills whole rows from y0 to y1 (output pixels) with colour_at(y)."""
        for Y in range(max(0, int(y0 * SS)), min(self.H, int(math.ceil(y1 * SS)))):
            self.rows[Y][:] = bytes(colour_at((Y + 0.5) / SS)) * self.W

    def polygon(self, pts, colour):
        """colour: an (r, g, b) tuple or a function of y (output pixels) giving one."""
        if len(pts) < 3:
            return
        P = [(x * SS, y * SS) for x, y in pts]
        crossings = {}
        n = len(P)
        for i in range(n):
            xa, ya = P[i]
            xb, yb = P[(i + 1) % n]
            if ya == yb:
                continue
            if ya > yb:
                xa, ya, xb, yb = xb, yb, xa, ya
            first = max(0, int(math.ceil(ya - 0.5)))
            last = min(self.H, int(math.ceil(yb - 0.5)))
            slope = (xb - xa) / (yb - ya)
            for Y in range(first, last):
                crossings.setdefault(Y, []).append(xa + (Y + 0.5 - ya) * slope)
        fixed = None if callable(colour) else bytes(colour)
        for Y, xs in crossings.items():
            xs.sort()
            cb = fixed if fixed is not None else bytes(colour((Y + 0.5) / SS))
            row = self.rows[Y]
            for i in range(0, len(xs) - 1, 2):
                a = max(0, int(math.ceil(xs[i] - 0.5)))
                b = min(self.W, int(math.ceil(xs[i + 1] - 0.5)))
                if b > a:
                    row[a * 3:b * 3] = cb * (b - a)

    def ellipse(self, cx, cy, rx, ry, colour, angle=0.0):
        n = max(16, int(max(rx, ry) * SS * 1.2))
        ca, sa = math.cos(angle), math.sin(angle)
        pts = []
        for i in range(n):
            t = 2 * math.pi * i / n
            x, y = rx * math.cos(t), ry * math.sin(t)
            pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
        self.polygon(pts, colour)

    def circle(self, cx, cy, r, colour):
        self.ellipse(cx, cy, r, r, colour)

    def line(self, pts, width, colour, caps=True):
        """A polyline; width is a number or a list (one width per point)."""
        widths = width if isinstance(width, (list, tuple)) else [width] * len(pts)
        for i in range(len(pts) - 1):
            (x0, y0), (x1, y1) = pts[i], pts[i + 1]
            dx, dy = x1 - x0, y1 - y0
            length = math.hypot(dx, dy)
            if length == 0:
                continue
            nx, ny = -dy / length, dx / length
            h0, h1 = widths[i] / 2, widths[i + 1] / 2
            self.polygon([(x0 + nx * h0, y0 + ny * h0), (x1 + nx * h1, y1 + ny * h1),
                          (x1 - nx * h1, y1 - ny * h1), (x0 - nx * h0, y0 - ny * h0)], colour)
        if caps:
            for (x, y), w in zip(pts, widths):
                if w * SS >= 2:
                    self.circle(x, y, w / 2, colour)

    def dashed(self, pts, width, colour, dash, gap):
        """A dashed polyline: dashes of length dash separated by gap (output pixels)."""
        on, left, cur = True, dash, [pts[0]]
        for i in range(len(pts) - 1):
            (x0, y0), (x1, y1) = pts[i], pts[i + 1]
            seg = math.hypot(x1 - x0, y1 - y0)
            pos = 0.0
            while seg - pos > left:
                pos += left
                t = pos / seg
                p = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
                if on:
                    cur.append(p)
                    self.line(cur, width, colour)
                on = not on
                left = gap if not on else dash
                cur = [p]
            left -= seg - pos
            cur.append((x1, y1))
        if on and len(cur) > 1:
            self.line(cur, width, colour)

    def pixel(self, x, y):
        """The colour at output pixel (x, y), read from the supersampled buffer."""
        X, Y = int(x * SS + SS / 2), int(y * SS + SS / 2)
        X, Y = min(max(X, 0), self.W - 1), min(max(Y, 0), self.H - 1)
        r = self.rows[Y]
        return (r[X * 3], r[X * 3 + 1], r[X * 3 + 2])

    def downsampled(self):
        out = []
        step = SS * 3
        for y in range(self.h):
            acc = [0] * (self.W * 3)
            for k in range(SS):
                row = self.rows[y * SS + k]
                acc = [a + b for a, b in zip(acc, row)]
            div, half = SS * SS, SS * SS // 2
            line = bytearray(self.w * 3)
            for c in range(3):
                sums = acc[c::3]
                vals = [sum(sums[i:i + SS]) for i in range(0, len(sums), SS)]
                line[c::3] = bytes((v + half) // div for v in vals)
            out.append(bytes(line))
        return out

    def save(self, path):
        rows = self.downsampled()
        raw = bytearray()
        prev = bytes(self.w * 3)
        for row in rows:
            # Filter "Up" where a row repeats the one above (flat areas, gradients by row) and
            # no filter otherwise; flat colours deflate well either way.
            if row == prev:
                raw += b"\x02" + bytes(len(row))
            else:
                raw += b"\x00" + row
            prev = row
        def chunk(kind, data):
            c = struct.pack(">I", len(data)) + kind + data
            return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        png = b"\x89PNG\r\n\x1a\n"
        png += chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
        png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        png += chunk(b"IEND", b"")
        with open(path, "wb") as f:
            f.write(png)
        return len(png)


# --------------------------------------------------------------------------------------------
# Curves and shapes
# --------------------------------------------------------------------------------------------

def spline(points, per=10, closed=False):
    """Catmull-Rom spline through the points (it passes through every point)."""
    pts = list(points)
    n = len(pts)
    if n < 3:
        return pts
    out = []
    rng = range(n) if closed else range(n - 1)
    for i in rng:
        p0 = pts[(i - 1) % n] if closed else pts[max(i - 1, 0)]
        p1 = pts[i]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed else pts[min(i + 2, n - 1)]
        for k in range(per):
            t = k / per
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t +
                                    (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2 +
                                    (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in range(2)))
    if not closed:
        out.append(pts[-1])
    return out


def blob(cx, cy, rx, ry, seed, angle=0.0, n=40, rough=0.12):
    """An irregular rounded outline (islands, patches); deterministic for a seed."""
    ca, sa = math.cos(angle), math.sin(angle)
    p1, p2, p3 = seed * 1.7, seed * 2.9, seed * 0.6
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        k = 1 + rough * (math.sin(2 * t + p1) * 0.6 + math.sin(3 * t + p2) * 0.4 + math.sin(5 * t + p3) * 0.25)
        x, y = rx * k * math.cos(t), ry * k * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


class View:
    """Maps city-map coordinates (1600x1000 space) into a canvas showing the box x0..x1, y0..y1."""

    def __init__(self, x0, y0, x1, y1, w, h):
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.sx, self.sy = w / (x1 - x0), h / (y1 - y0)
        self.scale = (self.sx + self.sy) / 2

    def p(self, pt):
        return ((pt[0] - self.x0) * self.sx, (pt[1] - self.y0) * self.sy)

    def ps(self, pts):
        return [self.p(q) for q in pts]

    def frac(self, pt):
        return ((pt[0] - self.x0) / (self.x1 - self.x0), (pt[1] - self.y0) / (self.y1 - self.y0))


# --------------------------------------------------------------------------------------------
# The demo city's geography, in city-map pixels (1600x1000 over the bounds above).
# Sea to the north and east; 套子湾 Taozi Bay in the west, a headland with an island,
# 四十里湾 Sishili Bay east of the harbour, an island group offshore, the eastern coast.
# --------------------------------------------------------------------------------------------

PALETTE = {
    "sea": hexc("#B4DCEC"),
    "shallow1": hexc("#BFE2EF"),
    "shallow": hexc("#CBE8F3"),
    "coast": hexc("#8DB9CB"),
    "land": hexc("#F0F1E6"),
    "hill": hexc("#E2EAD5"),
    "hill2": hexc("#D6E3C7"),
    "river": hexc("#9ACBE2"),
    "sand": hexc("#EFE3C2"),
    "wetland": hexc("#C9DDB0"),
    "reed": hexc("#8FB174"),
    "seagrass": hexc("#7FB89A"),
    "mud": hexc("#DCD3BC"),
    "path": hexc("#C98A4B"),
    "raft": hexc("#5C7F91"),
    "buoy": hexc("#F2A93B"),
    "rock": hexc("#8E9AA0"),
    "seal": hexc("#D3CCBD"),
    "bird": hexc("#46606E"),
    "reef": hexc("#6FA7BD"),
    "pipe": hexc("#7C8C94"),
    "tamarisk": hexc("#C98FA8"),
}

# Mainland coastline from the west edge to the south edge (sea on its left going along).
COAST = [
    (-30, 276), (40, 279), (110, 285), (170, 291), (221, 296), (250, 301), (300, 316),
    (360, 335), (420, 350), (480, 359), (540, 357), (600, 345), (650, 326), (688, 302),
    # the headland: a thin neck north to the island-like cape
    (702, 272), (706, 232), (699, 198), (672, 183), (652, 160), (662, 132), (702, 115),
    (760, 111), (802, 124), (817, 150), (797, 173), (748, 184), (727, 202), (729, 242),
    (737, 281), (760, 309), (800, 329), (850, 344), (890, 359),
    # 四十里湾 Sishili Bay
    (932, 386), (975, 425), (1020, 474), (1066, 529), (1110, 574), (1160, 600), (1212, 617),
    (1262, 627), (1310, 641),
    # the eastern coast turning south
    (1324, 682), (1330, 742), (1344, 820), (1360, 900), (1374, 1000), (1380, 1040),
]
LAND_CLOSE = [(1380, 1040), (-30, 1040)]

ISLANDS = [  # (cx, cy, rx, ry, seed, angle) in city-map pixels
    (880, 72, 26, 12, 1, 0.2),      # island group (群岛)
    (975, 110, 30, 16, 2, -0.3),
    (1040, 185, 40, 18, 3, 0.15),
    (962, 222, 18, 10, 4, 0.4),
    (1110, 120, 16, 9, 5, 0.0),
    (1003, 58, 12, 7, 6, 0.5),
    (1200, 422, 35, 14, 7, -0.25),  # islands at the mouth of Sishili Bay
    (1150, 452, 12, 7, 8, 0.3),
    (1452, 560, 62, 15, 9, -0.35),  # island off the eastern coast
]

QINGYANG = [(221, 286), (221, 304), (228, 340), (240, 390), (232, 440), (212, 500), (205, 560),
            (215, 620), (200, 690), (187, 768), (180, 840), (165, 920), (150, 1010)]
EAST_CREEK = [(1262, 618), (1260, 643), (1255, 690), (1266, 740), (1250, 800), (1240, 870), (1235, 1010)]
RESERVOIR = (834, 893, 58, 27, 11, -0.12)
RESERVOIR_STREAM = [(820, 918), (810, 960), (800, 1010)]
HILLS = [  # land shading: (cx, cy, rx, ry, seed, angle, inner)
    (613, 805, 150, 78, 21, -0.1, True),
    (380, 705, 105, 55, 22, 0.2, False),
    (1060, 830, 160, 85, 23, 0.05, True),
    (1200, 720, 70, 40, 24, -0.3, False),
    (470, 930, 120, 50, 25, 0.0, False),
]


COAST_PER = 8


def coast_line():
    return spline(COAST, per=COAST_PER)


def coast_part(first, last, inland=0.0):
    """The coastline from COAST vertex `first` to vertex `last`, moved `inland` pixels inland."""
    i0, i1 = COAST.index(first) * COAST_PER, COAST.index(last) * COAST_PER
    return _offset_land(coast_line(), inland)[i0:i1 + 1]


def draw_geography(c, v, coast_width=2.0, under_land=None):
    """Sea, shallow band, land, hills, rivers, islands. v: View into the canvas.
    under_land(c, v) draws things that the land then covers (tidal flats, say)."""
    s = v.scale
    coast = coast_line()
    # shallow water: a wide light band along every shore
    c.line(v.ps(coast), 48 * s, PALETTE["shallow1"])
    for isl in ISLANDS:
        c.polygon(v.ps(blob(*_grow(isl, 20))), PALETTE["shallow1"])
    c.line(v.ps(coast), 24 * s, PALETTE["shallow"])
    for isl in ISLANDS:
        c.polygon(v.ps(blob(*_grow(isl, 9))), PALETTE["shallow"])
    if under_land:
        under_land(c, v)
    # coast outline, then land over it (the outline shows as a thin edge)
    c.polygon(v.ps(coast + LAND_CLOSE), PALETTE["coast"])
    for isl in ISLANDS:
        c.polygon(v.ps(blob(*isl)), PALETTE["coast"])
    inset = coast_width / max(s, 1e-9)
    c.polygon(v.ps(_offset_land(coast, inset) + LAND_CLOSE), PALETTE["land"])
    for isl in ISLANDS:
        c.polygon(v.ps(blob(*_grow(isl, -inset))), PALETTE["land"])
        if isl[2] >= 25:
            cx, cy, rx, ry, seed, ang = isl
            c.polygon(v.ps(blob(cx, cy, rx * 0.6, ry * 0.5, seed + 3, ang, rough=0.2)), PALETTE["hill"])
    for h in HILLS:
        cx, cy, rx, ry, seed, ang, inner = h
        c.polygon(v.ps(blob(cx, cy, rx, ry, seed, ang, rough=0.18)), PALETTE["hill"])
        if inner:
            c.polygon(v.ps(blob(cx + 10, cy + 6, rx * 0.5, ry * 0.45, seed + 5, ang, rough=0.2)), PALETTE["hill2"])
    # rivers, widening towards the sea
    q = spline(QINGYANG, per=10)
    c.line(v.ps(q), [max(1.2, (9 - 6 * i / len(q)) * s) for i in range(len(q))], PALETTE["river"])
    e = spline(EAST_CREEK, per=10)
    c.line(v.ps(e), [max(1.0, (6 - 3.5 * i / len(e)) * s) for i in range(len(e))], PALETTE["river"])
    c.line(v.ps(spline(RESERVOIR_STREAM, per=8)), 2.5 * s, PALETTE["river"])
    c.polygon(v.ps(blob(*RESERVOIR, rough=0.1)), PALETTE["coast"])
    c.polygon(v.ps(blob(*_grow(RESERVOIR, -inset), rough=0.1)), PALETTE["river"])


def _grow(isl, d):
    cx, cy, rx, ry, seed, ang = isl[:6]
    return (cx, cy, max(1.0, rx + d), max(1.0, ry + d), seed, ang)


def _offset_land(line, d):
    """Moves an open polyline d pixels towards the land (to the right of its direction)."""
    out = []
    n = len(line)
    for i in range(n):
        (xa, ya), (xb, yb) = line[max(i - 1, 0)], line[min(i + 1, n - 1)]
        dx, dy = xb - xa, yb - ya
        L = math.hypot(dx, dy) or 1.0
        # sea is on the left going along COAST (north/east), land on the right
        out.append((line[i][0] - dy / L * d, line[i][1] + dx / L * d))
    return out


# --------------------------------------------------------------------------------------------
# Pictures
# --------------------------------------------------------------------------------------------

def city_map():
    c = Canvas(MAP_W, MAP_H, PALETTE["sea"])
    draw_geography(c, View(0, 0, MAP_W, MAP_H, MAP_W, MAP_H))
    v = View(0, 0, MAP_W, MAP_H, MAP_W, MAP_H)
    # beaches of Taozi Bay and the eastern coast, as a thin sand edge
    for first, last in (((300, 316), (650, 326)), ((1324, 682), (1344, 820))):
        c.line(v.ps(coast_part(first, last, 4)), 5, PALETTE["sand"])
    return c


# Bay maps: 1200x800, a box of the city map (aspect 3:2) with the bay's own features.
BAY_W, BAY_H = 1200, 800
BAY_VIEWS = {
    "taozi": (150, 80, 780, 500),
    "islands": (720, 20, 1200, 340),
    "sishili": (760, 250, 1300, 610),
    "east": (1150, 450, 1600, 750),
}
# Hotspot anchors (city-map pixels); the script prints them as fractions of each bay map.
HOTSPOTS = {
    "taozi": [("river-mouth-wetland", (240, 318)), ("seagrass", (470, 332)),
              ("coast-path", (600, 366)), ("buoy", (510, 268))],
    "islands": [("seals", (1088, 208)), ("birds", (975, 100)), ("ranch", (840, 222)), ("buoy", (919, 143))],
    "sishili": [("rafts", (1215, 505)), ("beach", (965, 428)), ("island", (1200, 422)), ("outfall", (1066, 512))],
    "east": [("tamarisk", (1285, 662)), ("flat", (1222, 604)), ("island", (1452, 560)), ("beach", (1326, 715))],
}


def bay_view(key):
    x0, y0, x1, y1 = BAY_VIEWS[key]
    return View(x0, y0, x1, y1, BAY_W, BAY_H)


def buoy(c, x, y, s):
    c.circle(x, y, 7 * s, hexc("#FFFFFF"))
    c.circle(x, y, 5 * s, PALETTE["buoy"])


def bird(c, x, y, s):
    c.line([(x - 7 * s, y - 3 * s), (x, y + 2 * s), (x + 7 * s, y - 3 * s)], 1.6 * s, PALETTE["bird"])


def tufts(c, v, cx, cy, rx, ry, colour, step, s, seed):
    """Little marks scattered over an ellipse (reeds, seagrass, shrubs)."""
    k = 0
    y = cy - ry
    while y <= cy + ry:
        x = cx - rx + ((k * 7 + seed) % 5) * step / 5
        while x <= cx + rx:
            if ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 0.8:
                px, py = v.p((x, y))
                c.line([(px - 2 * s, py + 3 * s), (px, py - 3 * s), (px + 2 * s, py + 3 * s)], 1.2 * s, colour, caps=False)
            x += step
        y += step * 0.8
        k += 1


def map_taozi():
    v = bay_view("taozi")
    c = Canvas(BAY_W, BAY_H, PALETTE["sea"])
    draw_geography(c, v, coast_width=3)
    s = v.scale
    # restored sandy beach along the bay, and the Fairyland Coast path just inland
    c.line(v.ps(coast_part((300, 316), (650, 326), 3)), 4 * s, PALETTE["sand"])
    path = coast_part((250, 301), (688, 302), 11)
    c.dashed(v.ps(path), 1.6 * s, PALETTE["path"], 5 * s, 3.5 * s)
    # restored estuary wetland on both banks of the Qingyang River mouth
    for (cx, cy, rx, ry, seed) in ((257, 318, 30, 13, 31), (190, 306, 24, 8, 32)):
        c.polygon(v.ps(blob(cx, cy, rx, ry, seed, rough=0.15)), PALETTE["wetland"])
        tufts(c, v, cx, cy, rx, ry, PALETTE["reed"], 6, s, seed)
    q = spline(QINGYANG, per=10)
    c.line(v.ps(q), [max(1.2, (9 - 6 * i / len(q)) * s) for i in range(len(q))], PALETTE["river"])
    # seagrass meadow in the shallows
    c.polygon(v.ps(blob(470, 332, 48, 11, 33, rough=0.2)), mix(PALETTE["shallow"], PALETTE["seagrass"], 0.35))
    tufts(c, v, 470, 332, 46, 10, PALETTE["seagrass"], 5, s, 3)
    # water-quality buoy (the sea station)
    bx, by = v.p((510, 268))
    buoy(c, bx, by, 1.5)
    return c, v


def map_islands():
    v = bay_view("islands")
    c = Canvas(BAY_W, BAY_H, PALETTE["sea"])
    draw_geography(c, v, coast_width=3)
    s = v.scale
    # reefs where spotted seals haul out, with two seals resting
    for i, (x, y, r) in enumerate(((1080, 204, 5), (1092, 211, 6.5), (1103, 203, 4.5), (1086, 219, 3.5))):
        c.polygon(v.ps(blob(x, y, r * 1.5, r, 40 + i, rough=0.2)), PALETTE["rock"])
    for (x, y, a) in ((1081, 202, -0.25), (1094, 209, 0.2)):
        sx, sy = v.p((x, y))
        c.ellipse(sx, sy, 13, 5.5, PALETTE["seal"], a)
        c.circle(sx + 12 * math.cos(a), sy + 12 * math.sin(a) - 2, 4.5, PALETTE["seal"])
        c.ellipse(sx - 13 * math.cos(a), sy - 13 * math.sin(a) + 1, 5, 2.5, PALETTE["seal"], a + 0.5)
        for k in range(4):  # spots
            c.circle(sx - 7 + k * 4.5, sy - 1 + (k % 2) * 2, 1.2, PALETTE["bird"])
    # migratory birds over the island
    for (x, y) in ((958, 84), (970, 78), (984, 88), (996, 80), (948, 94), (1010, 92), (1022, 84)):
        px, py = v.p((x, y))
        bird(c, px, py, 1.5)
    # marine ranch: rows of artificial reef blocks
    for row in range(4):
        for col in range(6):
            px, py = v.p((818 + col * 9 + (row % 2) * 4, 208 + row * 9))
            c.polygon([(px - 5, py - 5), (px + 5, py - 5), (px + 5, py + 5), (px - 5, py + 5)], PALETTE["reef"])
    # kelp around the largest island
    for a in range(0, 360, 30):
        t = math.radians(a)
        x, y = 1040 + 53 * math.cos(t), 185 + 27 * math.sin(t)
        px, py = v.p((x, y))
        c.line([(px, py - 10), (px + 4, py - 4), (px - 2, py + 2), (px + 2, py + 9)], 2.2, PALETTE["seagrass"])
    bx, by = v.p((919, 143))
    buoy(c, bx, by, 1.5)
    return c, v


def map_sishili():
    v = bay_view("sishili")
    c = Canvas(BAY_W, BAY_H, PALETTE["sea"])
    draw_geography(c, v, coast_width=3)
    s = v.scale
    # restored city-front beach and the coastal promenade
    c.line(v.ps(coast_part((932, 386), (1020, 474), 3)), 4 * s, PALETTE["sand"])
    path = coast_part((850, 344), (1110, 574), 11)
    c.dashed(v.ps(path), 1.6 * s, PALETTE["path"], 5 * s, 3.5 * s)
    # shellfish and kelp farming: long lines of buoys
    for row in range(7):
        y = 472 + row * 9
        x0 = 1168 + row * 3
        pts = [v.p((x0, y)), v.p((x0 + 95, y + 8))]
        c.line(pts, 1.2, PALETTE["raft"], caps=False)
        for k in range(12):
            t = k / 11
            c.circle(pts[0][0] + (pts[1][0] - pts[0][0]) * t, pts[0][1] + (pts[1][1] - pts[0][1]) * t, 2.6, PALETTE["raft"])
    # a sea outfall under online monitoring: pipe from the shore and a buoy at its end
    c.line(v.ps([(1040, 505), (1066, 512)]), 3, PALETTE["pipe"])
    ox, oy = v.p((1066, 512))
    buoy(c, ox, oy, 1.5)
    bx, by = v.p((1123, 518))
    buoy(c, bx, by, 1.5)
    return c, v


def map_east():
    v = bay_view("east")
    c = Canvas(BAY_W, BAY_H, PALETTE["sea"])
    # tidal flat, drawn under the land so only its sea side shows
    def flat(c, v):
        c.polygon(v.ps(blob(1222, 604, 46, 13, 50, 0.35, rough=0.1)), PALETTE["mud"])
    draw_geography(c, v, coast_width=3, under_land=flat)
    s = v.scale
    # cordgrass cleared: short stubble marks on the flat
    tufts(c, v, 1222, 604, 40, 9, mix(PALETTE["mud"], PALETTE["reed"], 0.45), 6, s, 5)
    # restored tamarisk wetland at the creek mouth
    c.polygon(v.ps(blob(1285, 662, 28, 18, 51, rough=0.18)), PALETTE["wetland"])
    for (x, y) in ((1272, 652), (1290, 650), (1300, 668), (1278, 672), (1268, 664), (1293, 678)):
        px, py = v.p((x, y))
        c.circle(px, py, 11, PALETTE["tamarisk"])
        c.circle(px + 3, py - 3, 5, mix(PALETTE["tamarisk"], hexc("#FFFFFF"), 0.35))
    e = spline(EAST_CREEK, per=10)
    c.line(v.ps(e), [max(1.0, (6 - 3.5 * i / len(e)) * s) for i in range(len(e))], PALETTE["river"])
    # natural sandy shore and path along the eastern coast
    c.line(v.ps(coast_part((1324, 682), (1344, 820), 3)), 4 * s, PALETTE["sand"])
    path = coast_part((1310, 641), (1344, 820), 11)
    c.dashed(v.ps(path), 1.6 * s, PALETTE["path"], 5 * s, 3.5 * s)
    bx, by = v.p((1396, 679))
    buoy(c, bx, by, 1.5)
    return c, v


# --- illustrative "photos": 1200x700 stylised landscapes ---------------------------------------

PH_W, PH_H = 1200, 700


def sky(c, top, bottom, horizon):
    c.fill_rows(0, horizon, lambda y: mix(hexc(top), hexc(bottom), y / horizon))


def sea_band(c, horizon, far, near):
    c.fill_rows(horizon, PH_H, lambda y: mix(hexc(far), hexc(near), (y - horizon) / (PH_H - horizon)))


def cloud(c, x, y, w, colour="#FFFFFF"):
    col = hexc(colour)
    c.ellipse(x, y, w * 0.5, w * 0.16, col)
    c.ellipse(x - w * 0.15, y - w * 0.1, w * 0.2, w * 0.14, col)
    c.ellipse(x + w * 0.1, y - w * 0.14, w * 0.24, w * 0.17, col)


def waves(c, y0, y1, colour, count, seed):
    col = hexc(colour)
    for i in range(count):
        t = i / max(1, count - 1)
        y = y0 + (y1 - y0) * t
        x = ((i * 397 + seed * 131) % 1100) + 20
        w = 40 + 90 * t
        c.line([(x, y), (x + w * 0.5, y - 2 - 2 * t), (x + w, y)], 1.5 + 2.5 * t, col)


def hills_far(c, horizon, colour, shapes):
    for (x, w, h) in shapes:
        pts = [(x - w / 2, horizon + 1)]
        for k in range(0, 21):
            t = k / 20
            pts.append((x - w / 2 + w * t, horizon - h * math.sin(math.pi * t) ** 0.8 * (1 - 0.12 * math.sin(7 * t))))
        pts.append((x + w / 2, horizon + 1))
        c.polygon(pts, hexc(colour))


def photo_taozi():
    c = Canvas(PH_W, PH_H, (255, 255, 255))
    hz = 330
    sky(c, "#7DB9E0", "#E4F1F6", hz)
    c.circle(930, 120, 46, hexc("#FFF4D6"))
    cloud(c, 260, 110, 220)
    cloud(c, 640, 70, 160)
    sea_band(c, hz, "#6FB0CC", "#3C8BB0")
    hills_far(c, hz, "#9DB6C4", [(1020, 340, 58), (1140, 200, 30)])  # the headland across the bay
    hills_far(c, hz, "#B7C8D1", [(120, 300, 26)])
    waves(c, hz + 30, 520, "#9FD0E2", 14, 1)
    # beach: a curve of sand with a foam edge, and the dune grass behind
    shore = spline([(-10, 560), (300, 535), (620, 548), (900, 585), (1210, 640)], per=12)
    c.polygon(shore + [(1210, 710), (-10, 710)], hexc("#E9D7AA"))
    c.line(shore, 7, hexc("#F7FBFC"))
    c.polygon(spline([(-10, 650), (300, 625), (700, 660), (1210, 690)], per=10) + [(1210, 710), (-10, 710)], hexc("#DCC690"))
    for i in range(9):
        x = 40 + i * 48
        c.line([(x, 700), (x + 6, 665 - (i % 3) * 8)], 3, hexc("#8FAE6A"))
    # the coast path's railing
    c.line([(780, 640), (1210, 600)], 4, hexc("#B07A45"))
    for k in range(9):
        x = 790 + k * 52
        c.line([(x, 640 - (x - 780) * 40 / 430), (x, 665 - (x - 780) * 40 / 430)], 4, hexc("#B07A45"))
    return c


def photo_islands():
    c = Canvas(PH_W, PH_H, (255, 255, 255))
    hz = 360
    sky(c, "#9CC3DE", "#EEF3F2", hz)
    cloud(c, 900, 120, 260)
    cloud(c, 330, 90, 150)
    sea_band(c, hz, "#7AAFC6", "#2F7398")
    hills_far(c, hz, "#8EA6B4", [(220, 260, 70), (520, 150, 36), (760, 110, 22), (1050, 300, 80)])
    waves(c, hz + 25, 600, "#9CC9DB", 16, 3)
    # a rock in the foreground with two spotted seals resting on it
    rock = spline([(440, 640), (520, 575), (640, 560), (760, 580), (830, 640)], per=8)
    c.polygon(rock + [(860, 700), (410, 700)], hexc("#7E8A90"))
    c.polygon(spline([(450, 705), (500, 640), (580, 605), (700, 600), (790, 640), (830, 705)], per=8), hexc("#6D787E"))
    for (x, y, a, L) in ((585, 560, -0.12, 70), (705, 566, 0.1, 62)):
        c.ellipse(x, y, L / 2, L * 0.2, hexc("#B9B3A6"), a)
        hx, hy = x + L * 0.48 * math.cos(a), y + L * 0.48 * math.sin(a) - 6
        c.circle(hx, hy, L * 0.13, hexc("#B9B3A6"))
        c.circle(hx + L * 0.08, hy - 2, 2.2, hexc("#2E3A40"))
        for k in range(6):  # the spots
            c.circle(x - L * 0.3 + k * L * 0.11, y - 3 + (k % 2) * 6, 2.4, hexc("#7F7A70"))
    c.line([(360, 690), (400, 682), (432, 676)], 6, hexc("#E8F3F6"))
    c.line([(840, 676), (880, 684), (925, 690)], 6, hexc("#E8F3F6"))
    for (x, y, s) in ((300, 210, 1.4), (340, 190, 1.2), (380, 220, 1.3), (430, 200, 1.1), (250, 235, 1.0), (470, 230, 1.2)):
        bird(c, x, y, s * 1.4)
    return c


def photo_sishili():
    c = Canvas(PH_W, PH_H, (255, 255, 255))
    hz = 320
    sky(c, "#86BEE0", "#E9F2F4", hz)
    c.circle(180, 110, 40, hexc("#FFF2D2"))
    cloud(c, 760, 100, 240)
    sea_band(c, hz, "#78B3C9", "#3A86A8")
    # the city on the far shore
    for i, (x, w, h) in enumerate(((600, 40, 70), (650, 34, 105), (692, 46, 80), (745, 30, 125), (785, 44, 92),
                                   (840, 36, 66), (885, 52, 100), (945, 40, 74), (990, 30, 56))):
        c.polygon([(x, hz + 1), (x, hz - h), (x + w, hz - h), (x + w, hz + 1)], hexc("#A7B9C4" if i % 2 else "#9AAEBB"))
    hills_far(c, hz, "#A9BDC8", [(200, 360, 44), (1120, 260, 50)])
    # rows of buoys of the shellfish and kelp farms
    for row in range(6):
        y = hz + 40 + row * row * 9 + row * 18
        r = 2.5 + row * 1.6
        gap = 28 + row * 16
        x = (row * 37) % gap
        while x < PH_W:
            c.circle(x, y, r, hexc("#E46F3C") if (x // gap) % 3 else hexc("#F1F1EC"))
            x += gap
        c.line([(0, y + r * 0.4), (PH_W, y + r * 0.4)], 0.8 + row * 0.3, hexc("#2F6D8A"))
    # a small work boat
    c.polygon([(820, 600), (990, 600), (960, 632), (845, 632)], hexc("#F4F1E8"))
    c.polygon([(860, 600), (860, 572), (920, 572), (930, 600)], hexc("#D8DEE2"))
    c.line([(835, 636), (975, 636)], 3, hexc("#2C6684"))
    waves(c, 560, 680, "#8DC3D8", 6, 7)
    return c


def photo_east():
    c = Canvas(PH_W, PH_H, (255, 255, 255))
    hz = 300
    sky(c, "#8FC0DE", "#F0EFE6", hz)
    cloud(c, 450, 95, 280)
    cloud(c, 1000, 140, 180)
    sea_band(c, hz, "#7DB4C8", "#4D94B1")
    hills_far(c, hz, "#9FB3BE", [(980, 420, 34)])  # the island on the horizon
    waves(c, hz + 15, 400, "#A5D1E0", 8, 5)
    # tidal flat, then the salt marsh with tamarisk shrubs in flower
    flat = spline([(-10, 420), (400, 405), (800, 425), (1210, 410)], per=10)
    c.polygon(flat + [(1210, 710), (-10, 710)], hexc("#D8CCAE"))
    c.line(flat, 4, hexc("#F5F8F6"))
    marsh = spline([(-10, 520), (300, 500), (700, 520), (1210, 495)], per=10)
    c.polygon(marsh + [(1210, 710), (-10, 710)], hexc("#A9C08A"))
    c.polygon(spline([(-10, 610), (500, 590), (1210, 615)], per=10) + [(1210, 710), (-10, 710)], hexc("#97B278"))
    # tidal creek through the flat
    creek = spline([(560, 710), (610, 600), (580, 520), (640, 450), (700, 410)], per=10)
    c.line(creek, [26 - 22 * i / len(creek) for i in range(len(creek))], hexc("#8CC2D6"))
    for i in range(16):  # tamarisk shrubs: low, feathery, pink in flower
        x = 40 + (i * 173) % 1140
        y = 545 + (i * 61) % 120
        if abs(x - 595) < 70:
            continue  # keep the creek clear
        r = 16 + (i % 4) * 6
        for k in range(5):
            c.line([(x, y + r * 0.9), (x - r * 0.8 + k * r * 0.4, y - r * 0.2)], 2, hexc("#8A6A55"), caps=False)
        for (dx, dy, f) in ((-0.55, 0.05, 0.55), (0.55, 0.05, 0.55), (0, -0.25, 0.65)):
            c.ellipse(x + dx * r, y + dy * r, r * f, r * f * 0.7, hexc("#C98FA8") if i % 3 else hexc("#D29AB2"))
        c.ellipse(x - r * 0.1, y - r * 0.4, r * 0.3, r * 0.2, hexc("#E3BACB"))
    for (x, y) in ((820, 200), (860, 180), (900, 210)):
        bird(c, x, y, 1.6)
    return c


# --------------------------------------------------------------------------------------------

def check_stations(canvas):
    """Every station of stations.toml must fall on the right kind of place on map.png."""
    import tomllib
    with open(os.path.join(CONTENT, "stations.toml"), "rb") as f:
        stations = tomllib.load(f).get("station", [])
    sea = {PALETTE["sea"], PALETTE["shallow1"], PALETTE["shallow"]}
    ok = True
    for st in stations:
        x, y = lonlat_to_map(st["lon"], st["lat"])
        col = canvas.pixel(x, y)
        kind = st["kind"]
        if kind == "sea":
            good = col in sea
        elif kind in ("river", "lake"):
            good = col == PALETTE["river"]
        else:
            good = col not in sea and col != PALETTE["river"] and col != PALETTE["coast"]
        print(f"  {st['id']:<24} {kind:<6} at ({x:6.1f}, {y:6.1f}) colour #{col[0]:02X}{col[1]:02X}{col[2]:02X} "
              f"{'ok' if good else 'WRONG PLACE'}")
        ok = ok and good
    return ok


def main():
    parser = argparse.ArgumentParser(description="Draws the demo content pack's pictures.")
    parser.add_argument("--out", default=os.path.join(CONTENT, "pictures"), help="folder to write them to")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail unless content/pictures/ holds exactly what this draws")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            draw(tmp, check_places=True)
            committed = os.path.join(CONTENT, "pictures")
            names = sorted(os.listdir(tmp))
            _, differ, missing = filecmp.cmpfiles(tmp, committed, names, shallow=False)
        for name in differ:
            print(f"content/pictures/{name} differs from what assets/pictures/make_pictures.py draws")
        for name in missing:
            print(f"content/pictures/{name} is missing: assets/pictures/make_pictures.py draws it")
        if differ or missing:
            print("run python3 assets/pictures/make_pictures.py and commit the pictures with the change")
            sys.exit(1)
        print(f"the {len(names)} pictures in content/pictures/ match their generator")
    else:
        draw(args.out, check_places=False)


def draw(out, check_places):
    os.makedirs(out, exist_ok=True)
    sizes = []
    def save(canvas, name):
        sizes.append((name, canvas.save(os.path.join(out, name)), canvas.w, canvas.h))

    m = city_map()
    save(m, "map.png")
    print(f"map.png bounds: west {WEST} east {EAST} south {SOUTH} north {NORTH}")
    for key, fn in (("taozi", map_taozi), ("islands", map_islands), ("sishili", map_sishili), ("east", map_east)):
        c, v = fn()
        save(c, f"bay-{key}-map.png")
        for name, pt in HOTSPOTS[key]:
            fx, fy = v.frac(pt)
            print(f"  bay-{key}-map.png hotspot {name:<20} x = {fx:.3f}, y = {fy:.3f}")
    for key, fn in (("taozi", photo_taozi), ("islands", photo_islands), ("sishili", photo_sishili), ("east", photo_east)):
        save(fn(), f"bay-{key}-photo.png")
    for name, size, w, h in sizes:
        print(f"{name:<24} {w}x{h} {size / 1024:7.1f} KB")
    if check_places:
        print("stations on map.png:")
        if not check_stations(m):
            sys.exit(1)


if __name__ == "__main__":
    main()
