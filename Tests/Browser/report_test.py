#!/usr/bin/env python3
"""The HTML report's drawings in a real browser: zoom and pan.

Writes the report of Examples/hotel-floor.json, opens it in headless
Chromium, and on the level's drawing asserts that the + button zooms about
the centre (the viewBox 0.8 times as wide, same centre), the wheel zooms
about the pointer, a drag pans by what the pointer moved, and Fit and a
double-click restore the whole level; hovering a camera still highlights
its view.

    python3 Tests/Browser/report_test.py [path/to/sightline]
"""
import os
import subprocess
import tempfile

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from planner_session import OUT, ROOT, binary, chromium


def main():
    with tempfile.TemporaryDirectory() as work:
        report = os.path.join(work, "report.html")
        subprocess.run([binary(), "check", os.path.join(ROOT, "Examples", "hotel-floor.json"), "--format", "html", "-o", report,
                        "--as-of", "2026-01-15", "--lang", "en"], check=False, capture_output=True)
        driver = chromium()
        try:
            driver.get("file://" + report)
            svg = driver.find_element(By.CSS_SELECTOR, "svg.plan")
            view = lambda: [float(v) for v in driver.execute_script("return arguments[0].getAttribute('viewBox')", svg).split()]
            home = view()
            driver.find_element(By.CSS_SELECTOR, 'p.zoom button[data-zoom="in"]').click()
            zoomed = view()
            assert abs(zoomed[2] - home[2] * 0.8) < 1e-6 and abs(zoomed[3] - home[3] * 0.8) < 1e-6, (home, zoomed)
            centre = lambda b: (b[0] + b[2] / 2, b[1] + b[3] / 2)
            assert all(abs(a - b) < 1e-6 for a, b in zip(centre(home), centre(zoomed))), "zoomed about the centre"
            # Drag 100 px right: the view moves 100 px' worth of plan to the left.
            width_px = svg.rect["width"]
            before = view()
            ActionChains(driver).move_to_element(svg).click_and_hold().move_by_offset(50, 0).move_by_offset(50, 0).release().perform()
            after = view()
            assert abs((before[0] - after[0]) - 100 / width_px * before[2]) < before[2] * 0.02, (before, after)
            # The wheel zooms out about the pointer.
            driver.execute_script("arguments[0].dispatchEvent(new WheelEvent('wheel', {deltaY: 100, clientX: arguments[0].getBoundingClientRect().left + 10,"
                                  " clientY: arguments[0].getBoundingClientRect().top + 10, bubbles: true, cancelable: true}))", svg)
            wheeled = view()
            assert abs(wheeled[2] - after[2] * 1.25) < 1e-6, (after, wheeled)
            driver.save_screenshot(os.path.join(OUT, "report-zoomed.png"))
            driver.find_element(By.CSS_SELECTOR, 'p.zoom button[data-zoom="reset"]').click()
            assert view() == home, "Fit restores the whole level"
            driver.find_element(By.CSS_SELECTOR, 'p.zoom button[data-zoom="in"]').click()
            ActionChains(driver).double_click(svg).perform()
            assert view() == home, "a double-click restores it too"
            camera = driver.find_element(By.CSS_SELECTOR, "svg.plan .camera[data-cam]")
            glyph = camera.find_element(By.TAG_NAME, "circle")
            ActionChains(driver).move_to_element(glyph).perform()
            cam = camera.get_attribute("data-cam")
            assert driver.find_elements(By.CSS_SELECTOR, f'.view.hl[data-cam="{cam}"]'), "hovering a camera highlights its view"
            print(f"report test: zoom (+, wheel), pan (drag), Fit and double-click on the drawing; viewBox {home} → {wheeled} → {home}")
        finally:
            driver.quit()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    main()
