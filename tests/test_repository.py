"""Checks of the repository itself: the addon manifests and the test command.

Plain pytest tests (no database). The Docker path (Dockerfile, compose file, its config)
is checked in test_docker.py.
"""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_addon_manifest():
    addons = sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))
    assert addons, "no addon found"
    for addon in addons:
        manifest = ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))
        assert manifest["license"] == "LGPL-3", addon.name
        assert manifest["version"].startswith("18.0."), addon.name
        assert len(manifest["version"].split(".")) == 5, addon.name
        assert manifest["author"] == "Wanjiali, WJL Operations Suite", addon.name
        if addon.name != "wjl_base":
            # directly, or through the WJL addon a bridge extends
            assert any(dep.startswith("wjl_") for dep in manifest["depends"]), addon.name
        if manifest.get("auto_install"):
            # a bridge: glue between a WJL addon and another app, installed with both
            assert len(manifest["depends"]) >= 2, addon.name
            assert any(not dep.startswith("wjl_") for dep in manifest["depends"]), addon.name
        for data_file in manifest.get("data", []) + manifest.get("demo", []):
            assert (addon / data_file).is_file(), f"{addon.name}: missing {data_file}"
        assert (addon / "i18n" / "zh_CN.po").is_file(), addon.name
        assert (addon / "i18n" / f"{addon.name}.pot").is_file(), addon.name
        assert (addon / "readme" / "DESCRIPTION.md").is_file(), addon.name


def _fake_python(tmp_path, body):
    fake = tmp_path / "python"
    fake.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    fake.chmod(0o755)
    return str(fake)


def test_test_command_explains_missing_odoo(tmp_path):
    """`make test` stops at once, in one line, when Odoo 18 is not importable."""
    fake = _fake_python(tmp_path, f'exec {sys.executable} -S "$@"')
    run = subprocess.run(
        [str(ROOT / "tools" / "wjl-test")],
        env={**os.environ, "PYTHON": fake},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert "Odoo 18 is not importable" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_test_command_explains_unreachable_postgres():
    run = subprocess.run(
        [str(ROOT / "tools" / "wjl-test")],
        env={**os.environ, "PYTHON": sys.executable, "PGHOST": "127.0.0.1", "PGPORT": "9"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert "PostgreSQL is unreachable" in run.stderr
