#!/usr/bin/env python3
"""Independent reading of the real-drawing corpus in Fixtures/real/.

This script does NOT use Sightline. It reads every fixture with ordinary
third-party libraries and writes what it sees to
Fixtures/real/reading/<file-stem>.json, so that Sightline's importers can be
compared against an outside opinion.

  DXF   -> ezdxf          (pip install ezdxf)
  IMDF  -> json + shapely (pip install shapely)   folders or .zip archives
  OSM   -> xml.etree      (standard library)

Run from anywhere:

    python3 Fixtures/real/reading/read_corpus.py

What it records for each file (keys of the JSON):

  source          path relative to Fixtures/real
  format          "dxf" | "imdf" | "osm"
  levels          level names (a DXF has no levels: one file = one level)
  rooms           [{label, category, ...}] rooms/labels that were found
  counts          rooms, per-category counts, art8_places, doors
  units           DXF $INSUNITS (number + name) or null; IMDF/OSM: "WGS84 degrees"
  encoding        DXF $DWGCODEPAGE and the codec ezdxf chose
  notes           things an importer may trip over (999 comments, CRLF, \\M+ ...)

The category guess is deliberately simple: keyword matching on the label
text (and on OSM/IMDF category tags). It is an expectation, not the truth:
where a drawing carries no room labels the reading says so, and a human
should look at the drawing before trusting any number.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent  # Fixtures/real

# --------------------------------------------------------------------------
# Category keywords
# --------------------------------------------------------------------------
# Order matters: the first category whose pattern matches wins.
# Latin words are matched as whole words, case-insensitively, except the
# German "Bad" which is matched case-sensitively (so "bad" the adjective is
# not a bathroom). CJK keywords are matched as substrings.
CATEGORY_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("toilet", re.compile(
        r"\b(wc|w\.c\.|toilets?|restrooms?|lavator(y|ies)|washrooms?|bathrooms?"
        r"|toiletten?|dusche|sanit[aä]r)\b|卫生间|厕所|洗手间|盥洗|公厕|男厕|女厕",
        re.IGNORECASE)),
    ("toilet", re.compile(r"\bBad\b")),
    ("bath", re.compile(r"\b(showers?|bath|baths|sauna|spa)\b|浴室|淋浴|澡堂",
                        re.IGNORECASE)),
    ("changing_room", re.compile(
        r"\b(changing|locker\s*rooms?|change\s*rooms?|umkleide\w*)\b|更衣",
        re.IGNORECASE)),
    ("fitting_room", re.compile(r"\bfitting\s*rooms?\b|试衣", re.IGNORECASE)),
    ("nursing_room", re.compile(
        r"\b(nursing|lactation|mother'?s\s*room|baby\s*care|wickel\w*)\b|母婴|哺乳",
        re.IGNORECASE)),
    ("guest_room", re.compile(r"\b(guest\s*rooms?|hotel\s*rooms?|suite)\b|客房",
                              re.IGNORECASE)),
    ("dormitory", re.compile(r"\b(dorm|dormitor(y|ies))\b|宿舍", re.IGNORECASE)),
    ("bedroom", re.compile(r"\b(bed\s*rooms?|schlafzimmer)\b|卧室", re.IGNORECASE)),
]

# Places that Art. 8 of the rules Sightline checks treats as private
# (bedroom is reported but not counted: a private home's bedroom is not a
# guest room).
ART8 = ["toilet", "bath", "changing_room", "fitting_room", "nursing_room",
        "guest_room", "dormitory"]

# Words that make a text label look like a room name even when it does not
# fall in a sensitive category (used to decide whether a DXF text is a room
# label at all).
ROOMISH = re.compile(
    r"\b(room|office|lobby|hall|corridor|kitchen|living|dining|storage|store|stair"
    r"\w*|elevator|lift|lounge|meeting|conference|reception|mech|elec|closet|"
    r"garage|studio|foyer|entry|balcony|terrace|copy|print|focus|phone|booth|"
    r"specialty|küche|wohn\w*|zimmer|flur)\b|室|厅|房|间|走廊|楼梯|电梯|办公",
    re.IGNORECASE)


def guess_category(*texts: str | None) -> str:
    for text in texts:
        if not text:
            continue
        for category, pattern in CATEGORY_PATTERNS:
            if pattern.search(text):
                return category
    return "other"


def summarise(rooms: list[dict], doors: int) -> dict:
    by_cat = Counter(r["category"] for r in rooms)
    return {
        "rooms": len(rooms),
        "by_category": dict(sorted(by_cat.items())),
        "toilets": by_cat.get("toilet", 0),
        "art8_places": sum(by_cat.get(c, 0) for c in ART8),
        "doors": doors,
    }


# --------------------------------------------------------------------------
# DXF
# --------------------------------------------------------------------------
INSUNITS = {0: "unitless", 1: "inches", 2: "feet", 3: "miles", 4: "millimeters",
            5: "centimeters", 6: "meters", 7: "kilometers", 8: "microinches",
            9: "mils", 10: "yards", 11: "angstroms", 12: "nanometers",
            13: "microns", 14: "decimeters", 15: "decameters",
            16: "hectometers", 17: "gigameters", 18: "astronomical units",
            19: "light years", 20: "parsecs"}

DOOR_WORD = re.compile(r"door|tür|tuer|porte|puerta|门|DR\b", re.IGNORECASE)
ZONE_LAYER = re.compile(r"zone", re.IGNORECASE)
NUMBER_LAYER = re.compile(r"numr|number|-num\b|nummer|编号", re.IGNORECASE)
NAME_LAYER = re.compile(r"name", re.IGNORECASE)
LABEL_LAYER = re.compile(r"iden|name|label|room|rm\$|unit|房间|文字|text",
                         re.IGNORECASE)


def raw_dxf_notes(path: Path) -> list[str]:
    """Look at the raw bytes for oddities ezdxf hides."""
    data = path.read_bytes()
    notes = []
    if data.startswith(b"AutoCAD Binary DXF"):
        notes.append("binary DXF")
        return notes
    first = data.lstrip()[:3]
    if first == b"999":
        notes.append("starts with a 999 comment group before SECTION")
    if b"\r\n" in data[:400]:
        notes.append("CRLF line endings")
    if b"\\M+" in data:
        notes.append("contains \\M+ multibyte escapes (DBCS text)")
    if b"\\U+" in data:
        notes.append("contains \\U+ unicode escapes")
    return notes


def read_dxf(path: Path) -> dict:
    import ezdxf
    from ezdxf import recover

    doc, auditor = recover.readfile(str(path))
    msp = doc.modelspace()
    header = doc.header
    insunits = header.get("$INSUNITS") if "$INSUNITS" in header else None
    notes = raw_dxf_notes(path)
    if auditor.has_errors:
        notes.append(f"ezdxf recover reported {len(auditor.errors)} errors")
    if insunits is None:
        notes.append("$INSUNITS missing")
    elif insunits == 0:
        notes.append("$INSUNITS = 0 (unitless)")

    # Text labels: TEXT and MTEXT in modelspace, ATTRIBs of INSERTs, and
    # TEXT/MTEXT inside inserted blocks (one level deep, the usual place for
    # room tags in exported drawings).
    labels: list[tuple[str, str]] = []  # (text, layer)
    for e in msp.query("TEXT MTEXT"):
        text = e.dxf.text if e.dxftype() == "TEXT" else e.plain_text()
        labels.append((text, e.dxf.layer))
    n_insert = 0
    for ins in msp.query("INSERT"):
        n_insert += 1
        for a in ins.attribs:
            labels.append((a.dxf.text, a.dxf.layer))
        block = doc.blocks.get(ins.dxf.name)
        if block is None:
            continue
        for e in block.query("TEXT MTEXT"):
            text = e.dxf.text if e.dxftype() == "TEXT" else e.plain_text()
            labels.append((text, e.dxf.layer))

    rooms = []
    for text, layer in labels:
        text = " ".join(text.split())
        if not text or ZONE_LAYER.search(layer):
            continue
        category = guess_category(text)
        on_label_layer = bool(LABEL_LAYER.search(layer))
        if category != "other" or ROOMISH.search(text) or on_label_layer:
            rooms.append({"label": text, "layer": layer, "category": category})
    # Drawings that carry a room name AND a room number per room (e.g. the
    # AIA layers A-IDEN-NAME / A-IDEN-NUMR) would count every room twice:
    # keep the names, report the numbers separately.
    number_labels = [r for r in rooms if NUMBER_LAYER.search(r["layer"])]
    if number_labels and any(NAME_LAYER.search(r["layer"]) for r in rooms):
        rooms = [r for r in rooms if not NUMBER_LAYER.search(r["layer"])]
        notes.append(f"{len(number_labels)} room-number labels on separate layers not counted as rooms")

    # Doors: INSERTs whose block name or layer says "door"; failing that,
    # ARCs (door swings) on a door layer.
    door_inserts = [i for i in msp.query("INSERT")
                    if DOOR_WORD.search(i.dxf.name) or DOOR_WORD.search(i.dxf.layer)]
    door_arcs = [a for a in msp.query("ARC") if DOOR_WORD.search(a.dxf.layer)]
    door_shapes = [e for e in msp.query("LWPOLYLINE POLYLINE")
                   if DOOR_WORD.search(e.dxf.layer)]
    if door_inserts:
        doors, door_method = len(door_inserts), "INSERTs with door in block or layer name"
    elif door_arcs:
        doors, door_method = len(door_arcs), "ARCs (swings) on door layers"
    elif door_shapes:
        doors, door_method = len(door_shapes), "polylines on door layers (one per opening)"
    else:
        doors, door_method = 0, "no door blocks or door layers found"

    entity_counts = Counter(e.dxftype() for e in msp)
    if not entity_counts:
        notes.append("modelspace is empty")
    elif set(entity_counts) == {"INSERT"}:
        notes.append("all geometry sits inside blocks (modelspace holds only INSERTs)")
    if not rooms:
        notes.append("no room labels: rooms must come from geometry or a human")

    return {
        "format": "dxf",
        "dxf_version": doc.dxfversion,
        "units": {"insunits": insunits,
                  "name": INSUNITS.get(insunits) if insunits is not None else None},
        "encoding": {"dwgcodepage": header.get("$DWGCODEPAGE"),
                     "ezdxf_encoding": doc.encoding},
        "levels": [path.stem],
        "layers": sorted(layer.dxf.name for layer in doc.layers),
        "modelspace_entities": dict(entity_counts.most_common()),
        "inserts": n_insert,
        "text_labels": len(labels),
        "rooms": rooms,
        "door_method": door_method,
        "counts": summarise(rooms, doors),
        "notes": notes,
    }


# --------------------------------------------------------------------------
# IMDF (folder of *.geojson, or a .zip of one)
# --------------------------------------------------------------------------
# The feature files the reading uses; others (amenity, anchor, occupant...)
# are not read, so a broken one (POSTECH's amenity.geojson has a trailing
# comma) does not stop the reading of the venue.
IMDF_FABRIC = {"brick", "concrete", "drywall", "glass", "wood", "column", "structure"}
IMDF_READ = {"manifest", "venue", "level", "unit", "opening"}


def _imdf_names(path: Path) -> list[str]:
    """The stems of every feature file of the venue, read or not."""
    if path.is_dir():
        names = [f.stem for f in path.rglob("*") if f.suffix in (".geojson", ".json")]
    else:
        with zipfile.ZipFile(path) as z:
            names = [Path(n).stem for n in z.namelist() if n.endswith((".geojson", ".json"))]
    return sorted(set(names))


def _imdf_files(path: Path) -> dict[str, dict]:
    files: dict[str, dict] = {}
    if path.is_dir():
        for f in path.rglob("*"):
            if f.suffix in (".geojson", ".json") and f.stem in IMDF_READ:
                files[f.stem] = json.loads(f.read_text(encoding="utf-8"))
    else:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                stem = Path(name).stem
                if name.endswith((".geojson", ".json")) and stem in IMDF_READ:
                    files[stem] = json.loads(z.read(name).decode("utf-8"))
    return files


def _imdf_name(props: dict) -> str | None:
    for key in ("name", "alt_name", "short_name"):
        value = props.get(key)
        if isinstance(value, dict) and value:
            return next(iter(value.values()))
        if isinstance(value, str):
            return value
    return None


def read_imdf(path: Path) -> dict:
    from shapely.geometry import shape

    files = _imdf_files(path)
    notes = []
    if "manifest" not in files:
        notes.append("manifest.json missing")
    # Levels by id: two buildings may both have an "Этаж 1" (at different
    # ordinals), so each level is listed as "name (ordinal n)", once per id.
    level_names = {}
    for f in files.get("level", {}).get("features", []):
        props = f.get("properties") or {}
        name = _imdf_name(props) or props.get("short_name") or "unnamed"
        level_names[f.get("id")] = f"{name} (ordinal {props.get('ordinal')})"
    rooms = []
    fabric = Counter()
    for f in files.get("unit", {}).get("features", []):
        props = f.get("properties") or {}
        category_tag = props.get("category") or ""
        # IMDF 1.0 unit categories that are materials or structure, not
        # places (brick, concrete, drywall, glass, wood; column, structure).
        if category_tag in IMDF_FABRIC:
            fabric[category_tag] += 1
            continue
        label = _imdf_name(props)
        # IMDF unit categories: restroom, restroom.male, shower, changingroom,
        # fittingroom, mothersroom, ... -> map them through the same keywords.
        tag_text = (category_tag.replace("changingroom", "changing room")
                    .replace("fittingroom", "fitting room")
                    .replace("mothersroom", "mother's room")
                    .replace("restroom", "restroom ").replace(".", " "))
        category = guess_category(tag_text, label)
        geom = f.get("geometry")
        rooms.append({"id": f.get("id"), "label": label, "imdf_category": category_tag,
                      "level": level_names.get(props.get("level_id"), props.get("level_id")),
                      "category": category,
                      "geometry": geom.get("type") if geom else None,
                      "valid": bool(geom) and shape(geom).is_valid})
    openings = files.get("opening", {}).get("features", [])
    geom_types = Counter((o.get("geometry") or {}).get("type") for o in openings)
    if any(t not in ("LineString",) for t in geom_types):
        notes.append(f"opening geometry types: {dict(geom_types)}")
    return {
        "format": "imdf",
        "units": "WGS84 degrees",
        "levels": sorted(level_names.values()),
        "feature_files": _imdf_names(path),
        "rooms": rooms,
        "counts": {**summarise(rooms, len(openings)), **({"fabric_units": dict(sorted(fabric.items()))} if fabric else {})},
        "notes": notes,
    }


# --------------------------------------------------------------------------
# OSM XML
# --------------------------------------------------------------------------
def read_osm(path: Path) -> dict:
    tree = ET.parse(path)
    root = tree.getroot()
    notes = [f"generator: {root.get('generator')}"] if root.get("generator") else []
    elements = [e for e in root if e.tag in ("node", "way", "relation")]
    if any(e.get("id", "").startswith("-") for e in elements):
        notes.append("negative (not yet uploaded) ids present")
    if any(e.get("action") for e in elements):
        notes.append("JOSM action= attributes present")

    levels: set[str] = set()
    rooms, doors = [], 0
    for e in elements:
        tags = {t.get("k"): t.get("v") for t in e.findall("tag")}
        for key in ("level", "repeat_on", "level:ref"):
            if key in tags:
                levels.update(v.strip() for v in tags[key].split(";"))
        if e.tag == "node" and ((tags.get("door") not in (None, "no"))
                                or "entrance" in tags or tags.get("indoor") == "door"):
            doors += 1
        is_room = tags.get("indoor") in ("room", "area") and e.tag != "node"
        is_toilet_poi = tags.get("amenity") in ("toilets", "shower") or "toilets" == tags.get("room")
        if not (is_room or is_toilet_poi):
            continue
        label = tags.get("name") or tags.get("ref") or tags.get("room")
        tag_text = " ".join(filter(None, [tags.get("room"), tags.get("amenity")]))
        category = guess_category(tag_text.replace("_", " "), tags.get("name"), tags.get("ref"))
        rooms.append({"osm": f"{e.tag}/{e.get('id')}", "kind": "room" if is_room else "poi",
                      "label": label,
                      "indoor": tags.get("indoor"), "room": tags.get("room"),
                      "amenity": tags.get("amenity"), "level": tags.get("level"),
                      "category": category})
    odd_levels = sorted(l for l in levels if not re.fullmatch(r"-?\d+", l))
    if odd_levels:
        notes.append(f"non-integer level values: {odd_levels}")
    return {
        "format": "osm",
        "units": "WGS84 degrees",
        "levels": sorted(levels, key=lambda s: (not re.fullmatch(r"-?\d+(\.\d+)?", s),
                                                 float(s) if re.fullmatch(r"-?\d+(\.\d+)?", s) else 0, s)),
        "elements": dict(Counter(e.tag for e in elements)),
        "rooms": rooms,
        "door_method": "nodes with door=* (not no), entrance=* or indoor=door",
        "counts": summarise(rooms, doors),
        "notes": notes,
    }


# --------------------------------------------------------------------------
def fixtures() -> list[tuple[str, Path]]:
    found = []
    for p in sorted((ROOT / "dxf").glob("*.dxf")):
        found.append(("dxf", p))
    imdf = ROOT / "imdf"
    if imdf.is_dir():
        for p in sorted(imdf.iterdir()):
            if p.is_dir() or p.suffix == ".zip":
                found.append(("imdf", p))
    for p in sorted((ROOT / "osm").glob("*.osm")):
        found.append(("osm", p))
    return found


def main() -> int:
    readers = {"dxf": read_dxf, "imdf": read_imdf, "osm": read_osm}
    for kind, path in fixtures():
        try:
            result = readers[kind](path)
        except Exception as exc:  # keep going: a failure is itself a finding
            result = {"format": kind, "error": f"{type(exc).__name__}: {exc}"}
        result = {"source": str(path.relative_to(ROOT)), **result}
        out = HERE / f"{path.stem}.json"
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
        c = result.get("counts", {})
        print(f"{result['source']:55} rooms={c.get('rooms')} toilets={c.get('toilets')} "
              f"art8={c.get('art8_places')} doors={c.get('doors')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
