#!/bin/sh
# run.sh BIN... - the whole suite: unit programs once, then every tests/t-*.sh
# once per lexpipe binary given (the plain build, then the ASan+UBSan build).
# Every check prints "ok - NAME" or "not ok - NAME"; the last line counts them.
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TOP
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM

for src in "$TOP"/tests/unit/*.c; do
	name=$(basename "$src" .c)
	u=$TOP/build/unit/$name
	if [ ! -x "$u" ]; then
		echo "not ok - unit:$name is not built" >>"$out"
		continue
	fi
	"$u" "$TOP" >"$out.u" 2>&1
	rc=$?
	sed "s/^\(not \)\{0,1\}ok - /&unit:$name: /" "$out.u" | grep -E '^(not )?ok - ' >>"$out"
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$out.u"; then
		echo "not ok - unit:$name exited $rc" >>"$out"
		tail -5 "$out.u" >&2
	fi
	rm -f "$out.u"
done

for bin in "$@"; do
	case $bin in /*) ;; *) bin="$TOP/$bin" ;; esac
	case $bin in */asan/*) label=asan ;; *) label=plain ;; esac
	for t in "$TOP"/tests/t-*.sh; do
		[ -f "$t" ] || continue
		name=$(basename "$t" .sh)
		LEXPIPE="$bin" sh "$t" 2>"$out.err" | sed "s/^\(not \)\{0,1\}ok - /&$label:$name: /" >>"$out"
		if grep -q . "$out.err" && [ -n "$VERBOSE" ]; then cat "$out.err" >&2; fi
		rm -f "$out.err"
	done
done

grep '^not ok' "$out" >&2
pass=$(grep -c '^ok - ' "$out")
fail=$(grep -c '^not ok - ' "$out")
[ -n "$VERBOSE" ] && cat "$out"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
