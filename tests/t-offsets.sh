#!/bin/sh
# t-offsets.sh - offsets are exact in every encoding (issue 3, item 7): for
# every row, the ORIGINAL bytes [start,end), cut out with tail -c / head -c,
# decoded with iconv and normalized with `lexpipe norm`, equal the match
# column.  The text has what breaks naive offsets: no-break spaces, soft
# hyphens, zero-width spaces, NFD letters (е + U+0308), em dashes, a
# non-breaking hyphen, CRLF and CR-only line ends, phrases broken across
# lines, and lookalike letters repaired inside matches.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

mkdir -p pat/off
cat >pat/off/off.pat <<'EOF'
rule off.ru
kind ref
label article
regex (?i)(?<m>стать(?:я|и|е|ей|ю)\s+\d+(?:-\d+)*)
example см. статье 44 => article
rule off.en
kind ref
label article
regex (?i)(?<m>article\s+\d+)
example see article 12 => article
rule off.kk
kind ref
label article
regex (?<m>\d+-бап\w*)
example 5-бапқа сәйкес => article
rule off.yo
kind ref
label yo
regex (?<m>[Ёё]\w+)
example Ёлка => yo
rule off.range
kind ref
label range
regex (?<m>\d+–\d+)
example 27–29 => range
EOF

# One feature a line, so an 8-bit page that lacks a character loses one
# line, not the test.  Line ends vary: LF, CRLF, CR.
printf '%s\n' \
	'Согласно статье 44 Закона граждане собираются мирно.|LF' \
	'См. статья\302\24045 в редакции.|CRLF' \
	'См. ста\302\255тья 46 там же.|LF' \
	'Under article\342\200\213 12 and \342\200\213article 13.|CR' \
	'Объ\320\265\314\210м работ определён.|LF' \
	'Ёлка стоит на площади.|LF' \
	'Срок 27\342\200\22429 мая.|CRLF' \
	'Cтатья 7 и Аrticle 9 применяются.|LF' \
	'Осы Заңның 5-бaпқа сәйкес мемлекеттiк тіл.|LF' \
	'Действует статья|CRLF' \
	'48 этого закона.|LF' \
	'It follows from article|CR' \
	'49 of the Code.|LF' \
	'Статья 102\342\200\2213 введена.|LF' >lines

# the whole text in UTF-8, and the matches worked out by hand
want='статье 44|статья 45|статья 46|article 12|article 13|ём|ён|Ёлка|27–29|Статья 7|Article 9|5-бапқа|статья 48|article 49|Статья 102-3'

# build ENC OUT: the lines that ENC can hold, in UTF-8 (OUT.u8) and ENC (OUT)
build() {
	: >"$2.u8"
	while IFS='|' read -r text end; do
		line=$(printf "$text")
		printf '%s' "$line" | iconv -f UTF-8 -t "$1" >/dev/null 2>&1 || continue
		case $end in
		LF) printf '%s\n' "$line" ;;
		CRLF) printf '%s\r\n' "$line" ;;
		CR) printf '%s\r' "$line" ;;
		esac >>"$2.u8"
	done <lines
	iconv -f UTF-8 -t "$1" "$2.u8" >"$2"
}

# check_rows NAME FILE ENC ROWS: every row's original bytes give its match
check_rows() {
	_bad=
	cut -f4,5,14 "$4" >"$4.spans"
	while IFS='	' read -r s e m; do
		tail -c +$((s + 1)) "$2" | head -c $((e - s)) | iconv -f "$3" -t UTF-8 >snip 2>/dev/null
		got=$("$LEXPIPE" norm --from UTF-8 snip 2>/dev/null | awk -F'\t' '
			$1 != "L" { next }
			{ sep = (n++ && $7 !~ /c/ && !hy) ? " " : ""; printf "%s%s", sep, $9; hy = ($7 ~ /h/) }')
		[ "$got" = "$m" ] || _bad="$_bad [$s,$e): '$got' != '$m';"
	done <"$4.spans"
	check_eq "$1" "" "$_bad"
}

build UTF-8 all.txt
"$LEXPIPE" run --from UTF-8 --patterns pat --no-header all.txt >all.rows
check_eq "UTF-8: the matches worked out by hand" "$want" "$(cut -f14 all.rows | paste -sd'|' -)"
check_eq "UTF-8: the lines they start on" "1 2 3 4 4 5 5 6 7 8 8 9 10 12 14" "$(cut -f2 all.rows | paste -sd' ' -)"

for v in UTF-8:- UTF-8:bom UTF-16LE:- UTF-16LE:bom UTF-16BE:- UTF-16BE:bom \
	CP1251:- KOI8-R:- KOI8-U:- CP866:- ISO-8859-5:- MACCYRILLIC:- RK1048:- PT154:-; do
	enc=${v%:*}
	name=$enc
	build "$enc" f.body
	bom=
	if [ "${v#*:}" = bom ]; then
		name="$enc+BOM"
		case $enc in
		UTF-8) bom='\357\273\277' ;;
		UTF-16LE) bom='\377\376' ;;
		UTF-16BE) bom='\376\377' ;;
		esac
	fi
	printf "$bom" | cat - f.body >f.txt
	# what this encoding's subset of the text must give
	"$LEXPIPE" run --from UTF-8 --patterns pat --no-header f.body.u8 | cut -f14 >expect
	"$LEXPIPE" run --from "$enc" --patterns pat --no-header f.txt >rows 2>err
	check_eq "$name: the same matches as the UTF-8 text ($(wc -l <expect) of them)" \
		"$(paste -sd'|' expect)" "$(cut -f14 rows | paste -sd'|' -)"
	check_rows "$name: every row's original bytes are its match" f.txt "$enc" rows
	# detection: the same rows without --from
	"$LEXPIPE" run --patterns pat --no-header f.txt >drows 2>/dev/null
	check_eq "$name: detected, the same rows as with --from" "$(cut -f2- rows)" "$(cut -f2- drows)"
done
