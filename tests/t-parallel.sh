#!/bin/sh
# t-parallel.sh - `run -j N`: documents on N threads, output byte-identical
# to -j 1 whatever N, the order of finishing, or the size of a document's rows.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# a tree: the sample corpus in its encodings, many small documents, one
# document whose rows pass the in-memory bound and go to a temporary file,
# an empty file and a blank one
mkdir -p "$T/tree/small" "$T/tree/big"
cp -R corpus "$T/tree/corpus"
i=0
while [ $i -lt 40 ]; do
	{
		echo "Article $i. Assemblies"
		echo "Under article $((i + 3)) of the Law on Elections, campaigning on the day of voting is prohibited."
		echo
		echo "Статья $i. Собрания"
		echo "В соответствии со статьей $((i + 7)) Закона проведение митингов запрещается."
	} >"$T/tree/small/doc$i.txt"
	i=$((i + 1))
done
# 12000 rows of about 170 bytes pass the in-memory bound of -j 64 (128 KiB)
yes 'The commission noted that article 44 applies. See art. 12 and article 7 of the Law.' | head -4000 >"$T/tree/big/many-rows.txt"
: >"$T/tree/empty.txt"
printf '\n\n' >"$T/tree/blank.txt"

"$LEXPIPE" run "$T/tree" >"$T/j1.tsv" 2>"$T/j1.err"
check_eq "-j 1 exits 0" 0 $?
rows=$(($(wc -l <"$T/j1.tsv") - 1))
[ "$rows" -gt 12000 ] && ok "the tree gives rows ($rows)" || notok "the tree gives rows" "only $rows"
for j in 2 3 8 64; do
	"$LEXPIPE" run -j $j "$T/tree" >"$T/j$j.tsv" 2>"$T/j$j.err"
	check_eq "-j $j exits 0" 0 $?
	check_file "-j $j is byte-identical to -j 1" "$T/j1.tsv" "$T/j$j.tsv"
done
"$LEXPIPE" run --jobs=2 --no-header "$T/tree" >"$T/long.tsv"
check_eq "--jobs=2 --no-header" "$(tail -n +2 "$T/j1.tsv" | cksum)" "$(cksum <"$T/long.tsv")"

# the document whose rows were spilled comes out whole and in its place
n=$(grep -c "many-rows.txt" "$T/j64.tsv")
check_eq "a spilled document keeps all its rows" 12000 "$n"

# files named one by one, stdin among them
"$LEXPIPE" run "$T/tree/small/doc1.txt" - "$T/tree/small/doc2.txt" <"$T/tree/small/doc3.txt" >"$T/a1"
"$LEXPIPE" run -j 2 "$T/tree/small/doc1.txt" - "$T/tree/small/doc2.txt" <"$T/tree/small/doc3.txt" >"$T/a2"
check_file "-j 2 with stdin among the files" "$T/a1" "$T/a2"
check_grep "stdin's rows are doc -" '^-	' "$T/a2"

# a file that cannot be read: reported, the others processed, exit 2, same rows
"$LEXPIPE" run "$T/tree/small" "$T/nonexistent" "$T/tree/big" >"$T/m1" 2>"$T/e1"
rc1=$?
"$LEXPIPE" run -j 2 "$T/tree/small" "$T/nonexistent" "$T/tree/big" >"$T/m2" 2>"$T/e2"
rc2=$?
check_eq "a missing file: -j 2 exits 2 like -j 1" "2 2" "$rc1 $rc2"
check_file "a missing file: same rows with -j 2" "$T/m1" "$T/m2"
check_file "a missing file: same message with -j 2" "$T/e1" "$T/e2"

# other options reach every worker
"$LEXPIPE" run --set refs "$T/tree/small" >"$T/s1"
"$LEXPIPE" run -j 3 --set refs "$T/tree/small" >"$T/s3"
check_file "--set with -j 3" "$T/s1" "$T/s3"
check_eq "--set refs gives refs only" "ref" "$(tail -n +2 "$T/s3" | cut -f7 | sort -u | tr '\n' ' ' | sed 's/ $//')"
"$LEXPIPE" run --buffer-size 7 --line-max 40 "$T/tree/corpus" >"$T/b1"
"$LEXPIPE" run -j 2 --buffer-size 7 --line-max 40 "$T/tree/corpus" >"$T/b2"
check_file "--buffer-size and --line-max with -j 2" "$T/b1" "$T/b2"

# bad patterns fail before any document is read
mkdir -p "$T/badpat/x"
printf 'rule r\nkind ref\nlabel l\nregex (unclosed\nexample a => b\n' >"$T/badpat/x/a.pat"
check_rc "-j 2 with a bad pattern exits 2" 2 "$LEXPIPE" run -j 2 --patterns "$T/badpat" "$T/tree/small"
check_eq "bad patterns: no rows" "" "$(cat "$T/out")"

# usage
check_rc "-j 0 is refused" 2 "$LEXPIPE" run -j 0 "$T/tree/small"
check_rc "-j is for run only" 2 "$LEXPIPE" norm -j 2 "$T/tree/small/doc1.txt"

# a closed pipe ends the run quietly
"$LEXPIPE" run -j 2 "$T/tree" 2>"$T/pipe.err" | head -3 >"$T/head"
check_eq "-j 2 | head: three lines" 3 "$(wc -l <"$T/head" | tr -d ' ')"
check_eq "-j 2 | head: no message" "" "$(cat "$T/pipe.err")"

# the speed paths change nothing: the regex prefilter (pipeline/prefilter.c)
# off and on give the same rows on the sample corpus, the gold corpus and the tree
for d in corpus tests/gold "$T/tree"; do
	LEXPIPE_PREFILTER=0 "$LEXPIPE" run "$d" >"$T/pf0" 2>/dev/null
	"$LEXPIPE" run "$d" >"$T/pf1" 2>/dev/null
	check_file "prefilter on = off: $(basename "$d") ($(wc -l <"$T/pf1") rows)" "$T/pf0" "$T/pf1"
done

# the output formats: each thread formats its rows with format.c
for fmt in csv jsonl; do
	"$LEXPIPE" run --format $fmt "$T/tree/small" "$T/tree/corpus" >"$T/f1" 2>/dev/null
	"$LEXPIPE" run -j 3 --format $fmt "$T/tree/small" "$T/tree/corpus" >"$T/f3" 2>/dev/null
	[ "$(wc -l <"$T/f1")" -gt 100 ] && ok "--format $fmt gives rows" || notok "--format $fmt gives rows"
	check_file "--format $fmt: -j 3 is byte-identical to -j 1" "$T/f1" "$T/f3"
done
"$LEXPIPE" run --fields doc,line,kind,match --null NULL "$T/tree/small" >"$T/f1"
"$LEXPIPE" run -j 2 --fields doc,line,kind,match --null NULL "$T/tree/small" >"$T/f2"
check_file "--fields and --null: -j 2 is byte-identical to -j 1" "$T/f1" "$T/f2"
check_rc "--context is refused with -j 2" 2 "$LEXPIPE" run -j 2 --context 20 "$T/tree/small"
