"""What the browser tests need: headless Chromium (`chromium`), and for the
planner `sightline serve` on a free port with the browser on its page, both stopped and the scratch folder removed
when the test ends, pass or fail."""
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, ".build", "browser-test")


def binary():
    """The `sightline` binary: the first argument, else the debug build."""
    return sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "sightline")


def chromium():
    """Headless Chromium through its driver, 1400 × 900."""
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def planner(prepare, *serve_arguments):
    """Serves the plan `prepare(work_folder)` returns (with `serve_arguments`)
    and yields `(driver, wait, work_folder)` once the page says "ready" (or 就绪)."""
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="sightline-browser-")
    plan = prepare(work)
    port = free_port()
    # English unless a test asks for another language (the default follows LANG and the rulebook).
    language = [] if "--lang" in serve_arguments else ["--lang", "en"]
    server = subprocess.Popen([binary(), "serve", plan, "--port", str(port), "--as-of", "2026-01-15", *language, *serve_arguments],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    driver = None
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        driver = chromium()
        driver.get(f"http://127.0.0.1:{port}/")
        wait = WebDriverWait(driver, 15)
        wait.until(lambda d: d.find_element(By.ID, "status").text in ("ready", "就绪"))
        yield driver, wait, work
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
