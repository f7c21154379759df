#!/bin/sh
# need.sh PKG... - install the Debian packages that are missing (as root).
# A no-op when everything is there, so `make check` stays fast.
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "lexpipe: missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
	exit 2
fi
echo "lexpipe: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "lexpipe: apt-get install$missing failed" >&2
	exit 2
}
