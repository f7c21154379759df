#!/bin/sh
# t-detect.sh - encoding detection over the generated test set (tests/detect/):
# every encoding lexpipe reads, at several lengths down to one 60-letter
# sentence.  The ASan pass runs the detector built with sanitizers.
. "$(dirname "$0")/lib.sh"
case $LEXPIPE in
*/asan/*) prog=$TOP/build/asan/detect_test ;;
*) prog=$TOP/build/detect_test ;;
esac
[ -x "$prog" ] || { notok "detect_test is built" "$prog"; exit 0; }
sh "$TOP/tests/detect/run.sh" "$prog" >"$T/out" 2>"$T/err"
rc=$?
n=$(grep -c '^ok' "$T/out")
bad=$(grep -c '^not ok' "$T/out")
[ "$n" -gt 1000 ] && ok "detection set generated ($n files)" || notok "detection set generated" "$n files" "$(head -3 "$T/err")"
if [ "$rc" = 0 ] && [ "$bad" = 0 ]; then ok "every file detected right"; else notok "every file detected right" "$(grep '^not ok' "$T/out" | head -10)"; fi
# the detected encoding reaches the record stream and --report
for e in CP1251 KOI8-R RK1048 PT154; do
	f=$(grep -l . "$TOP"/corpus/*/*."$(echo $e | tr 'A-Z' 'a-z' | tr -d -)".txt 2>/dev/null | head -1)
	[ -n "$f" ] || continue
	check_eq "norm --report names $e" "$e" "$("$LEXPIPE" norm --report "$f" | tail -1 | cut -f2)"
done
