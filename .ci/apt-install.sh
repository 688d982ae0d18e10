# Sourced by the ensure-*.sh scripts. apt_install "<what> for <why>" <apt-get install arguments…>:
# installs Debian packages when we are root and have apt (a CI machine, a fresh container), and
# returns non-zero otherwise or when apt fails, so the caller can say what to install by hand. (The
# caller tests it with ||, where `set -e` does not apply: the status is returned, never ignored.)
apt_install() {
	local what="$1"
	shift
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installing Debian's ${what}…"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
		return
	fi
	return 1
}
