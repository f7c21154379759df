#!/bin/sh
# run.sh [DETECT_TEST]: generate the detection test set into a temporary
# directory and run the unit program over it.  Prints the TAP lines and
# exits non-zero if any file is detected wrongly.  DETECT_TEST defaults to
# building tests/detect/detect_test.c into the temporary directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

prog=${1:-}
if [ -z "$prog" ]; then
	prog=$tmp/detect_test
	${CC:-gcc} -std=c11 -Wall -Wextra -Werror -O2 -I"$top/pipeline" \
	    "$top/tests/detect/detect_test.c" "$top/pipeline/detect.c" -o "$prog"
fi
"$here/gen.sh" "$tmp/set"
"$prog" "$tmp/set"
