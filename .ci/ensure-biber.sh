#!/usr/bin/env bash
# biber (biblatex's backend) checks our BibTeX against biblatex's data model in `npm run check:site`.
# Debian's package without its recommendations is ~10 MB (Perl modules; no TeX Live, which would
# be ~150 MB): tool mode carries the data model itself. Installed when missing and apt may be used.
set -euo pipefail
if command -v biber >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing Debian's biber (without TeX) for the BibTeX check…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends biber >/dev/null
	exit 0
fi
echo "The BibTeX check needs biber: run 'sudo apt-get install -y --no-install-recommends biber' (or install biber 2.17+ from CTAN)." >&2
exit 1
