#!/bin/bash
# Installs the headless browser of the `tests` image (Dockerfile, target tests), where
# Odoo's test browser looks for it: google-chrome, chromium, chromium-browser on PATH
# (odoo/tests/common.py, _find_executable). Ubuntu's `chromium` and `chromium-browser`
# packages only install the snap, which cannot run in a container, so they are never used:
#   amd64           Google Chrome stable, the official .deb (apt resolves its libraries);
#                   Odoo's own runbot tests with Google Chrome too.
#   other (arm64)   Playwright's Chromium build (`playwright install --with-deps chromium`),
#                   linked as /usr/local/bin/chromium.
# Then it proves the browser runs headless as the tests run it (root, no sandbox).
# Usage: install-browser.sh ARCH (Docker's TARGETARCH: amd64, arm64, ...)
set -euo pipefail
arch=${1:-$(dpkg --print-architecture)}
export DEBIAN_FRONTEND=noninteractive

if [ "$arch" = "amd64" ]; then
    deb=/tmp/google-chrome-stable_current_amd64.deb
    curl -fsSL -o "$deb" https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb
    apt-get update
    apt-get install -y --no-install-recommends "$deb"
    # the package adds Google's apt source; the image is rebuilt instead of upgraded
    rm -f "$deb" /etc/apt/sources.list.d/google-chrome.list
    browser=$(command -v google-chrome)
else
    export PLAYWRIGHT_BROWSERS_PATH=/opt/playwright
    pip3 install "playwright>=1.49,<2"
    python3 -m playwright install --with-deps chromium
    browser=$(find "$PLAYWRIGHT_BROWSERS_PATH" -path '*/chromium-*' -type f -name chrome -perm -u+x |
        head -n 1)
    [ -n "$browser" ] || { echo "install-browser: no chrome binary under $PLAYWRIGHT_BROWSERS_PATH" >&2; exit 1; }
    ln -sf "$browser" /usr/local/bin/chromium
fi
rm -rf /var/lib/apt/lists/*

"$browser" --version
page=$("$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --dump-dom 'data:text/html,<p id="wjl">browser-ok</p>' 2>/dev/null)
case "$page" in
    *browser-ok*) echo "install-browser: $browser runs headless" ;;
    *) echo "install-browser: $browser does not render a page headless" >&2; exit 1 ;;
esac
