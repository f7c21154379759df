# lib.sh - sourced by every tests/t-*.sh.
#
#   $LEXPIPE  the binary under test      $TOP  the repository
#   $T        a fresh temporary folder, removed at exit
#
# Checks print "ok - NAME" or "not ok - NAME" (and why, on stderr).
: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${LEXPIPE:=$TOP/lexpipe}"
# tests may cd: a relative binary path is made absolute first
case $LEXPIPE in /*) ;; */*) LEXPIPE=$PWD/$LEXPIPE ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
export LEXPIPE_PATTERNS="$TOP/patterns"
export LC_ALL=C.UTF-8

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; [ $# -gt 0 ] && printf '  %s\n' "$@" >&2; return 0; }

# check_eq NAME WANT GOT
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "want: $2" "got:  $3"; fi
}

# check_file NAME WANT_FILE GOT_FILE: byte-identical files
check_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else notok "$1" "$(diff "$2" "$3" | head -20)"; fi
}

# check_rc NAME WANT_STATUS CMD...: exit status of CMD (stdout, stderr to $T/out, $T/err)
check_rc() {
	_n=$1 _w=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	_rc=$?
	if [ "$_rc" = "$_w" ]; then ok "$_n"; else notok "$_n" "want status $_w, got $_rc" "$(head -3 "$T/err")"; fi
}

# check_grep NAME PATTERN FILE: FILE has a line matching the extended regex
check_grep() {
	if grep -Eq -- "$2" "$3"; then ok "$1"; else notok "$1" "no line matches: $2" "$(head -5 "$3")"; fi
}
