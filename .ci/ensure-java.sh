#!/usr/bin/env bash
# The Nu HTML Checker (vnu-jar, in `npm run check:site`) runs on Java. Installs Debian's headless
# runtime when none is found and we may use apt, as ensure-chromium.sh does for the browser.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing Debian's default-jre-headless for the Nu HTML Checker…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
	exit 0
fi
echo "The Nu HTML Checker needs Java: run 'sudo apt-get install -y default-jre-headless' (or install any Java 11+)." >&2
exit 1
