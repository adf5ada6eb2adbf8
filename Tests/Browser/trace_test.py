#!/usr/bin/env python3
"""Tracing a plan from a picture in a real browser (headless Chromium,
Selenium), with no CAD and no JSON written by hand.

Starts `sightline serve traced.json --new`, uploads Fixtures/serve/floor-scan.png
(a 400 x 300 px scan: a room outline with a 40 px gap in its left side and a
100 px scale bar; Scripts/make-trace-fixtures.py draws it) through the page's
file input, sets the scale by clicking the bar's two ends and typing 5 m,
traces the room's walls by clicking the picture's corners, draws a toilet
zone snapped to them, places a camera looking in through the gap, and
asserts what the page shows at each step: the intrusion appears in the
findings and the drawing, disappears when a wall is drawn across the gap,
and comes back when a door is drawn in that wall. Save writes the plan
and the picture; the saved plan keeps the picture's place (pixel size
within 2 % of 0.05 m: the clicks land on whole screen pixels). Screenshots
in .build/browser-test/.

    python3 Tests/Browser/trace_test.py [path/to/sightline]
"""
import json
import os
import subprocess

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from planner_session import OUT, ROOT, binary, planner

SCAN = os.path.join(ROOT, "Fixtures", "serve", "floor-scan.png")


def main():
    with planner(lambda work: os.path.join(work, "traced.json"), "--new") as (driver, wait, work):
        plan = os.path.join(work, "traced.json")
        status = lambda: driver.find_element(By.ID, "status").text
        driver.find_element(By.ID, "picture-file").send_keys(SCAN)
        wait.until(lambda d: d.find_elements(By.ID, "background-image") and "scale" in status())

        def click_pixel(u, v):
            """Clicks the screen point where the picture's pixel (u, v) is drawn."""
            r = driver.execute_script("return document.getElementById('background-image').getBoundingClientRect().toJSON()")
            x, y = r["x"] + (u + 0.5) * r["width"] / 400, r["y"] + (v + 0.5) * r["height"] / 300
            actions = ActionBuilder(driver)
            actions.pointer_action.move_to_location(int(round(x)), int(round(y)))
            actions.pointer_action.click()
            actions.perform()

        def tool(name):
            driver.find_element(By.CSS_SELECTOR, f'#tools button[data-tool="{name}"]').click()

        def enter():
            ActionChains(driver).send_keys(Keys.ENTER).perform()

        def intrusion_shown(d):
            listed = d.find_elements(By.CSS_SELECTOR, '.finding[data-camera="cam-door"][data-zone="zone-new-1"]')
            drawn = d.find_elements(By.CSS_SELECTOR, 'path[data-intrusion="cam-door|zone-new-1"]')
            return bool(listed) and bool(drawn)

        def intrusion_gone(d):
            return not d.find_elements(By.CSS_SELECTOR, '.finding[data-camera="cam-door"][data-zone="zone-new-1"]') \
                and not d.find_elements(By.CSS_SELECTOR, 'path[data-intrusion="cam-door|zone-new-1"]')

        # Scale: the bar from pixel (100, 280) to (200, 280) is 5 m.
        click_pixel(100, 280)
        click_pixel(200, 280)
        metres = driver.find_element(By.ID, "scale-metres")
        metres.send_keys("5")
        driver.find_element(By.ID, "scale-apply").click()
        wait.until(lambda d: "scale set" in status())

        # The room's walls: one polyline round the outline, leaving the gap.
        tool("wall")
        for u, v in [(100, 130), (100, 50), (300, 50), (300, 250), (100, 250), (100, 170)]:
            click_pixel(u, v)
        enter()
        wait.until(lambda d: status() == "added wall-new-1")

        # A toilet over the room, its corners snapped to the walls'.
        tool("zone")
        Select(driver.find_element(By.ID, "draw-category")).select_by_value("toilet")
        driver.find_element(By.ID, "draw-name").send_keys("卫生间")
        for u, v in [(100, 50), (300, 50), (300, 250), (100, 250)]:
            click_pixel(u, v)
        enter()
        wait.until(lambda d: status() == "added zone-new-1")

        # A camera 8 m west of the gap, looking east through it.
        tool("select")
        gap = driver.execute_script("""
            const w = features().find(f => String(f.id) === "wall-new-1").geometry.coordinates;
            return [w[0], w[5]];""")
        cx, cy = gap[0][0] - 8, (gap[0][1] + gap[1][1]) / 2
        driver.execute_script(f"add([{cx}, {cy}], {{id: 'cam-door', heading: 90, hfov: 60, mountHeight: 2.5}})")
        wait.until(intrusion_shown)
        driver.save_screenshot(os.path.join(OUT, "trace-open-gap.png"))

        # A wall across the gap (its ends snap to the outline's): hidden.
        tool("wall")
        click_pixel(100, 130)
        click_pixel(100, 170)
        enter()
        wait.until(lambda d: status() == "added wall-new-2")
        wait.until(intrusion_gone)

        # An open door in that wall: seen again.
        tool("opening")
        Select(driver.find_element(By.ID, "draw-opening")).select_by_value("door")
        Select(driver.find_element(By.ID, "draw-state")).select_by_value("open")
        click_pixel(100, 130)
        click_pixel(100, 170)
        wait.until(lambda d: status() == "added opening-new-1")
        wait.until(intrusion_shown)
        driver.save_screenshot(os.path.join(OUT, "trace-door.png"))

        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: status() == "saved")
        saved = json.load(open(plan, encoding="utf-8"))
        background = saved["plan"]["background"]
        assert background["image"] == "traced.L1.background.png", background
        assert abs(background["pixelSize"] - 0.05) < 0.001, background
        assert open(os.path.join(work, background["image"]), "rb").read() == open(SCAN, "rb").read(), "the picture was saved"
        kinds = sorted((f["properties"]["kind"], f["id"]) for f in saved["features"])
        assert kinds == [("camera", "cam-door"), ("opening", "opening-new-1"), ("wall", "wall-new-1"), ("wall", "wall-new-2"),
                         ("zone", "zone-new-1")], kinds
        zone = next(f for f in saved["features"] if f["id"] == "zone-new-1")
        assert zone["properties"]["category"] == "toilet" and zone["properties"]["name"] == "卫生间", zone
        check = subprocess.run([binary(), "check", plan, "--as-of", "2026-01-15", "--format", "json"], capture_output=True)
        report = json.loads(check.stdout)
        areas = [f["area"] for f in report["findings"] if f["rule"].endswith("art8-view-intrusion")]
        assert len(areas) == 1 and areas[0] > 1, f"check sees the saved plan as the page did: {areas}"
        print(f"trace test: traced, scaled (pixel size {background['pixelSize']:.4f} m), the intrusion came and went with "
              f"the gap, the door brought it back ({areas[0]:.2f} m²); screenshots in {OUT}")


if __name__ == "__main__":
    main()
