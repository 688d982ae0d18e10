#!/usr/bin/env bash
# biber (biblatex's backend) checks our BibTeX against biblatex's data model in `npm run check:site`.
# Debian's package without its recommendations is ~10 MB (Perl modules; no TeX Live, which would
# be ~150 MB): tool mode carries the data model itself. Installed when missing and apt may be used.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"
if command -v biber >/dev/null 2>&1 || apt_install "biber (without TeX) for the BibTeX check" --no-install-recommends biber; then
	exit 0
fi
echo "The BibTeX check needs biber: run 'sudo apt-get install -y --no-install-recommends biber' (or install biber 2.17+ from CTAN)." >&2
exit 1
