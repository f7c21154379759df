#!/bin/sh
# t-pipeline.sh - the frame: subcommands as filters, run == norm|tag|tsv,
# help and version, exit status, pipes and full disks, install.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# run is byte-identical to the chain of filters, on the whole corpus
find corpus -type f | LC_ALL=C sort >"$T/files"
"$LEXPIPE" run corpus >"$T/run.tsv" 2>"$T/run.err"
check_eq "run over corpus/ exits 0" 0 $?
# shellcheck disable=SC2046
"$LEXPIPE" norm $(cat "$T/files") | "$LEXPIPE" tag | "$LEXPIPE" tsv >"$T/pipe.tsv"
check_file "run equals norm | tag | tsv on corpus/" "$T/pipe.tsv" "$T/run.tsv"
rows=$(($(wc -l <"$T/run.tsv") - 1))
[ "$rows" -gt 20 ] && ok "corpus/ gives rows ($rows)" || notok "corpus/ gives rows" "only $rows"
check_eq "TSV header" "doc	line	col	start	end	lang	kind	label	canonical	value	negated	provision	rule	match	context" "$(head -1 "$T/run.tsv")"
bad=$(awk -F'\t' 'NR > 1 && NF != 15' "$T/run.tsv" | wc -l)
check_eq "every row has 15 fields" 0 "$bad"
tail -n +2 "$T/run.tsv" | cut -f1 | uniq >"$T/docs"
check_eq "each document's rows are together" "$(sort -u "$T/docs")" "$(LC_ALL=C sort "$T/docs")"
grep -Fx -f "$T/docs" "$T/files" >"$T/docs.sorted"
check_file "directories are walked in sorted order" "$T/docs.sorted" "$T/docs"
"$LEXPIPE" run --no-header corpus >"$T/nh.tsv"
check_eq "--no-header drops only the header" "$(tail -n +2 "$T/run.tsv" | cksum)" "$(cksum <"$T/nh.tsv")"
"$LEXPIPE" norm corpus/en/ngo-letter.utf8.txt | "$LEXPIPE" tag | "$LEXPIPE" tsv --no-header >"$T/a"
"$LEXPIPE" run --no-header corpus/en/ngo-letter.utf8.txt >"$T/b"
check_file "tsv --no-header" "$T/b" "$T/a"

# stdin and "-"
"$LEXPIPE" run --no-header <corpus/en/ngo-letter.utf8.txt >"$T/stdin.tsv"
check_eq "stdin is doc -" "-" "$(cut -f1 "$T/stdin.tsv" | sort -u)"
"$LEXPIPE" run --no-header - <corpus/en/ngo-letter.utf8.txt >"$T/dash.tsv"
check_file "- is stdin" "$T/stdin.tsv" "$T/dash.tsv"

# the record stream: every record names its document; unknown records pass through
"$LEXPIPE" norm corpus/kk/habar.pt154.txt >"$T/n"
check_eq "D record names the detected encoding" "D	corpus/kk/habar.pt154.txt	PT154" "$(head -1 "$T/n")"
check_eq "E record ends the document" "E" "$(tail -1 "$T/n" | cut -c1)"
check_eq "one L record per line" "$(wc -l <corpus/kk/habar.pt154.txt | tr -d ' ')" "$(grep -c '^L' "$T/n")"
{ echo "X	my own record"; echo "# a comment"; cat "$T/n"; } | "$LEXPIPE" tag >"$T/t"
check_eq "tag passes unknown records and comments through" "X	my own record
# a comment" "$(head -2 "$T/t")"
check_eq "tag passes every input record through, in order" "$(cat "$T/n")" "$(grep -v '^A' "$T/t" | tail -n +3)"
awk -F'\t' '$1 == "A" && NF != 16' "$T/t" >"$T/badA"
check_eq "A records have 16 fields" "" "$(cat "$T/badA")"
grep '^A' "$T/t" | cut -f2- >"$T/fromA"
"$LEXPIPE" tsv --no-header <"$T/t" >"$T/tsv"
check_file "an A record is its TSV row" "$T/fromA" "$T/tsv"
# a filter of one's own between stages: drop the Kazakh lines, rows follow
"$LEXPIPE" norm corpus/kk/bayandama.utf8.txt | awk -F'\t' '$1 != "L" || $6 != "kk"' | "$LEXPIPE" tag | "$LEXPIPE" tsv --no-header >"$T/f"
check_eq "awk between stages: no rows from dropped lines" "" "$(cat "$T/f")"

# help, version, man page
for c in norm tag tsv run patterns; do
	"$LEXPIPE" $c --help >"$T/h" 2>&1
	rc=$?
	[ $rc = 0 ] && grep -q "usage: lexpipe $c" "$T/h" && ok "$c --help" || notok "$c --help" "status $rc" "$(head -2 "$T/h")"
done
check_grep "--version" '^lexpipe [0-9]+\.[0-9]+\.[0-9]+$' "$(printf '%s' "$("$LEXPIPE" --version)" >"$T/v"; echo "$T/v")"
check_rc "unknown command: status 2" 2 "$LEXPIPE" frobnicate
check_grep "unknown command: message" "^lexpipe: unknown command 'frobnicate'" "$T/err"
check_rc "unknown option: status 2" 2 "$LEXPIPE" run --frobnicate
check_rc "no command: status 2" 2 "$LEXPIPE"
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l pipeline/lexpipe.1 >"$T/man" 2>/dev/null
	check_grep "man page renders" "lexpipe run" "$T/man"
else
	check_grep "man page has a NAME section" '^\.SH NAME' pipeline/lexpipe.1
fi

# errors: a missing file is reported, the others still processed, status 2
"$LEXPIPE" run --no-header corpus/en/ngo-letter.utf8.txt "$T/missing.txt" corpus/kk/bayandama.utf8.txt >"$T/out" 2>"$T/err"
check_eq "missing file: status 2" 2 $?
check_eq "missing file: message" "lexpipe: $T/missing.txt: No such file or directory" "$(cat "$T/err")"
"$LEXPIPE" norm corpus/en/ngo-letter.utf8.txt "$T/missing.txt" corpus/kk/bayandama.utf8.txt 2>/dev/null | grep '^D' | cut -f2 >"$T/out"
check_eq "missing file: the others are processed" "corpus/en/ngo-letter.utf8.txt
corpus/kk/bayandama.utf8.txt" "$(cat "$T/out")"
check_rc "norm on a directory: status 2" 2 "$LEXPIPE" norm corpus
check_grep "norm on a directory: message" "^lexpipe: corpus: is a directory" "$T/err"
check_rc "tag with a missing pattern set: status 2" 2 "$LEXPIPE" tag nosuchset </dev/null

# pipes and full disks
"$LEXPIPE" run corpus 2>"$T/err" | head -1 >/dev/null
check_eq "run | head -1 ends quietly" "" "$(cat "$T/err")"
if [ -w /dev/full ]; then
	check_rc "run > /dev/full: status 2" 2 sh -c "\"$LEXPIPE\" run corpus >/dev/full"
	check_grep "run > /dev/full: message" "^lexpipe: write error: No space left on device" "$T/err"
	check_rc "norm > /dev/full: status 2" 2 sh -c "\"$LEXPIPE\" norm corpus/en/ngo-letter.utf8.txt >/dev/full"
fi

# install: the installed binary finds its installed patterns without options
make -s install PREFIX=/opt/lexpipe DESTDIR="$T/root" >"$T/inst" 2>&1
check_eq "make install" 0 $?
for f in bin/lexpipe share/lexpipe/patterns/refs share/man/man1/lexpipe.1; do
	[ -e "$T/root/opt/lexpipe/$f" ] && ok "installed $f" || notok "installed $f"
done
# DESTDIR staging: the binary looks in PREFIX, so point it there the way a package would land
if [ -w / ] && [ ! -e /opt/lexpipe ]; then
	cp -R "$T/root/opt/lexpipe" /opt/lexpipe
	(cd / && env -u LEXPIPE_PATTERNS /opt/lexpipe/bin/lexpipe run --no-header "$TOP/corpus/en/ngo-letter.utf8.txt") >"$T/inst.tsv" 2>"$T/inst.err"
	rm -rf /opt/lexpipe
	(cd / && env -u LEXPIPE_PATTERNS "$TOP/lexpipe" run --no-header "$TOP/corpus/en/ngo-letter.utf8.txt") >"$T/tree.tsv"
	check_file "installed binary uses its installed patterns" "$T/tree.tsv" "$T/inst.tsv"
fi
