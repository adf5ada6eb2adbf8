#!/usr/bin/env python3
"""Makes the import fixtures: a TArch-style DXF floor and camera schedules.

    pip install ezdxf openpyxl && python3 Fixtures/import/make-fixtures.py

The committed files are what tests and CI use; this script only documents
(and can remake) them. Every number below is chosen so the expected
import and check results can be derived by hand (see the tests).

The floor, in millimetres ($INSUNITS = 4), 12 000 x 8 000:
  - a corridor along the south (y 0..2000), a lobby west (x 0..4000, y 2000..8000),
    a toilet (x 4000..7000) and a guest room 8301 (x 7000..12000) north of the corridor;
  - double-line walls 200 mm thick (centre lines at y = 2000, x = 4000, 7000, and
    the outline), broken at the doors: a door gap 900 mm wide into the toilet
    (centre x = 5500 on y = 2000, an open passage: no door block) and into the
    guest room (centre x = 9500, door block M0921 rotated 0, state closed by
    the mapping);
  - a column 400 x 400 at (2000, 5000);
  - SPACE outlines with PUB_TEXT labels 走廊, 大堂, 卫生间, 客房 8301;
  - two camera blocks on EQUIP-安防 with attributes 编号, 型号, 安装高度 (mm),
    俯角, 水平视角: CAM-01 at (2000, 1000) rotated 0 (looking east along the
    corridor: heading 90), CAM-02 at (5500, 1000) rotated 90 (looking north,
    into the toilet through its open doorway: heading 0).
"""
import csv
import os

import ezdxf
import openpyxl

here = os.path.dirname(os.path.abspath(__file__))


def dxf(filename="tarch-floor.dxf", spaces=True):
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 4  # millimetres
    for name in ["WALL", "COLUMN", "DOOR_FIRE", "WINDOW", "SPACE", "PUB_TEXT", "EQUIP-安防", "DIM_LEAD"]:
        doc.layers.add(name)
    msp = doc.modelspace()

    def wall(x0, y0, x1, y1):
        msp.add_line((x0, y0), (x1, y1), dxfattribs={"layer": "WALL"})

    t = 100  # half thickness
    # Outline (outer and inner faces), 12000 x 8000.
    msp.add_lwpolyline([(-t, -t), (12000 + t, -t), (12000 + t, 8000 + t), (-t, 8000 + t)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_lwpolyline([(t, t), (12000 - t, t), (12000 - t, 8000 - t), (t, 8000 - t)], close=True, dxfattribs={"layer": "WALL"})
    # The corridor's north wall y = 2000 from x = 4000, gaps at 5050..5950 and 9050..9950.
    for y in (2000 - t, 2000 + t):
        wall(4000, y, 5050, y)
        wall(5950, y, 9050, y)
        wall(9950, y, 12000, y)
    # Jambs: each wall end at a door gap is capped, as TArch draws it.
    for x in (5050, 5950, 9050, 9950):
        wall(x, 2000 - t, x, 2000 + t)
    # Partitions x = 4000 and x = 7000 from y = 2000 to 8000; the lobby is open to the corridor.
    for x in (4000, 7000):
        wall(x - t, 2000, x - t, 8000)
        wall(x + t, 2000, x + t, 8000)
    # A column.
    msp.add_lwpolyline([(1800, 4800), (2200, 4800), (2200, 5200), (1800, 5200)], close=True, dxfattribs={"layer": "COLUMN"})

    # Door block M0921 (900 wide): a leaf and a swing arc, insertion at the gap centre.
    door = doc.blocks.new(name="M0921")
    door.add_line((-450, 0), (-450, 900))
    door.add_arc((-450, 0), 900, 0, 90)
    msp.add_blockref("M0921", (9500, 2000), dxfattribs={"layer": "DOOR_FIRE", "rotation": 0})
    # A window on the outline's east face: 1500 wide, centre y = 5000.
    msp.add_line((12000, 4250), (12000, 5750), dxfattribs={"layer": "WINDOW"})

    # Rooms and labels.
    rooms = [
        ((0, 0, 12000, 2000), "走廊", (1000, 300)),
        ((0, 2000, 4000, 8000), "大堂", (1000, 7000)),
        ((4000, 2000, 7000, 8000), "卫生间", (5500, 6000)),
        ((7000, 2000, 12000, 8000), "客房 8301", (9500, 6000)),
    ]
    for (x0, y0, x1, y1), label, at in rooms:
        if spaces:
            msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "SPACE"})
        if label.startswith("客房"):
            msp.add_mtext(label, dxfattribs={"layer": "PUB_TEXT", "insert": at, "char_height": 300})
        else:
            msp.add_text(label, dxfattribs={"layer": "PUB_TEXT", "insert": at, "height": 300})
    msp.add_text("1:100", dxfattribs={"layer": "DIM_LEAD", "insert": (0, -1000), "height": 300})
    if not spaces:
        # A room-name block (its attribute holds the name) labels the guest room a second time.
        label = doc.blocks.new(name="ROOMNAME")
        label.add_attdef("NAME", (0, 0), dxfattribs={"height": 300})
        ref = msp.add_blockref("ROOMNAME", (9500, 5000), dxfattribs={"layer": "PUB_TEXT"})
        ref.add_auto_attribs({"NAME": "VIP"})

    # Camera block with attribute definitions.
    cam = doc.blocks.new(name="CAMERA")
    cam.add_circle((0, 0), 150)
    for i, tag in enumerate(["编号", "型号", "安装高度", "俯角", "水平视角"]):
        cam.add_attdef(tag, (0, -300 - 250 * i), dxfattribs={"height": 150})
    for ident, model, (x, y), rotation, height, tilt, hfov in [
        ("CAM-01", "DS-2CD2T47", (2000, 1000), 0, 2800, 15, 90),
        ("CAM-02", "DS-2CD2T47", (5500, 1000), 90, 2600, 10, 60),
    ]:
        ref = msp.add_blockref("CAMERA", (x, y), dxfattribs={"layer": "EQUIP-安防", "rotation": rotation})
        ref.add_auto_attribs({"编号": ident, "型号": model, "安装高度": str(height), "俯角": str(tilt), "水平视角": str(hfov)})
    doc.saveas(os.path.join(here, filename))


def schedules():
    header = ["编号", "楼层", "x", "y", "安装高度", "方向角", "俯角", "水平视角", "类型", "型号"]
    rows = [
        ["CAM-01", "1F", "2.0", "1.0", "3.0", "90", "20", "90", "fixed", "DS-2CD2T47"],
        ["CAM-03", "1F", "11.0", "1.0", "2.8", "270", "15", "60", "fixed", "DS-2CD2T47"],
    ]
    with open(os.path.join(here, "cameras.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    bad = [header, ["CAM-09", "1F", "2.0", "1.0", "高", "90", "20", "90", "fixed", "X"]]
    with open(os.path.join(here, "cameras-bad-height.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(bad)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cameras"
    ws.append(header)
    for r in rows:
        ws.append([r[0], r[1], float(r[2]), float(r[3]), float(r[4]), float(r[5]), float(r[6]), float(r[7]), r[8], r[9]])
    # openpyxl stamps the time into the file: keep the committed one unless it is missing.
    if not os.path.exists(os.path.join(here, "cameras.xlsx")):
        wb.save(os.path.join(here, "cameras.xlsx"))


def corrupt():
    with open(os.path.join(here, "tarch-floor.dxf"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(here, "corrupt.dxf"), "w", encoding="utf-8") as f:
        f.write(text[: len(text) // 3] + "\n  0\nGARBAGE\nnot a group code\n")


dxf()
# The same floor with no SPACE outlines: rooms must come from the walls.
dxf("tarch-floor-no-rooms.dxf", spaces=False)
schedules()
corrupt()


def imdf():
    """An IMDF venue: one level (ordinal 0, 一层), a walkway along the south,
    a female and a male restroom, a mothers' room and an office north of it,
    a concrete column, an unmapped category (kiosk) and a door into each room.
    In local metres from (120.0, 30.0), 1e-5 degrees ≈ 1.1 m; each room is
    4e-5 x 5e-5 degrees."""
    import json
    import zipfile
    folder = os.path.join(here, "imdf")
    os.makedirs(folder, exist_ok=True)
    lon0, lat0 = 120.0, 30.0

    def ring(x0, y0, x1, y1):
        return [[[lon0 + x0 * 1e-5, lat0 + y0 * 1e-5], [lon0 + x1 * 1e-5, lat0 + y0 * 1e-5], [lon0 + x1 * 1e-5, lat0 + y1 * 1e-5],
                 [lon0 + x0 * 1e-5, lat0 + y1 * 1e-5], [lon0 + x0 * 1e-5, lat0 + y0 * 1e-5]]]

    def fc(features):
        return {"type": "FeatureCollection", "features": features}

    def feature(id_, type_, coords, props, feature_type):
        return {"type": "Feature", "id": id_, "feature_type": feature_type, "geometry": {"type": type_, "coordinates": coords}, "properties": props}

    level = "11111111-1111-1111-1111-111111111111"
    files = {
        "manifest.json": {"version": "1.0.0", "created": "2026-01-01T00:00:00Z", "language": "zh-Hans"},
        "address.geojson": fc([{"type": "Feature", "id": "a1", "feature_type": "address", "geometry": None,
                                "properties": {"address": "西湖大道 1 号", "locality": "杭州", "province": "CN-ZJ", "country": "CN"}}]),
        "venue.geojson": fc([feature("v1", "Polygon", ring(0, 0, 20, 8), {"category": "shoppingcenter", "name": {"en": "Example Mall", "zh-Hans": "示例商场"},
                                                                           "address_id": "a1"}, "venue")]),
        "level.geojson": fc([feature(level, "Polygon", ring(0, 0, 20, 8), {"category": "unspecified", "ordinal": 0, "outdoor": False,
                                                                           "name": {"zh-Hans": "一层", "en": "Level 1"}, "short_name": {"en": "1"}}, "level")]),
        "unit.geojson": fc([
            feature("u-walk", "Polygon", ring(0, 0, 20, 3), {"category": "walkway", "level_id": level, "name": {"zh-Hans": "走廊"}}, "unit"),
            feature("u-wc-f", "Polygon", ring(0, 3, 4, 8), {"category": "restroom.female", "level_id": level, "name": {"zh-Hans": "女卫生间"}}, "unit"),
            feature("u-wc-m", "Polygon", ring(4, 3, 8, 8), {"category": "restroom.male", "level_id": level, "name": {"zh-Hans": "男卫生间"}}, "unit"),
            feature("u-mother", "Polygon", ring(8, 3, 12, 8), {"category": "mothersroom", "level_id": level, "name": {"zh-Hans": "母婴室"}}, "unit"),
            feature("u-office", "Polygon", ring(12, 3, 16, 8), {"category": "office", "level_id": level, "name": {"en": "Office"}}, "unit"),
            feature("u-kiosk", "Polygon", ring(16, 3, 20, 8), {"category": "kiosk", "level_id": level}, "unit"),
            feature("u-col", "Polygon", ring(9.5, 1, 10, 1.5), {"category": "concrete", "level_id": level}, "unit"),
        ]),
        "opening.geojson": fc([
            feature("o-%d" % i, "LineString", [[lon0 + (x + 1.5) * 1e-5, lat0 + 3e-5], [lon0 + (x + 2.5) * 1e-5, lat0 + 3e-5]],
                    {"category": "pedestrian", "level_id": level, "door": {"type": "hinged", "automatic": i == 0, "material": "wood"}}, "opening")
            for i, x in enumerate([0, 4, 8, 12, 16])
        ]),
        "fixture.geojson": fc([feature("f-desk", "Polygon", ring(13, 5, 14, 6), {"category": "furniture", "level_id": level}, "fixture")]),
    }
    for name, content in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            json.dump(content, f, ensure_ascii=False, indent=1, sort_keys=True)
    with zipfile.ZipFile(os.path.join(here, "imdf.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo("venue/" + name, date_time=(2026, 1, 1, 0, 0, 0))
            with open(os.path.join(folder, name), "rb") as f:
                z.writestr(info, f.read())
    with zipfile.ZipFile(os.path.join(here, "not-imdf.zip"), "w") as z:
        z.writestr(zipfile.ZipInfo("readme.txt", date_time=(2026, 1, 1, 0, 0, 0)), "no IMDF here\n")


imdf()


def osm():
    """Simple Indoor Tagging: one level (level=0), a corridor (indoor=corridor)
    along the south, a toilet (indoor=room, amenity=toilets, 卫生间) and a
    changing room (room=changing) north of it, each with a door node on its
    south edge (the toilet's door=no: an open doorway), an open area
    (indoor=area) and a camera (man_made=surveillance, camera:direction 0,
    height 2.7, ref CAM-7) in the corridor facing the toilet's doorway.
    1e-5 degrees of latitude ≈ 1.11 m, of longitude ≈ 0.96 m at 30°."""
    lon0, lat0 = 120.0, 30.0
    nodes = []
    def node(i, x, y, tags=None):
        nodes.append((i, lat0 + y * 1e-5, lon0 + x * 1e-5, tags or {}))
    corners = {1: (0, 0), 2: (12, 0), 3: (12, 3), 4: (0, 3), 5: (4, 3), 6: (8, 3), 7: (0, 8), 8: (4, 8), 9: (8, 8), 10: (12, 8)}
    for i, (x, y) in corners.items():
        node(i, x, y)
    node(20, 2, 3, {"door": "no", "width": "1.0"})
    node(21, 6, 3, {"door": "hinged", "width": "0.9"})
    node(30, 2, 1, {"man_made": "surveillance", "surveillance:type": "camera", "camera:direction": "0", "camera:type": "fixed",
                    "camera:mount": "ceiling", "height": "2.7", "ref": "CAM-7", "level": "0"})
    ways = [
        (100, [1, 2, 3, 6, 21, 5, 20, 4, 1], {"indoor": "corridor", "level": "0", "name": "走廊"}),
        (101, [4, 20, 5, 8, 7, 4], {"indoor": "room", "level": "0", "amenity": "toilets", "name:zh": "卫生间", "name:en": "Toilets"}),
        (102, [5, 21, 6, 9, 8, 5], {"indoor": "room", "level": "0", "room": "changing", "name": "更衣室"}),
        (103, [6, 3, 10, 9, 6], {"indoor": "area", "level": "0", "name": "休息区"}),
    ]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="make-fixtures.py">']
    def tags(t):
        return "".join('<tag k="%s" v="%s"/>' % (k, v) for k, v in sorted(t.items()))
    for i, lat, lon, t in nodes:
        out.append('<node id="%d" version="1" lat="%.7f" lon="%.7f">%s</node>' % (i, lat, lon, tags(t)))
    for i, refs, t in ways:
        out.append('<way id="%d" version="1">%s%s</way>' % (i, "".join('<nd ref="%d"/>' % r for r in refs), tags(t)))
    out.append("</osm>")
    with open(os.path.join(here, "indoor.osm"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(here, "outdoor.osm"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n<node id="1" version="1" lat="30" lon="120"><tag k="amenity" v="bench"/></node>\n</osm>\n')


osm()
