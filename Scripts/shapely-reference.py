#!/usr/bin/env python3
"""The benchmark's yardstick: what a GIS engineer would write with Shapely 2.

Reads a sightline-plan/1 file (local metres) and, per camera, shadow-casts
its view exactly as Sightline's tests' reference does: the field (an annular
sector from the lens, tilt and mounting height, arcs in 1-degree chords)
minus the union of the shadow quadrilateral of every blocking wall segment
within range; see-through openings cut the walls they lie on, closed doors
and frosted windows block, glass and low walls do not (2-D only). Prints the
intrusion areas into prohibited zones as JSON. Used only to time Sightline
against it side by side (`sightline-bench` figures are Sightline's own):

    time python3 Scripts/shapely-reference.py hotel.json > /dev/null
    time .build/release/sightline check hotel.json --format json -o /dev/null
"""
import json
import math
import sys

import shapely
from shapely.geometry import LineString, Polygon, Point
from shapely.ops import unary_union

PROHIBITED = {"guest_room", "private_dining_room", "dormitory_room", "staff_quarters", "bathhouse", "toilet",
              "changing_room", "nursing_room", "fitting_room", "private_other"}


def band(lens, person, low, high, rng):
    near, far = 0.0, rng
    if high < 0:
        far = min(far, lens / math.tan(math.radians(-high)))
    if person < lens:
        if low >= 0:
            return 0.0, 0.0
        if low > -90:
            near = (lens - person) / math.tan(math.radians(-low))
    return near, far


def field(eye, start, sweep, near, far):
    n = max(2, math.ceil(sweep))
    bearings = [math.radians(start + sweep * k / n) for k in range(n + 1)]
    outer = [(eye[0] + far * math.sin(b), eye[1] + far * math.cos(b)) for b in bearings]
    if sweep >= 360:
        hole = [(eye[0] + near * math.sin(b), eye[1] + near * math.cos(b)) for b in bearings] if near > 0 else None
        return Polygon(outer, [hole[::-1]] if hole else None)
    inner = [(eye[0] + near * math.sin(b), eye[1] + near * math.cos(b)) for b in reversed(bearings)] if near > 0 else [eye]
    return Polygon(outer + inner)


def shadows(a, b, eye, far, out):
    ux, uy, vx, vy = a[0] - eye[0], a[1] - eye[1], b[0] - eye[0], b[1] - eye[1]
    lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
    if lu < 1e-9 or lv < 1e-9 or abs(ux * vy - uy * vx) <= 1e-12 * lu * lv:
        return
    angle = math.acos(max(-1.0, min(1.0, (ux * vx + uy * vy) / (lu * lv))))
    if angle > math.radians(20):
        m = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        shadows(a, m, eye, far, out)
        shadows(m, b, eye, far, out)
        return
    reach = far * 1.2 + 1
    ka, kb = max(reach / lu, 2), max(reach / lv, 2)
    out.append(Polygon([a, b, (eye[0] + vx * kb, eye[1] + vy * kb), (eye[0] + ux * ka, eye[1] + uy * ka)]))


def main(path):
    doc = json.load(open(path))
    plan = doc.get("plan", {})
    levels = [level["id"] for level in plan.get("levels", [])]
    person = plan.get("defaults", {}).get("personHeight", 2.0)
    doors_default = plan.get("defaults", {}).get("doors", "open")
    features = doc["features"]
    result = {}
    for level in levels:
        own = [f for f in features if f["properties"].get("level", levels[0]) == level]
        walls, cuts, closed, zones, cameras = [], [], [], [], []
        for f in own:
            p, g = f["properties"], f["geometry"]
            kind = p["kind"]
            if kind == "wall" and p.get("material", "opaque") == "opaque" and p.get("height") is None:
                if g["type"] == "LineString":
                    t = p.get("thickness", 0)
                    line = LineString(g["coordinates"])
                    walls.append(line.buffer(t / 2, cap_style="flat", join_style="mitre") if t > 0 else line)
                elif g["type"] == "Polygon":
                    walls.append(Polygon(g["coordinates"][0], g["coordinates"][1:]))
            elif kind == "opening" and g["type"] == "LineString":
                line = LineString(g["coordinates"])
                shut = (p.get("openingType") == "door" and p.get("state", doors_default) == "closed") or \
                       (p.get("openingType") == "window" and p.get("transparent", True) is False)
                (closed if shut else cuts).append(line)
            elif kind == "zone" and p.get("category") in PROHIBITED:
                zones.append((f["id"], Polygon(g["coordinates"][0], g["coordinates"][1:])))
            elif kind == "camera":
                cameras.append(f)
        if cuts:
            cut = unary_union([c.buffer(0.05, cap_style="flat") for c in cuts])
            walls = [w.difference(cut) for w in walls]
        segments = []
        for w in walls + closed:
            for part in getattr(w, "geoms", [w]):
                rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
                for ring in rings:
                    c = list(ring.coords)
                    segments += [(c[i], c[i + 1]) for i in range(len(c) - 1)]
        tree = shapely.STRtree([LineString(s) for s in segments]) if segments else None
        zone_tree = shapely.STRtree([z for _, z in zones]) if zones else None
        for cam in cameras:
            p = cam["properties"]
            eye = tuple(cam["geometry"]["coordinates"])
            hfov = p.get("hfov", 360 if p.get("type") == "fisheye" else 90)
            vfov = p.get("vfov", 2 * math.degrees(math.atan(math.tan(math.radians(hfov / 2)) * 9 / 16)) if hfov < 180 else 180)
            tilt, lens, rng = p.get("tilt", 0), p.get("mountHeight", 2.5), p.get("range", 30)
            if p.get("type") == "fisheye":
                start, sweep, low, high = 0, 360, -90, 0
            else:
                start, sweep, low, high = p.get("heading", 0) - hfov / 2, hfov, -tilt - vfov / 2, -tilt + vfov / 2
            near, far = band(lens, person, low, high, rng)
            if far <= near:
                continue
            view = field(eye, start, sweep, near, far)
            quads = []
            if tree is not None:
                for i in tree.query(Point(eye).buffer(far)):
                    shadows(segments[i][0], segments[i][1], eye, far, quads)
            if quads:
                view = view.difference(unary_union(quads))
            seen = {}
            if zone_tree is not None:
                for i in zone_tree.query(view):
                    area = view.intersection(zones[i][1]).area
                    if area >= 0.01:
                        seen[zones[i][0]] = round(area, 4)
            result[cam["id"]] = seen
    json.dump(result, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
