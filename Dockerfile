# Images of the Docker path (docker-compose.yml builds both; README.md, "Quick start").
#
#   target odoo   the served image: the official odoo:18.0 (Ubuntu noble, Python 3.12,
#                 wkhtmltopdf, fonts-noto-cjk) plus the suite's Python dependencies from
#                 requirements.txt (OCA report_xlsx, xlsxwriter). The addons are not copied:
#                 the compose file mounts ./addons on /mnt/extra-addons.
#   target tests  the odoo target plus what the test suite needs: a real headless Chromium
#                 (docker/install-browser.sh; Ubuntu's `chromium` package is only a snap
#                 stub), fonts-noto-cjk, faketime, make and requirements-dev.txt.
#
# The build context is only what .dockerignore lets through (requirements, docker/).

FROM odoo:18.0 AS odoo
USER root
# pip of Ubuntu noble refuses to touch the system Python without this (PEP 668); the
# packages go to /usr/local/lib/python3.12/dist-packages. OCA wheels install their addon
# into odoo/addons/ there and Odoo finds it (odoo.addons extends its path over sys.path);
# their `odoo==18.0.*` requirement is met by the metadata of the image's Odoo package.
ENV PIP_BREAK_SYSTEM_PACKAGES=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
COPY requirements.txt /opt/wjl/requirements.txt
RUN pip3 install -r /opt/wjl/requirements.txt \
    && python3 -c "import importlib.util, odoo.addons, xlsxwriter; \
assert importlib.util.find_spec('odoo.addons.report_xlsx'), 'report_xlsx not found by Odoo'"
USER odoo

FROM odoo AS tests
USER root
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        faketime fonts-noto-cjk make \
    && rm -rf /var/lib/apt/lists/*
COPY docker/install-browser.sh /opt/wjl/install-browser.sh
ARG TARGETARCH
RUN bash /opt/wjl/install-browser.sh "${TARGETARCH:-$(dpkg --print-architecture)}"
COPY requirements-dev.txt /opt/wjl/requirements-dev.txt
RUN pip3 install -r /opt/wjl/requirements.txt -r /opt/wjl/requirements-dev.txt \
    && python3 -c "import pytest_odoo, websocket, yaml, jsonschema, openpyxl, freezegun"
