#!/bin/sh
# bench-detect.sh [DETECT_TEST]: accuracy of lexpipe's encoding detector
# against uchardet and enca on the test set of tests/detect/gen.sh.
#
# Every file is judged the same way for every tool: decode the whole file
# with iconv under the tool's answer, drop a leading U+FEFF, and compare
# with the file decoded under the encoding it was written in.  So CP1251
# for a Russian RK1048 file counts as right (same text), and an answer
# iconv cannot use, or none, counts as wrong unless the text is empty.
# Tool names are mapped to iconv names first: uchardet's WINDOWS-1251,
# IBM866, MAC-CYRILLIC, ASCII.  enca's UCS-2 names no byte order (glibc's
# UCS-2 would ignore the BOM); it is read as UTF-16, which honours a BOM
# and otherwise means little-endian in glibc, so enca gets BOM-less
# UTF-16LE right and BOM-less UTF-16BE wrong.
# enca runs with -L russian: with -L none it names no 8-bit page at all.
#
# Prints one table for all files and one for the short (~60 letter) files.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for t in uchardet enca iconv; do
	command -v "$t" >/dev/null ||
		{ echo "bench-detect: $t not installed" >&2; exit 2; }
done
prog=${1:-}
if [ -z "$prog" ]; then
	prog=$tmp/detect_test
	${CC:-gcc} -std=c11 -Wall -Wextra -Werror -O2 -I"$top/pipeline" \
	    "$top/tests/unit/detect_test.c" "$top/pipeline/detect.c" -o "$prog"
fi
"$here/detect/gen.sh" "$tmp/set"

# text FILE ENC: the file's text as UTF-8 without a BOM, or nothing.
text() {
	case $2 in
	''|'???'|unknown) return 0 ;;
	esac
	iconv -f "$2" -t UTF-8 "$1" 2>/dev/null |
	    LC_ALL=C sed '1s/^\xEF\xBB\xBF//' || :
}

# iconvname TOOLNAME: the iconv spelling of an encoding name.
iconvname() {
	case $1 in
	WINDOWS-1251) echo CP1251 ;;
	IBM866) echo CP866 ;;
	MAC-CYRILLIC|maccyr) echo MACCYRILLIC ;;
	ASCII) echo UTF-8 ;;
	UCS-2|UTF-16) echo UTF-16 ;;
	*) echo "$1" ;;
	esac
}

"$prog" --print "$tmp/set" >"$tmp/lexpipe"
while IFS="$(printf '\t')" read -r f lp; do
	want=$(basename "$(dirname "$f")")
	case $f in *-short-*) size=short ;; *) size=other ;; esac
	text "$f" "$want" | cksum >"$tmp/want"
	res=
	for got in "$lp" "$(iconvname "$(uchardet "$f")")" \
	    "$(iconvname "$(enca -L russian -i "$f" 2>/dev/null || :)")"; do
		if text "$f" "$got" | cksum | cmp -s - "$tmp/want"; then
			res="$res 1"
		else
			res="$res 0"
		fi
	done
	echo "$want $size$res"
done <"$tmp/lexpipe" >"$tmp/results"

table() {
	awk -v title="$1" -v only="$2" '
	only != "" && $2 != only { next }
	{ n[$1]++; for (i = 0; i < 3; i++) ok[$1, i] += $(3 + i); N++
	  for (i = 0; i < 3; i++) tot[i] += $(3 + i) }
	function cell(a, b) { return sprintf("%4d %5.1f%%", a, 100 * a / b) }
	END {
		print title
		printf "%-12s %5s  %-11s  %-11s  %-11s\n", "encoding", "files",
		    "lexpipe", "uchardet", "enca"
		for (e in n) order[++k] = e
		for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
			if (order[j] < order[i]) { t = order[i]; order[i] = order[j]; order[j] = t }
		for (i = 1; i <= k; i++) { e = order[i]
			printf "%-12s %5d  %s  %s  %s\n", e, n[e], cell(ok[e, 0], n[e]),
			    cell(ok[e, 1], n[e]), cell(ok[e, 2], n[e]) }
		printf "%-12s %5d  %s  %s  %s\n\n", "all", N, cell(tot[0], N),
		    cell(tot[1], N), cell(tot[2], N)
	}' "$tmp/results"
}
table "All files (correct = decodes to the same text as the expected encoding)" ""
table "Short files only (one sentence, ~60 letters)" short
