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


def dxf():
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
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "SPACE"})
        if label.startswith("客房"):
            msp.add_mtext(label, dxfattribs={"layer": "PUB_TEXT", "insert": at, "char_height": 300})
        else:
            msp.add_text(label, dxfattribs={"layer": "PUB_TEXT", "insert": at, "height": 300})
    msp.add_text("1:100", dxfattribs={"layer": "DIM_LEAD", "insert": (0, -1000), "height": 300})

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
    doc.saveas(os.path.join(here, "tarch-floor.dxf"))


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
    wb.save(os.path.join(here, "cameras.xlsx"))


def corrupt():
    with open(os.path.join(here, "tarch-floor.dxf"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(here, "corrupt.dxf"), "w", encoding="utf-8") as f:
        f.write(text[: len(text) // 3] + "\n  0\nGARBAGE\nnot a group code\n")


dxf()
schedules()
corrupt()
