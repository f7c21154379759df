#!/bin/sh
# t-norm-lines.sh - no line is dropped, merged or reordered, in any encoding,
# at any buffer size: a small file with LF, CRLF and CR line ends and a last
# line without one is read in every encoding lexpipe supports (with and
# without BOM), then read again with --buffer-size 1..20, which cuts it at
# every byte, and with --line-max 16, which sends long lines in pieces.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

ru1='Статья 44. Граждане вправе собираться мирно.'
ru2='Article 13-4 of the Law; Ёлка и йод: 5 %'
ru3='последняя строка без конца'
kk1='Осы Заң 5-бапқа сәйкес қолданылады.'
# line ends: LF, CRLF (after an empty line), CR, LF, none
printf '%s\n\r\n%s\r%s\n%s' "$ru1" "$ru2" "$kk1" "$ru3" >kk.utf8
printf '%s\n\r\n%s\r%s\n%s' "$ru1" "$ru2" "$ru2" "$ru3" >ru.utf8
printf '%s|%s|%s|%s|%s' "$ru1" "" "$ru2" "$kk1" "$ru3" >kk.want
printf '%s|%s|%s|%s|%s' "$ru1" "" "$ru2" "$ru2" "$ru3" >ru.want

# make NAME ENC BOM SRC: the test file NAME in ENC, with the BOM bytes given
make_file() {
	iconv -f UTF-8 -t "$2" "$4" >"$1.body" || { notok "iconv to $2"; return 1; }
	printf "$3" | cat - "$1.body" >"$1"
	rm -f "$1.body"
}

variants='
utf8 UTF-8 - kk
utf8-bom UTF-8 \357\273\277 kk
utf16le UTF-16LE - kk
utf16le-bom UTF-16LE \377\376 kk
utf16be UTF-16BE - kk
utf16be-bom UTF-16BE \376\377 kk
cp1251 CP1251 - ru
koi8r KOI8-R - ru
koi8u KOI8-U - ru
cp866 CP866 - ru
iso88595 ISO-8859-5 - ru
maccyr MACCYRILLIC - ru
rk1048 RK1048 - kk
pt154 PT154 - kk
'

echo "$variants" | while read -r name enc bom src; do
	[ -n "$name" ] || continue
	[ "$bom" = - ] && bom=
	make_file "$name.txt" "$enc" "$bom" "$src.utf8" || continue
	"$LEXPIPE" norm --from "$enc" "$name.txt" >"$name.ref" 2>"$name.err"
	check_eq "$name: every line, in order, once" "$(cat "$src.want")" \
		"$(grep '^L' "$name.ref" | cut -f9 | paste -sd'|' -)"
	check_eq "$name: line numbers 1..5, no piece flags" "1 - 2 - 3 - 4 - 5 -" \
		"$(grep '^L' "$name.ref" | cut -f3,7 | tr '\t\n' '  ' | sed 's/ $//')"
	check_eq "$name: nothing invalid, nothing said" "0|" "$(grep '^E' "$name.ref" | cut -f6)|$(cat "$name.err")"
	# the original bytes [start,end) of each line decode to its text
	bad=
	grep '^L' "$name.ref" | cut -f4,5,9 >"$name.spans"
	while IFS='	' read -r s e text; do
		got=$(tail -c +$((s + 1)) "$name.txt" | head -c $((e - s)) | iconv -f "$enc" -t UTF-8)
		[ "$got" = "$text" ] || bad="$bad [$s,$e) '$got' != '$text'"
	done <"$name.spans"
	check_eq "$name: start and end hold each line's bytes" "" "$bad"
	# every buffer size gives the same records
	bad=
	bs=1
	while [ $bs -le 20 ]; do
		"$LEXPIPE" norm --from "$enc" --buffer-size $bs "$name.txt" >"$name.bs" 2>/dev/null
		cmp -s "$name.ref" "$name.bs" || bad="$bad $bs"
		bs=$((bs + 1))
	done
	check_eq "$name: --buffer-size 1..20 change nothing" "" "$bad"
	# long lines in pieces: put back together they are the lines, and
	# each piece starts where the one before ended
	bad=
	for bs in 1 2 3 5 8 13 64; do
		"$LEXPIPE" norm --from "$enc" --buffer-size $bs --line-max 16 "$name.txt" >"$name.lm" 2>/dev/null
		got=$(grep '^L' "$name.lm" | awk -F'\t' '
			$7 ~ /c/ { if ($4 != end) print "gap at line " $3; text = text $9; end = $5; next }
			{ if (NR > 1) printf "%s|", text; text = $9; end = $5 }
			END { printf "%s", text }')
		[ "$got" = "$(cat "$src.want")" ] || bad="$bad $bs:[$got]"
	done
	check_eq "$name: --line-max 16 pieces tile every line" "" "$bad"
done
