"""Checks of the repository itself: the compose file, the configs and the test command.

Plain pytest tests (no database). The compose file cannot be run on the development
machines (no Docker engine), so it is validated with a YAML parser against the
conventions of the official images.
"""

import ast
import configparser
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _compose():
    with open(ROOT / "docker-compose.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_compose_services():
    compose = _compose()
    services = compose["services"]
    assert {"db", "odoo", "tests"} <= set(services)
    assert services["db"]["image"] == "postgres:16"
    assert services["odoo"]["image"] == "odoo:18.0"
    assert services["tests"]["image"] == "odoo:18.0"
    assert "test" in services["tests"]["profiles"]


def test_compose_db_health_and_volume():
    compose = _compose()
    db = compose["services"]["db"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    named = db["volumes"][0].split(":")[0]
    assert named in compose["volumes"]
    for service in ("odoo", "tests"):
        assert compose["services"][service]["depends_on"]["db"]["condition"] == "service_healthy"


def test_compose_odoo_follows_official_image_conventions():
    odoo = _compose()["services"]["odoo"]
    env = odoo["environment"]
    assert {"HOST", "USER", "PASSWORD"} <= set(env)
    mounts = {volume.split(":")[1]: volume for volume in odoo["volumes"]}
    assert mounts["/mnt/extra-addons"] == "./addons:/mnt/extra-addons:ro"
    assert mounts["/etc/odoo/odoo.conf"].startswith("./config/odoo.conf:")
    assert "/var/lib/odoo" in mounts
    assert "8069:8069" in odoo["ports"]
    start = ROOT / "docker" / "odoo-start.sh"
    script = start.read_text(encoding="utf-8")
    assert os.access(start, os.X_OK)
    assert "/entrypoint.sh odoo" in script
    assert "--load-language=zh_CN" in script


def test_docker_config_has_no_secret():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "config" / "odoo.conf")
    options = parser["options"]
    assert options["addons_path"] == "/mnt/extra-addons"
    assert options["data_dir"] == "/var/lib/odoo"
    for key in ("db_password", "admin_passwd"):
        assert key not in options


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
            assert "wjl_base" in manifest["depends"], addon.name
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
