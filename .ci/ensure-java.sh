#!/usr/bin/env bash
# The Nu HTML Checker (vnu-jar, in `npm run check:site`) runs on Java. Installs Debian's headless
# runtime when none is found and we may use apt, as ensure-chromium.sh does for the browser.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"
if command -v java >/dev/null 2>&1 || apt_install "default-jre-headless for the Nu HTML Checker" default-jre-headless; then
	exit 0
fi
echo "The Nu HTML Checker needs Java: run 'sudo apt-get install -y default-jre-headless' (or install any Java 11+)." >&2
exit 1
