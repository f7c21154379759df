#!/bin/sh
# t-unit-wired.sh - the unit programs are built and run by make check.
. "$(dirname "$0")/lib.sh"
for u in "$TOP"/tests/unit/*.c; do
	b="$TOP/build/unit/$(basename "$u" .c)"
	[ -x "$b" ] && ok "unit program built: $(basename "$b")" || notok "unit program built: $(basename "$b")"
done
