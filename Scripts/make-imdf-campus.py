#!/usr/bin/env python3
"""Writes an IMDF venue of N units (a grid of rooms on walkways, restrooms
every fifth) for the import benchmark:

    python3 Scripts/make-imdf-campus.py 400 /tmp/campus
    /usr/bin/time .build/release/sightline import imdf /tmp/campus -o /dev/null
"""
import json
import os
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
out = sys.argv[2] if len(sys.argv) > 2 else "campus"
os.makedirs(out, exist_ok=True)
lon0, lat0, d = 120.0, 30.0, 1e-5
side = int(count ** 0.5) + 1
levels = [{"type": "Feature", "id": "lvl-%d" % o, "feature_type": "level",
           "geometry": {"type": "Polygon", "coordinates": [[[lon0, lat0], [lon0 + 1, lat0], [lon0 + 1, lat0 + 1], [lon0, lat0]]]},
           "properties": {"category": "unspecified", "ordinal": o, "outdoor": False, "name": {"en": "L%d" % o}}} for o in range(2)]
units, openings = [], []
for i in range(count):
    o, k = i % 2, i // 2
    x, y = (k % side) * 5, (k // side) * 6
    ring = [[lon0 + x * d, lat0 + y * d], [lon0 + (x + 4) * d, lat0 + y * d], [lon0 + (x + 4) * d, lat0 + (y + 5) * d],
            [lon0 + x * d, lat0 + (y + 5) * d], [lon0 + x * d, lat0 + y * d]]
    units.append({"type": "Feature", "id": "u-%d" % i, "feature_type": "unit", "geometry": {"type": "Polygon", "coordinates": [ring]},
                  "properties": {"category": "restroom" if i % 5 == 0 else "office", "level_id": "lvl-%d" % o, "name": {"en": "Unit %d" % i}}})
    openings.append({"type": "Feature", "id": "o-%d" % i, "feature_type": "opening",
                     "geometry": {"type": "LineString", "coordinates": [[lon0 + (x + 1.5) * d, lat0 + y * d], [lon0 + (x + 2.5) * d, lat0 + y * d]]},
                     "properties": {"category": "pedestrian", "level_id": "lvl-%d" % o, "door": {"type": "hinged", "automatic": False}}})
files = {"manifest.json": {"version": "1.0.0", "language": "en"},
         "venue.geojson": {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "v", "feature_type": "venue", "geometry": None,
                                                                       "properties": {"category": "campus", "name": {"en": "Campus"}}}]},
         "level.geojson": {"type": "FeatureCollection", "features": levels},
         "unit.geojson": {"type": "FeatureCollection", "features": units},
         "opening.geojson": {"type": "FeatureCollection", "features": openings}}
for name, content in files.items():
    with open(os.path.join(out, name), "w") as f:
        json.dump(content, f)
