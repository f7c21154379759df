#!/bin/sh
# t-mapper.sh - beyond one machine: `run --mapper` (Hadoop Streaming, Spark
# RDD.pipe) and the GNU parallel recipes of README.md, each of whose merged
# output must equal a single run.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# pack FILE...: one mapper record per file, "path<TAB>bytes" with the bytes
# escaped as in the record stream (README.md, "Speed and scale")
pack() {
	for f in "$@"; do
		printf '%s\t' "$f"
		sed -z 's/\\/\\\\/g; s/\t/\\t/g; s/\r/\\r/g; s/\n/\\n/g' "$f"
		printf '\n'
	done
}

# documents: the sample corpus (eight encodings) and some with tabs,
# backslashes, CRLF, no final newline
find corpus -type f | LC_ALL=C sort >"$T/files"
mkdir -p "$T/d"
printf 'Article 5.\tTabs\\and backslashes: see article 12 of the Law.\r\nСтатья 3. Митинги запрещаются; см. статью 44.\r\n' >"$T/d/crlf.txt"
printf 'No newline at the end: article 9' >"$T/d/nonl.txt"
i=0
while [ $i -lt 30 ]; do
	printf 'Under article %d of the Law on Elections, campaigning is prohibited.\n\nВ соответствии со статьей %d Закона проведение митингов запрещается.\n' $i $((i + 2)) >"$T/d/doc$i.txt"
	i=$((i + 1))
done
find "$T/d" -type f | LC_ALL=C sort >>"$T/files"
# shellcheck disable=SC2046
set -- $(cat "$T/files")

"$LEXPIPE" run --no-header "$@" >"$T/single.tsv"
rows=$(wc -l <"$T/single.tsv")
[ "$rows" -gt 60 ] && ok "a single run gives rows ($rows)" || notok "a single run gives rows" "only $rows"
pack "$@" >"$T/docs.tsv"
check_eq "one record per document" "$#" "$(wc -l <"$T/docs.tsv" | tr -d ' ')"

# the mapper: same rows, same offsets (into the unescaped bytes), no header
"$LEXPIPE" run --mapper <"$T/docs.tsv" >"$T/map.tsv" 2>"$T/map.err"
check_eq "--mapper exits 0" 0 $?
check_file "--mapper equals a single run over the files" "$T/single.tsv" "$T/map.tsv"
"$LEXPIPE" run --mapper -j 3 <"$T/docs.tsv" >"$T/map3.tsv"
check_file "--mapper -j 3 is the same" "$T/single.tsv" "$T/map3.tsv"
"$LEXPIPE" run --mapper "$T/docs.tsv" - <"$T/docs.tsv" >"$T/map2.tsv"
cat "$T/single.tsv" "$T/single.tsv" >"$T/single2.tsv"
check_file "--mapper reads files and stdin in turn" "$T/single2.tsv" "$T/map2.tsv"

# offsets point into the original bytes: CRLF and tabs kept
line=$(grep -m1 'crlf.txt	2	' "$T/map.tsv")
[ -n "$line" ] && ok "--mapper: a row on line 2 of a CRLF file" || notok "--mapper: a row on line 2 of a CRLF file"
[ -n "$line" ] && ok "--mapper: a row on line 2 of a CRLF file" || notok "--mapper: a row on line 2 of a CRLF file"
s=$(echo "$line" | cut -f4) e=$(echo "$line" | cut -f5)
check_eq "--mapper offsets cut the original bytes" "$(echo "$line" | cut -f14)" \
	"$(tail -c +$((s + 1)) "$T/d/crlf.txt" | head -c $((e - s)))"

# a task re-run gives the same bytes; Hadoop splits input into tasks at
# line ends and concatenates (or sorts) their outputs: the same rows
"$LEXPIPE" run --mapper <"$T/docs.tsv" >"$T/again.tsv"
check_file "--mapper is deterministic" "$T/map.tsv" "$T/again.tsv"
split -l 7 "$T/docs.tsv" "$T/split."
for s in "$T"/split.*; do "$LEXPIPE" run --mapper <"$s"; done >"$T/tasks.tsv"
check_file "split into tasks: concatenated outputs equal one run" "$T/single.tsv" "$T/tasks.tsv"

# counters for Hadoop Streaming
"$LEXPIPE" run --mapper --counters <"$T/docs.tsv" >/dev/null 2>"$T/cnt"
check_eq "--counters: documents" "reporter:counter:lexpipe,documents,$#" "$(grep ',documents,' "$T/cnt")"
check_eq "--counters: rows" "reporter:counter:lexpipe,rows,$rows" "$(grep ',rows,' "$T/cnt")"
bytes=$(cat "$@" | wc -c | tr -d ' ')
check_eq "--counters: bytes" "reporter:counter:lexpipe,bytes,$bytes" "$(grep ',bytes,' "$T/cnt")"
check_eq "--counters: every line is a counter" 0 "$(grep -vc '^reporter:counter:lexpipe,[a-z]*,[0-9]*$' "$T/cnt")"

# malformed records: reported with their number, skipped, exit 2
{ head -2 "$T/docs.tsv"; echo "no tab here"; sed -n 3p "$T/docs.tsv"; } >"$T/bad.tsv"
"$LEXPIPE" run --mapper <"$T/bad.tsv" >"$T/bad.out" 2>"$T/bad.err"
check_eq "a record without a tab: exit 2" 2 $?
check_grep "a record without a tab: named" '^lexpipe: -:3: no tab' "$T/bad.err"
{ head -2 "$T/docs.tsv"; sed -n 3p "$T/docs.tsv"; } | "$LEXPIPE" run --mapper >"$T/good.out"
check_file "a record without a tab: the others are tagged" "$T/good.out" "$T/bad.out"
printf 'x\tArticle 5 of the Law' | "$LEXPIPE" run --mapper >"$T/nonl.out"
check_grep "the last record may lack its newline" '^x	1	1	0	' "$T/nonl.out"
printf 'a\\tb\tUnder article 5 of the Law, holding a rally is prohibited.\n' | "$LEXPIPE" run --mapper >"$T/id.out"
check_grep "the docid is unescaped (and written escaped)" '^a\\tb	1	' "$T/id.out"

# GNU parallel: many files, one job each, -k keeps their order
if command -v parallel >/dev/null 2>&1; then
	parallel -k "$LEXPIPE" run --no-header ::: "$@" >"$T/par.tsv" 2>"$T/par.err"
	check_file "parallel -k run --no-header ::: FILES equals a single run" "$T/single.tsv" "$T/par.tsv"
	# one big file of records, cut into blocks at line ends
	parallel --pipepart -a "$T/docs.tsv" --block 3k -k "$LEXPIPE" run --mapper >"$T/pp.tsv" 2>"$T/pp.err"
	check_file "parallel --pipepart over records equals a single run" "$T/single.tsv" "$T/pp.tsv"
	n=$(parallel --pipepart -a "$T/docs.tsv" --block 3k -k wc -l | wc -l)
	[ "$n" -gt 3 ] && ok "--pipepart made $n blocks" || notok "--pipepart made several blocks" "$n"
else
	notok "GNU parallel is installed (make test-deps)"
fi
