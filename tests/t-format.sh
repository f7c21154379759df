#!/bin/sh
# t-format.sh - output formats of `lexpipe tsv` and `run`: run equals the
# chain of filters in every format, the header, CSV quoting and line ends,
# safe cells, JSON Lines shape, the Excel encoding, --fields, --null,
# --context, and bad option values.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
H=corpus/en/hostile-cells.utf8.txt

# run == norm | tag | tsv with the same output options, on the whole corpus
find corpus -type f | LC_ALL=C sort >"$T/files"
# shellcheck disable=SC2046
"$LEXPIPE" norm $(cat "$T/files") | "$LEXPIPE" tag >"$T/stream"
for opts in "--format csv" "--format jsonl" "--excel" "--format tsv --fields kind,match,doc,line --null \\N" \
	"--format csv --no-header --null NULL" "--context 20" "--format jsonl --context 5 --fields match,context"; do
	# shellcheck disable=SC2086
	"$LEXPIPE" run $opts corpus >"$T/run.out" 2>"$T/run.err"
	rc=$?
	# shellcheck disable=SC2086
	"$LEXPIPE" tsv $opts <"$T/stream" >"$T/pipe.out"
	if [ $rc = 0 ] && [ -s "$T/run.out" ] && cmp -s "$T/run.out" "$T/pipe.out"; then
		ok "run equals norm | tag | tsv: $opts"
	else
		notok "run equals norm | tag | tsv: $opts" "status $rc" "$(cmp "$T/run.out" "$T/pipe.out" 2>&1)" "$(head -3 "$T/run.err")"
	fi
done

# CSV: RFC 4180 header and CRLF line ends; every record has 15 fields
"$LEXPIPE" run --format csv corpus >"$T/c.csv"
check_eq "csv header" "doc,line,col,start,end,lang,kind,label,canonical,value,negated,provision,rule,match,context" \
	"$(head -1 "$T/c.csv" | tr -d '\r')"
check_eq "csv: every line ends in CRLF" 0 "$(LC_ALL=C grep -vc "$(printf '\r')\$" "$T/c.csv")"
LC_ALL=C awk -v fmt=csv -f tests/format.awk "$T/c.csv" | awk -F'\t' 'NF != 15' >"$T/bad"
check_eq "csv: every record has 15 fields" "" "$(cat "$T/bad")"
check_eq "csv: as many rows as tsv" "$(($(wc -l <"$T/c.csv")))" "$(($("$LEXPIPE" run corpus | wc -l)))"

# safe cells: hostile starts get an apostrophe in csv and excel, none in tsv
"$LEXPIPE" run --format csv --fields context "$H" | tr -d '\r' >"$T/h.csv"
"$LEXPIPE" run --fields context "$H" >"$T/h.tsv"
for start in '=HYPERLINK(' '+7 727' '-3 days' '@SUM(' '=1+1' '+Публикация' '-Митинги' '@Участникам'; do
	if grep -qF -- "\"'$start" "$T/h.csv" && grep -qF -- "$start" "$T/h.tsv" && ! grep -qF -- "'$start" "$T/h.tsv"; then
		ok "safe cell: $start"
	else
		notok "safe cell: $start" "$(grep -F -- "$start" "$T/h.csv" | head -2)"
	fi
done
check_grep "safe cell: a leading tab" "^\"'	A line that starts with a tab" "$T/h.csv"
check_grep "tsv keeps the tab escaped, unmarked" '^\\tA line that starts with a tab' "$T/h.tsv"
LC_ALL=C awk -v fmt=csv -f tests/format.awk "$T/h.csv" | grep -c '^[-=+@]' >"$T/n"
check_eq "csv read back: as many hostile values as in tsv" "$(grep -c '^[-=+@]' "$T/h.tsv")" "$(cat "$T/n")"

# Excel: UTF-16LE with a BOM, tabs, CRLF; the same text as the csv
"$LEXPIPE" run --excel "$H" >"$T/x.csv"
check_eq "excel: BOM FF FE" "fffe" "$(head -c 2 "$T/x.csv" | od -An -tx1 | tr -d ' \n')"
tail -c +3 "$T/x.csv" | iconv -f UTF-16LE -t UTF-8 >"$T/x.txt"
check_eq "excel: decodes as UTF-16LE" 0 $?
check_eq "excel: tab-separated header" "doc	line	col	start	end	lang	kind	label	canonical	value	negated	provision	rule	match	context" \
	"$(head -1 "$T/x.txt" | tr -d '\r')"
check_grep "excel: Kazakh letters intact" 'ә ғ қ ң ө ұ ү һ і, Ә Ғ Қ Ң Ө Ұ Ү Һ І' "$T/x.txt"
check_grep "excel: a formula is marked" "\"'=HYPERLINK\(" "$T/x.txt"

# JSON Lines: one object a line, keys in column order, numbers and flags
"$LEXPIPE" run --format jsonl corpus >"$T/j"
check_eq "jsonl: no header, a line per row" "$(($("$LEXPIPE" run --no-header corpus | wc -l)))" "$(($(wc -l <"$T/j")))"
bad=$(grep -vc '^{"doc":"[^"]*","line":[0-9]*,"col":[0-9]*,"start":[0-9]*,"end":[0-9]*,"lang":"[a-z]*","kind":"[a-z]*","label":".*","negated":\(true\|false\|null\),"provision":.*,"rule":.*,"match":.*,"context":".*"}$' "$T/j")
check_eq "jsonl: every line has the columns in order" 0 "$bad"
check_grep "jsonl: a ref has negated null" '"kind":"ref",.*"negated":null' "$T/j"
check_grep "jsonl: a restriction has negated false or true" '"kind":"restrict",.*"negated":(false|true)' "$T/j"
check_grep "jsonl: a tab in a value is \\t" '"context":"\\tA line that starts' "$T/j"

# --fields and --null
"$LEXPIPE" run --fields kind,doc "$H" >"$T/kd"
check_eq "--fields chooses and orders columns" "kind	doc:$H" "$(head -1 "$T/kd"):$(tail -n +2 "$T/kd" | cut -f2 | sort -u)"
check_eq "--fields: the kinds of the rows" "$("$LEXPIPE" run --no-header "$H" | cut -f7)" "$(tail -n +2 "$T/kd" | cut -f1)"
check_eq "--null \\N in tsv" 'ref	\N' "$("$LEXPIPE" run --no-header --fields kind,value --null '\N' "$H" | head -1)"
check_eq "--null in jsonl: null" '{"value":null,"negated":null}' "$("$LEXPIPE" run --format jsonl --fields value,negated --null x "$H" | head -1)"
check_rc "--fields with an unknown column: status 2" 2 "$LEXPIPE" run --fields doc,nope "$H"
check_grep "--fields: message names it" "unknown column at 'nope'" "$T/err"
check_rc "--format xml: status 2" 2 "$LEXPIPE" tsv --format xml
check_rc "--excel with jsonl: status 2" 2 "$LEXPIPE" run --excel --format jsonl "$H"
check_rc "--context 0: status 2" 2 "$LEXPIPE" run --context 0 "$H"

# --context N: N characters either side of the match, across the lines of a paragraph
printf 'The rule of article 44\nof the Law applies here.\n\nNext paragraph.\n' >"$T/ctx.txt"
check_eq "--context 7 across a line end" "ule of article 44 of the" "$("$LEXPIPE" run --no-header --fields context --context 7 "$T/ctx.txt")"
check_eq "--context stops at the paragraph's end" "e of article 44 of the Law applies here." \
	"$("$LEXPIPE" run --no-header --fields context --context 100 "$T/ctx.txt" | cut -c 8-)"
check_eq "--context counts characters, not bytes" "«Об» article 5 «ӘҒ»" \
	"$(printf 'Жаңа «Об» article 5 «ӘҒ» заң.\n' | "$LEXPIPE" run --no-header --fields context --context 5)"
