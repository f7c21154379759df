#!/bin/sh
# t-golden.sh - end to end: each input under tests/golden/ through `lexpipe run`
# gives exactly its .tsv (every column, original offsets included).  The
# expected files were read row by row and judged right before they were kept.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
for f in tests/golden/*.txt; do
	want=${f%.txt}.tsv
	"$LEXPIPE" run "$f" >"$T/got" 2>"$T/err"
	check_file "golden $(basename "$f")" "$want" "$T/got"
	# and the chain of filters gives the same
	"$LEXPIPE" norm "$f" | "$LEXPIPE" tag | "$LEXPIPE" tsv >"$T/pipe"
	check_file "golden $(basename "$f") through the pipe" "$want" "$T/pipe"
done
