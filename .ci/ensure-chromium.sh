#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (test tools cannot download their own browser here).
# Installs it, with CJK fonts for readable screenshots, when it is missing and we may use apt.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || apt_install "chromium and fonts-noto-cjk for the browser tests" chromium fonts-noto-cjk; then
	exit 0
fi
echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium fonts-noto-cjk'," >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
