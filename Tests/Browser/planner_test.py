#!/usr/bin/env python3
"""The planner in a real browser: headless Chromium driven by Selenium.

Starts `sightline serve` on a copy of Examples/hotel-floor.json, selects the
lobby camera (its compliant headings appear as arcs, with a one-click fix),
drags its heading handle from the toilet passage round to the west,
and asserts that the toilet intrusion leaves both the findings list and the
drawing, widens its field of view by dragging an edge handle, and that
Save writes the new heading and hfov and nothing else changed.
Fails (exit 1) if the page does not react. A screenshot of the page before
and after is kept in .build/browser-test/.

    python3 Tests/Browser/planner_test.py [path/to/sightline]
"""
import http.client
import json
import math
import os
import shutil
import urllib.parse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from planner_session import OUT, ROOT, planner


def refusals(url, plan):
    """The real server over HTTP refuses what another site could send: a
    DNS-rebound Host, a simple cross-site POST, a JSON change without the
    page's token; and the plan on disk is untouched by them."""
    port = urllib.parse.urlsplit(url).port
    before = open(plan, "rb").read()

    def send(method, path, headers, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status

    own = f"127.0.0.1:{port}"
    assert send("GET", "/api/plan", {"Host": own}) == 200
    assert send("GET", "/api/plan", {"Host": f"evil.example:{port}"}) == 403, "a rebound name is refused"
    assert send("GET", "/", {"Host": f"evil.example:{port}"}) == 403, "and cannot read the page's token"
    wall = b'{"kind": "wall", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}'
    assert send("POST", "/api/features", {"Host": own, "Origin": "http://evil.example", "Content-Type": "text/plain"}, wall) == 403
    assert send("POST", "/api/features", {"Host": own, "Origin": f"http://{own}", "Content-Type": "application/json"}, wall) == 403
    assert send("POST", "/api/save", {"Host": own, "Content-Type": "application/x-www-form-urlencoded"}, b"") == 403
    assert open(plan, "rb").read() == before, "nothing refused reached the plan"
    print("browser test: a rebound Host, a cross-site simple POST and a change without the token are refused (403)")


def main():
    original = json.load(open(os.path.join(ROOT, "Examples", "hotel-floor.json")))

    def prepare(work):
        plan = os.path.join(work, "hotel-floor.json")
        shutil.copy(os.path.join(ROOT, "Examples", "hotel-floor.json"), plan)
        return plan

    with planner(prepare) as (driver, wait, work):
        plan = os.path.join(work, "hotel-floor.json")
        def lobby_intrusion_listed(d):
            return bool(d.find_elements(By.CSS_SELECTOR, '.finding[data-camera="cam-lobby"][data-zone="wc-3f"]'))

        def lobby_intrusion_drawn(d):
            return bool(d.find_elements(By.CSS_SELECTOR, 'path[data-intrusion="cam-lobby|wc-3f"]'))

        assert lobby_intrusion_listed(driver), "the lobby camera's toilet intrusion is listed at first"
        assert lobby_intrusion_drawn(driver), "and drawn"
        area = driver.find_element(By.CSS_SELECTOR, 'text[data-intrusion-area="cam-lobby|wc-3f"]').text
        assert area == "5.48 m²", f"with its area on it: {area}"
        # Labels as the reports place them (LevelLabels): zone names, camera ids and areas, none overlapping.
        boxes = driver.execute_script(
            "return [...document.querySelectorAll('#layer-labels text')].map(t => { const b = t.getBBox();"
            " return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; });")
        kinds = {k: len(driver.find_elements(By.CSS_SELECTOR, f"#layer-labels text[{k}]"))
                 for k in ("data-zone-label", "data-camera-label", "data-intrusion-area")}
        assert all(kinds.values()), f"every kind of label is drawn: {kinds}"
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap = min(a[3], b[3]) - max(a[1], b[1]), min(a[4], b[4]) - max(a[2], b[2])
                assert overlap[0] <= 0.02 or overlap[1] <= 0.02, f"labels {a[0]!r} and {b[0]!r} overlap"
        print(f"{len(boxes)} labels, none overlapping ({kinds})")
        driver.save_screenshot(os.path.join(OUT, "planner-before.png"))

        camera = driver.find_element(By.CSS_SELECTOR, 'g[data-camera="cam-lobby"] circle.body')
        ActionChains(driver).click(camera).perform()
        handle = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, 'circle[data-handle="cam-lobby"]'))
        # Selected, the camera's fix shows: compliant heading arcs and a one-click suggestion.
        wait.until(lambda d: d.find_elements(By.ID, "apply-fix"))
        assert driver.find_elements(By.CSS_SELECTOR, 'path.compliant-arc[data-arc="cam-lobby"]'), "compliant headings drawn as arcs"
        handle = driver.find_element(By.CSS_SELECTOR, 'circle[data-handle="cam-lobby"]')
        camera = driver.find_element(By.CSS_SELECTOR, 'g[data-camera="cam-lobby"] circle.body')  # redrawn when selected
        # Drag the handle round to the west of the camera (heading about 270°).
        c, h = camera.rect, handle.rect
        cx, cy = c["x"] + c["width"] / 2, c["y"] + c["height"] / 2
        hx, hy = h["x"] + h["width"] / 2, h["y"] + h["height"] / 2
        ActionChains(driver).move_to_element(handle).click_and_hold().move_by_offset(int(cx - 120 - hx) // 2, int(cy - hy) // 2) \
            .move_by_offset(int(cx - 120 - hx) - int(cx - 120 - hx) // 2, int(cy - hy) - int(cy - hy) // 2).release().perform()
        wait.until(lambda d: not lobby_intrusion_listed(d))
        assert not lobby_intrusion_drawn(driver), "the intrusion left the drawing too"
        driver.save_screenshot(os.path.join(OUT, "planner-after.png"))

        # Widen the field of view: drag its clockwise edge to 80° off the heading (hfov about 160°).
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'rect[data-fov-handle="cam-lobby|right"]'))
        turned = float(driver.execute_script("return cameraFeature('cam-lobby').properties.heading"))
        edge = driver.find_element(By.CSS_SELECTOR, 'rect[data-fov-handle="cam-lobby|right"]')
        camera = driver.find_element(By.CSS_SELECTOR, 'g[data-camera="cam-lobby"] circle.body')
        c, e = camera.rect, edge.rect
        cx, cy = c["x"] + c["width"] / 2, c["y"] + c["height"] / 2
        ex, ey = e["x"] + e["width"] / 2, e["y"] + e["height"] / 2
        bearing = math.radians(turned + 80)
        tx, ty = cx + math.sin(bearing) * 90, cy - math.cos(bearing) * 90
        ActionChains(driver).move_to_element(edge).click_and_hold().move_by_offset(int((tx - ex) / 2), int((ty - ey) / 2)) \
            .move_by_offset(int(tx - ex) - int((tx - ex) / 2), int(ty - ey) - int((ty - ey) / 2)).release().perform()
        wait.until(lambda d: d.execute_script("return cameraFeature('cam-lobby').properties.hfov") > 120
                   and d.find_element(By.ID, "status").text.startswith("re-checked"))

        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text == "saved")
        saved = json.load(open(plan))
        lobby = next(f for f in saved["features"] if f["id"] == "cam-lobby")
        heading = lobby["properties"]["heading"]
        assert 240 <= heading <= 300, f"the saved heading points west: {heading}"
        hfov = lobby["properties"]["hfov"]
        assert 140 <= hfov <= 179, f"the saved field of view was widened from 60°: {hfov}"
        for before, after in zip(original["features"], saved["features"]):
            if before["id"] != "cam-lobby":
                assert before == after, f"{before['id']} changed"
        print(f"browser test: the intrusion left the list and the drawing; saved heading {heading}, hfov {hfov}; screenshots in {OUT}")
        refusals(driver.current_url, plan)

        # Another program changes the file: Save offers to reload it with this session's edits, then saves both.
        wait.until(lambda d: d.find_element(By.ID, "status").text == "saved")
        driver.execute_script("return api('PATCH', '/api/cameras/cam-lobby', {tilt: 25})")
        outside = json.load(open(plan))
        next(f for f in outside["features"] if f["id"] == "wc-3f")["properties"]["name"] = "Toilet (renamed by another program)"
        json.dump(outside, open(plan, "w"), ensure_ascii=False, indent=1)
        driver.find_element(By.ID, "save").click()
        wait.until(expected_conditions.alert_is_present())
        driver.switch_to.alert.accept()
        wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("reloaded from disk: 1 edits kept"))
        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text == "saved")
        both = json.load(open(plan))
        assert next(f for f in both["features"] if f["id"] == "cam-lobby")["properties"]["tilt"] == 25, "the session's edit is saved"
        assert next(f for f in both["features"] if f["id"] == "wc-3f")["properties"]["name"].startswith("Toilet (renamed"), "and the other program's"
        print("browser test: after another program changed the plan, Save reloaded it keeping the session's edit, and saved both")

    # The same page in Chinese: every word from the catalogue's zh table, the findings' messages in Chinese.
    with planner(prepare, "--lang", "zh") as (driver, wait, work):
        assert driver.execute_script("return document.documentElement.lang") == "zh-CN"
        assert driver.find_element(By.ID, "save").text == "保存", driver.find_element(By.ID, "save").text
        assert driver.find_element(By.ID, "findings-title").text == "检查结果（2）", driver.find_element(By.ID, "findings-title").text
        messages = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '.finding[data-camera="cam-lobby"] div:nth-child(2)')]
        assert any(m.startswith("摄像机 cam-lobby 可拍摄到") for m in messages), messages
        tools = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#tools button")]
        assert tools == ["选择", "墙", "门窗", "区域", "比例尺"], tools
        # No English words left in what the page itself writes (plan ids and rule ids aside).
        header = driver.find_element(By.TAG_NAME, "header").text + driver.find_element(By.TAG_NAME, "aside").text
        for word in ["Undo", "Save", "Findings", "Select a camera", "Camera", "Trace", "Picture"]:
            assert word not in header, f"{word!r} left in the Chinese page"
        driver.save_screenshot(os.path.join(OUT, "planner-zh.png"))
        print("browser test: the page in Chinese (保存, 检查结果（2）, the tools, the findings' messages)")

    # A plan `check` refuses opens all the same: its problems listed, the door on no wall drawn dashed,
    # and a click on a problem selects its feature.
    def prepare_broken(work):
        plan = os.path.join(work, "broken.json")
        broken = json.loads(json.dumps(original))
        next(f for f in broken["features"] if f["id"] == "wc-3f")["properties"]["category"] = "toliet"
        level = next(f for f in broken["features"] if f["properties"].get("kind") == "wall")["properties"].get("level")
        stray = {"type": "Feature", "id": "stray-door", "properties": {"kind": "opening", "openingType": "door"},
                 "geometry": {"type": "LineString", "coordinates": [[-40, -40], [-39, -40]]}}
        if level:
            stray["properties"]["level"] = level
        broken["features"].append(stray)
        json.dump(broken, open(plan, "w"), ensure_ascii=False, indent=1)
        return plan

    with planner(prepare_broken) as (driver, wait, work):
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#problems .problem")) == 2)
        problems = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#problems .problem")]
        assert problems[0].startswith("wc-3f · properties.category: unknown value `toliet`"), problems
        assert problems[1].startswith("stray-door · geometry: the opening lies on no wall"), problems
        assert driver.find_element(By.ID, "problems-title").text.startswith("Problems to repair (2)"), driver.find_element(By.ID, "problems-title").text
        assert driver.find_elements(By.CSS_SELECTOR, ".has-problem"), "the features with problems are marked in the drawing"
        driver.find_elements(By.CSS_SELECTOR, "#problems .problem")[1].click()
        wait.until(lambda d: d.execute_script("return state.selectedFeature") == "stray-door")
        driver.save_screenshot(os.path.join(OUT, "planner-problems.png"))
        print("browser test: a plan with 2 problems opened, both listed and marked; a click selected the stray door")


if __name__ == "__main__":
    main()
