#!/bin/sh
# t-stats.sh - `lexpipe stats`: the two summary tables from a hand-made
# record stream (every count known), the same from rows.tsv, --table, and
# the counts of the whole corpus adding up to its rows.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

rec() { printf '%s' "$1"; shift; for f in "$@"; do printf '\t%s' "$f"; done; printf '\n'; }
{
	rec D doc1 UTF-8
	rec L doc1 1 0 11 en - 11 'Hello world'
	#     doc  line col start end lang kind label canonical value negated provision rule match context
	rec A doc1 1 1 0 5 en ref article 'kz-elections#art_44' '' '' '' r.ref 'article 44' c
	rec A doc1 1 1 0 5 en restrict prohibition '' '' 0 'kz-elections#art_44' r.ban banned c
	rec A doc1 1 1 0 5 en restrict prohibition '' '' 1 'kz-elections#art_44__para_1' r.ban 'not banned' c
	rec A doc1 1 1 0 5 en penalty fine '' '50 MCI' 0 'kz-elections#art_44__para_2' r.fine 'fine of 50 MCI' c
	rec E doc1 UTF-8 1 11 0 0
	rec D doc2 UTF-8
	rec A doc2 1 1 0 5 en ref para 'kz-elections#art_44__para_6' '' '' '' r.ref 'section 6 of article 44' c
	rec A doc2 2 1 0 5 en ref article 'kz-elections#art_5' '' '' '' r.ref 'article 5' c
	rec A doc2 3 1 0 5 en ref article 'kz-elections#art_10' '' '' '' r.ref 'article 10' c
	rec A doc2 4 1 0 5 en act act 'kz-elections' '' '' '' r.act 'Law on Elections' c
	rec A doc2 5 1 0 5 en restrict vague '' '' 0 '' r.vague 'extremist' c
	rec A doc2 6 1 0 5 en ref article '' '' '' '' r.ref 'this article' c
	rec E doc2 UTF-8 6 60 0 0
} >"$T/stream"

cat >"$T/want" <<'EOF'
doc	kind	label	rows	negated
doc1	penalty	fine	1	0
doc1	ref	article	1	0
doc1	restrict	prohibition	2	1
doc2	act	act	1	0
doc2	ref	article	3	0
doc2	ref	para	1	0
doc2	restrict	vague	1	0

act	article	cited	docs	restrictions	penalties
		0	0	vague (1)	
kz-elections		1	1		
kz-elections	art_5	1	1		
kz-elections	art_10	1	1		
kz-elections	art_44	2	2	prohibition (1); prohibition negated (1)	fine 50 MCI (1)
EOF
"$LEXPIPE" stats "$T/stream" >"$T/got" 2>"$T/err"
check_eq "stats: status 0, nothing on stderr" "0:" "$?:$(cat "$T/err")"
check_file "stats: both tables, natural order, provisions at the article" "$T/want" "$T/got"
"$LEXPIPE" stats <"$T/stream" >"$T/got.stdin"
check_file "stats: stdin" "$T/want" "$T/got.stdin"
"$LEXPIPE" tsv <"$T/stream" | "$LEXPIPE" stats >"$T/got.tsv"
check_file "stats: reads rows.tsv (with its header) as well" "$T/want" "$T/got.tsv"
check_eq "stats --table documents" "$(sed -n '1,8p' "$T/want")" "$("$LEXPIPE" stats --table documents "$T/stream")"
check_eq "stats --table provisions" "$(sed -n '10,$p' "$T/want")" "$("$LEXPIPE" stats --table provisions "$T/stream")"
check_rc "stats --table nosuch: status 2" 2 "$LEXPIPE" stats --table nosuch "$T/stream"
printf 'A\tdoc\t1\n' | "$LEXPIPE" stats --table documents >"$T/out" 2>"$T/err"
check_eq "stats: a short A record is reported, status 2" "2:doc	kind	label	rows	negated" "$?:$(cat "$T/out")"
check_grep "stats: message names the record" '^lexpipe: -:1: malformed record' "$T/err"
# values with tabs and backslashes stay one cell each
rec A 'a\tb' 1 1 0 1 en ref article 'x\\y#art_1' '' '' '' r m c | "$LEXPIPE" stats --table documents >"$T/esc"
check_eq "stats: values escaped as in the TSV" 'a\tb	ref	article	1	0' "$(tail -1 "$T/esc")"

# the whole corpus: the documents table adds up to the rows, each document once per label
"$LEXPIPE" run --no-header corpus >"$T/rows"
find corpus -type f | LC_ALL=C sort >"$T/files"
# shellcheck disable=SC2046
"$LEXPIPE" norm $(cat "$T/files") | "$LEXPIPE" tag | "$LEXPIPE" stats --table documents >"$T/docs"
check_eq "corpus: the counts add up to the rows" "$(wc -l <"$T/rows" | tr -d ' ')" "$(awk -F'\t' 'NR > 1 { s += $4 } END { print s + 0 }' "$T/docs")"
check_eq "corpus: one line per document, kind and label" "$(cut -f1,7,8 "$T/rows" | sort -u | wc -l)" "$(($(wc -l <"$T/docs") - 1))"
"$LEXPIPE" stats --help >"$T/h" 2>&1
check_grep "stats --help" '^usage: lexpipe stats' "$T/h"
