#!/usr/bin/env python3
"""Validates Sightline's SARIF against the OASIS SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py SIGHTLINE

The schema is the OASIS one (`$id` .../oasis-tcs/sarif-spec/.../sarif-schema-2.1.0.json),
taken from the source distribution of the PyPI package sarif-pydantic, which
ships it (this machine reaches PyPI, not GitHub), and cached under .build/.
Logs checked: both examples (relative path), the hotel by absolute path, a
generated 3-floor hotel in a folder whose name holds a space and '#', and a
plan that cannot be read (exit 2: a failed invocation, no results). Every
located result's region.startLine must open its camera's or zone's feature.
"""
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, ".build", "sarif-schema")
SCHEMA = os.path.join(CACHE, "sarif-schema-2.1.0.json")
PACKAGE = "sarif-pydantic==0.6.2"


def pip(*args):
    for extra in ([], ["--break-system-packages"]):
        if subprocess.run([sys.executable, "-m", "pip", *args, *extra], capture_output=True).returncode == 0:
            return
    sys.exit(f"pip {' '.join(args)} failed")


def schema():
    if not os.path.exists(SCHEMA):
        os.makedirs(CACHE, exist_ok=True)
        with tempfile.TemporaryDirectory() as d:
            pip("download", "--no-deps", "--no-binary", ":all:", "-q", "-d", d, PACKAGE)
            (sdist,) = glob.glob(os.path.join(d, "*.tar.gz"))
            with tarfile.open(sdist) as t:
                member = next(m for m in t.getmembers() if m.name.endswith("/sarif-schema-2.1.0.json"))
                with t.extractfile(member) as f, open(SCHEMA, "wb") as out:
                    out.write(f.read())
    s = json.load(open(SCHEMA))
    assert s["$id"].endswith("oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"), s["$id"]
    return s


def validator():
    try:
        import jsonschema, rfc3987  # noqa: F401  (rfc3987 makes "format": "uri" checked)
    except ImportError:
        pip("install", "-q", "jsonschema", "rfc3987")
    import jsonschema
    return jsonschema.Draft7Validator(schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def run(sightline, args, cwd=ROOT):
    p = subprocess.run([sightline, *args], cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout


def check_lines(log, plan_path):
    lines = open(plan_path, encoding="utf-8").read().split("\n")
    located = 0
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        line = location.get("region", {}).get("startLine")
        if line is None:
            continue
        located += 1
        fid = result["properties"].get("camera") or result["properties"].get("zone")
        assert "{" in lines[line - 1], f"{plan_path}:{line} does not open a feature"
        assert any(f'"{fid}"' in l for l in lines[line - 1 : line + 4]), f"{plan_path}:{line} is not {fid}'s feature"
    return located


def main():
    sightline = os.path.abspath(sys.argv[1])
    v = validator()
    failures = 0
    checked = 0

    def validate(name, text, plan_path=None):
        nonlocal failures, checked
        log = json.loads(text)
        errors = list(v.iter_errors(log))
        for e in errors[:5]:
            print(f"{name}: {'/'.join(map(str, e.path))}: {e.message[:300]}")
        failures += len(errors)
        checked += 1
        located = check_lines(log, plan_path) if plan_path else 0
        results = len(log["runs"][0]["results"])
        print(f"{name}: valid SARIF 2.1.0 ({results} results, {located} with a startLine)" if not errors else f"{name}: INVALID")
        return log

    for plan in ["Examples/hotel-floor.json", "Examples/clothing-store.json"]:
        _, out = run(sightline, ["check", plan, "--format", "sarif", "--as-of", "2026-01-15"])
        validate(plan, out, os.path.join(ROOT, plan))
    absolute = os.path.join(ROOT, "Examples/hotel-floor.json")
    _, out = run(sightline, ["check", absolute, "--format", "sarif", "--as-of", "2026-01-15", "--rules-doc", "https://docs.example/RULES.md"])
    log = validate("absolute path", out, absolute)
    assert log["runs"][0]["artifacts"][0]["location"]["uri"].startswith("file:///"), "an absolute path is a file URI"
    with tempfile.TemporaryDirectory() as d:
        folder = os.path.join(d, "a folder #1")
        os.makedirs(folder)
        plan = os.path.join(folder, "hotel 3F.json")
        code, _ = run(sightline, ["generate", "hotel", "--floors", "3", "-o", plan])
        assert code == 0 and os.path.exists(plan), "generate hotel failed"
        _, out = run(sightline, ["check", plan, "--format", "sarif", "--as-of", "2026-01-15"])
        validate("generated 3-floor hotel", out, plan)
        broken = os.path.join(folder, "broken.json")
        open(broken, "w").write('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "z1", '
                                '"geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {"kind": "zone", "category": "toilet"}}]}')
        code, out = run(sightline, ["check", broken, "--format", "sarif"])
        assert code == 2, code
        log = validate("unreadable plan (exit 2)", out)
        invocation = log["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False and invocation["toolExecutionNotifications"], invocation
    if failures:
        sys.exit(f"{failures} schema violations")
    print(f"all {checked} SARIF logs valid")


main()
