#!/bin/sh
# t-valgrind.sh - a sample of every command, good input and bad, under
# valgrind: zero errors and zero leaks of any kind (still-reachable memory
# counts too).  Skipped for the ASan build, which has its own leak checker
# and does not run under valgrind.
. "$(dirname "$0")/lib.sh"
case $LEXPIPE in /*) ;; *) LEXPIPE=$(pwd)/$LEXPIPE ;; esac
case $LEXPIPE in
*/asan/*)
	echo "# skip: valgrind does not run the ASan build" >&2
	exit 0
	;;
esac
if ! command -v valgrind >/dev/null; then
	notok "valgrind is installed (make test-deps)"
	exit 0
fi
cd "$TOP" || exit 2

VG="valgrind -q --suppressions=$TOP/tests/valgrind.supp --error-exitcode=9 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --track-fds=no"

# vg NAME CMD...: runs CMD under valgrind, stdin from $T/in when it exists
n=0
vg() {
	_name=$1
	shift
	n=$((n + 1))
	if [ -f "$T/in" ]; then
		$VG "$@" <"$T/in" >"$T/vg.out" 2>"$T/vg.$n"
	else
		$VG "$@" </dev/null >"$T/vg.out" 2>"$T/vg.$n"
	fi
	_rc=$?
	# valgrind's own lines start with ==PID==
	if [ $_rc -ne 9 ] && ! grep -q '^==[0-9]*==' "$T/vg.$n"; then
		ok "valgrind: $_name (status $_rc)"
	else
		notok "valgrind: $_name" "$(grep -E '^==[0-9]+== +(at|by|[A-Z0-9].*(lost|reachable|Invalid|uninit|ERROR))' "$T/vg.$n" | head -12)"
	fi
	rm -f "$T/in"
}

sample="corpus/en/ngo-letter.utf8.txt corpus/ru/zakon-o-sobraniyah.cp1251.txt corpus/kk/zan-jinalys.rk1048.txt"
utf16=$(ls corpus/*/*utf16* 2>/dev/null | head -1)
printf 'Article 1\000\000 x\n\377 bad \303\n' >"$T/bad.txt"

# shellcheck disable=SC2086
vg "norm on the sample" "$LEXPIPE" norm $sample $utf16
vg "norm --buffer-size 3 --line-max 20 --nfkc --join-hyphens" "$LEXPIPE" norm --buffer-size 3 --line-max 20 --nfkc --join-hyphens $sample
vg "norm on bad input (NUL, invalid UTF-8, missing file, directory)" "$LEXPIPE" norm "$T/bad.txt" "$T/missing.txt" corpus
vg "norm --from an unknown encoding" "$LEXPIPE" norm --from NO-SUCH-CODE "$T/bad.txt"

# shellcheck disable=SC2086
"$LEXPIPE" norm $sample >"$T/sample.rec" 2>/dev/null
cp "$T/sample.rec" "$T/in"
vg "tag, every set" "$LEXPIPE" tag
{
	head -3 "$T/sample.rec"
	printf 'L\tx\t1\t0\t2\ten\t-\t2\t\377\376\nL\tx\t0\t0\t0\ten\t-\t\t\nA\tshort\n'
	tail -3 "$T/sample.rec"
} >"$T/in"
vg "tag on malformed records" "$LEXPIPE" tag
"$LEXPIPE" tag <"$T/sample.rec" >"$T/sample.tag" 2>/dev/null
vg "tsv" "$LEXPIPE" tsv "$T/sample.tag"
{ printf 'A\tshort\n'; cat "$T/sample.tag"; } >"$T/in"
vg "tsv on a malformed A record" "$LEXPIPE" tsv

# shellcheck disable=SC2086
vg "run on the sample" "$LEXPIPE" run $sample
vg "run -o FILE" "$LEXPIPE" run -o "$T/rows.tsv" corpus/en/ngo-letter.utf8.txt
vg "run on a missing set" "$LEXPIPE" run --set nosuchset corpus/en
vg "patterns --check" "$LEXPIPE" patterns --check
