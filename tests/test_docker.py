"""Checks of the Docker path: Dockerfile, docker-compose.yml, .dockerignore, config (issue 12
point 10).

Plain pytest tests (no database, no Docker engine): the development and CI machines run no
Docker engine and do not reach Docker Hub, so the files are parsed here: the compose file
with a YAML parser and against the Compose Specification's JSON schema
(`tests/data/compose-spec.json`, copied unchanged from github.com/compose-spec/compose-spec,
schema/compose-spec.json at a08f8d51631b7127ddac3d2c65537db429d0f1d0, Apache-2.0), the
Dockerfile by its instructions. What only a build can prove (pip resolves requirements.txt
against the image's Odoo, Odoo finds report_xlsx, the browser renders a page headless) is
asserted by the build itself (the RUN checks these tests require).
"""

import configparser
import fnmatch
import importlib.util
import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
BROWSER_SCRIPT = "docker/install-browser.sh"
# Ubuntu noble's browser packages: transitional packages that install the snap, which
# cannot run in a container (no snapd).
SNAP_STUB_PACKAGES = {"chromium", "chromium-browser"}


def _compose():
    with open(ROOT / "docker-compose.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _stages():
    """The Dockerfile's stages: {name: {"from": image, "steps": [(INSTRUCTION, args)]}}."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)  # continuation lines
    stages, current = {}, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _sep, args = line.partition(" ")
        instruction = instruction.upper()
        if instruction == "FROM":
            words = args.split()
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(len(stages))
            current = stages[name] = {"from": words[0], "steps": []}
        else:
            assert current is not None, f"{instruction} before FROM"
            current["steps"].append((instruction, args.strip()))
    return stages


def _runs(stage):
    return " ; ".join(args for instruction, args in stage["steps"] if instruction == "RUN")


def _copies(stage):
    """(sources, destination) of every COPY of a stage."""
    copies = []
    for instruction, args in stage["steps"]:
        if instruction == "COPY":
            words = [word for word in shlex.split(args) if not word.startswith("--")]
            copies.append((words[:-1], words[-1]))
    return copies


def _apt_installed(script):
    """Packages named by the `apt-get install` commands of a shell text."""
    packages = set()
    for match in re.finditer(r"apt-get install ([^;&|\n]*)", script):
        packages.update(w for w in match.group(1).split() if not w.startswith(("-", "$", '"')))
    return packages


def test_compose_matches_the_compose_specification():
    schema = json.loads((ROOT / "tests" / "data" / "compose-spec.json").read_text("utf-8"))
    jsonschema.validate(_compose(), schema, cls=jsonschema.Draft7Validator)


def test_compose_services():
    services = _compose()["services"]
    assert {"db", "odoo", "tests"} <= set(services)
    assert services["db"]["image"] == "postgres:16"
    assert "test" in services["tests"]["profiles"], "the tests service starts only when asked"
    assert "profiles" not in services["odoo"], "`docker compose up -d` serves the suite"


def test_compose_builds_both_images_from_the_dockerfile():
    services = _compose()["services"]
    stages = _stages()
    for service, target in (("odoo", "odoo"), ("tests", "tests")):
        build = services[service]["build"]
        assert build["context"] == "."
        assert build.get("dockerfile", "Dockerfile") == "Dockerfile"
        assert build["target"] == target
        assert target in stages, f"no stage {target} in the Dockerfile"


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
    assert mounts["/mnt/wjl-docker"].startswith("./docker:")
    assert odoo["command"] == ["/mnt/wjl-docker/odoo-start.sh"]
    script = start.read_text(encoding="utf-8")
    assert os.access(start, os.X_OK)
    assert "/entrypoint.sh odoo" in script
    assert "--load-language=zh_CN" in script


def test_addons_path_includes_our_addons():
    """Served: config/odoo.conf reads /mnt/extra-addons, where ./addons is mounted (OCA
    addons from requirements.txt are found on odoo.addons' own path). Tests: tools/wjl-test
    adds the checkout's addons/ to ODOO_ADDONS_PATH (Odoo's addons inside the image)."""
    parser = configparser.ConfigParser()
    parser.read(ROOT / "config" / "odoo.conf")
    served = parser["options"]["addons_path"].split(",")
    assert "/mnt/extra-addons" in served
    services = _compose()["services"]
    assert "./addons:/mnt/extra-addons:ro" in services["odoo"]["volumes"]
    tests = services["tests"]
    assert f".:{tests['working_dir']}" in tests["volumes"]
    assert tests["environment"]["ODOO_ADDONS_PATH"] == "/usr/lib/python3/dist-packages/odoo/addons"
    assert tests["command"] == ["bash", ".ci/run"]
    wjl_test = (ROOT / "tools" / "wjl-test").read_text(encoding="utf-8")
    assert 'addons_path="$addons_path,$ROOT/addons"' in wjl_test
    assert "WJL_DB_USE_ENV_VARS" in wjl_test
    assert tests["environment"]["WJL_DB_USE_ENV_VARS"] == "1"


def test_docker_config_has_no_secret():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "config" / "odoo.conf")
    options = parser["options"]
    assert options["addons_path"] == "/mnt/extra-addons"
    assert options["data_dir"] == "/var/lib/odoo"
    for key in ("db_password", "admin_passwd"):
        assert key not in options


def test_served_image_is_odoo_18_with_the_requirements():
    stages = _stages()
    served = stages["odoo"]
    assert served["from"] == "odoo:18.0"
    assert (["requirements.txt"], "/opt/wjl/requirements.txt") in _copies(served)
    runs = _runs(served)
    assert "pip3 install -r /opt/wjl/requirements.txt" in runs
    envs = " ".join(args for instruction, args in served["steps"] if instruction == "ENV")
    assert "PIP_BREAK_SYSTEM_PACKAGES=1" in envs, "Ubuntu noble's pip refuses without it"
    # the build fails unless Odoo finds the OCA addon and xlsxwriter imports
    assert "find_spec('odoo.addons.report_xlsx')" in runs
    assert "xlsxwriter" in runs
    # the image serves as the official one does: as odoo, not root
    users = [args for instruction, args in served["steps"] if instruction == "USER"]
    assert users[-1] == "odoo"
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "odoo-addon-report_xlsx>=18.0,<18.1" in requirements
    assert "xlsxwriter" in requirements


def test_served_image_stays_thin():
    served = _stages()["odoo"]
    runs = _runs(served)
    copied = {source for sources, _dest in _copies(served) for source in sources}
    assert copied == {"requirements.txt"}, "the addons are mounted, not copied"
    assert "requirements-dev" not in runs
    assert "apt-get" not in runs
    assert BROWSER_SCRIPT not in runs


def test_tests_image_builds_on_the_served_one():
    tests = _stages()["tests"]
    assert tests["from"] == "odoo"
    runs = _runs(tests)
    assert (["requirements-dev.txt"], "/opt/wjl/requirements-dev.txt") in _copies(tests)
    assert "-r /opt/wjl/requirements-dev.txt" in runs
    assert "import pytest_odoo, websocket" in runs
    apt = _apt_installed(runs)
    # CJK fonts for the Chinese PDFs, faketime for the clock runs (.ci/run), make for make test
    assert {"fonts-noto-cjk", "faketime", "make"} <= apt
    assert not apt & SNAP_STUB_PACKAGES, "Ubuntu's chromium package is only a snap stub"


def test_tests_image_installs_a_real_browser():
    tests = _stages()["tests"]
    assert ([BROWSER_SCRIPT], f"/opt/wjl/{Path(BROWSER_SCRIPT).name}") in _copies(tests)
    assert f"bash /opt/wjl/{Path(BROWSER_SCRIPT).name}" in _runs(tests)
    script = (ROOT / BROWSER_SCRIPT).read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    assert not _apt_installed(code) & SNAP_STUB_PACKAGES
    # amd64: Google's own .deb; other architectures: Playwright's Chromium build
    assert "https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb" in code
    assert 'apt-get install -y --no-install-recommends "$deb"' in code
    assert "python3 -m playwright install --with-deps chromium" in code
    assert 'ln -sf "$browser" /usr/local/bin/chromium' in code
    # the build fails unless the browser renders a page headless, as root without sandbox
    assert "--headless --no-sandbox" in code and "--dump-dom" in code
    assert "*browser-ok*)" in code
    run = subprocess.run(["bash", "-n", str(ROOT / BROWSER_SCRIPT)], check=False)
    assert run.returncode == 0


def test_browser_is_where_odoo_looks_for_it():
    """Odoo's test browser runs the first of these names found on PATH: the script's
    google-chrome (amd64) and /usr/local/bin/chromium (Playwright) must be among them."""
    spec = importlib.util.find_spec("odoo")
    locations = (spec.submodule_search_locations or []) if spec else []
    sources = [Path(location) / "tests" / "common.py" for location in locations]
    sources = [source for source in sources if source.is_file()]
    if not sources:
        names = ["google-chrome", "chromium"]  # Odoo 18.0's list, as read when written
    else:
        source = sources[0].read_text(encoding="utf-8")
        found = re.search(r"for bin_ in \[([^\]]*)\]", source)
        assert found, "odoo/tests/common.py no longer lists the browser names"
        names = re.findall(r"'([^']+)'", found.group(1))
    assert "google-chrome" in names
    assert "chromium" in names


def test_dockerignore_sends_only_what_the_dockerfile_copies():
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def sent(path):
        included = True
        for pattern in patterns:
            negated = pattern.startswith("!")
            if fnmatch.fnmatch(path, pattern.lstrip("!")):
                included = negated
        return included

    for stage in _stages().values():
        for sources, _dest in _copies(stage):
            for source in sources:
                assert sent(source), f"{source} is copied but .dockerignore leaves it out"
                assert (ROOT / source).is_file(), source
    for path in ("addons/wjl_base/__manifest__.py", ".git/HEAD", "bench/README.md"):
        assert not sent(path), f"{path} would be sent to the build"
