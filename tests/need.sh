#!/bin/sh
# need.sh PKG... - install the Debian packages that are missing (as root).
# A no-op when everything is there, so `make check` stays fast.
missing=
for p in "$@"; do
	# "triggers-pending" is installed too: another install may be finishing
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -Eq '^install ok (installed|triggers-pending|triggers-awaited)$' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "lexpipe: missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
	exit 2
fi
echo "lexpipe: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# wait for another apt-get (a parallel build, unattended upgrades) instead of failing
lock="-o DPkg::Lock::Timeout=600"
apt-get $lock update -qq >/dev/null && apt-get $lock install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "lexpipe: apt-get install$missing failed" >&2
	exit 2
}
