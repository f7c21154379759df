#!/bin/sh
# t-blocks.sh - `run -j N` on ONE large file: blocks of it are prepared on
# the workers (parallel.c), the calling thread tags in document order; the
# output is byte-identical to -j 1 whatever the encoding, the line ends,
# the format, or where the blocks are cut -- and the refs context (title,
# headings, an alias defined at the top, notes) reaches every block.
#
# Files of 1 MiB and more are cut in blocks of about 512 KiB.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# same NAME FILE ARGS...: -j 1, -j 2 and -j 3 give the same rows and messages
same() {
	_n=$1 _f=$2
	shift 2
	"$LEXPIPE" run "$@" "$_f" >"$T/r1" 2>"$T/e1"
	_rc1=$?
	for _j in 2 3; do
		"$LEXPIPE" run -j $_j "$@" "$_f" >"$T/r$_j" 2>"$T/e$_j"
		_rc=$?
		if [ $_rc -eq $_rc1 ] && cmp -s "$T/r1" "$T/r$_j" && cmp -s "$T/e1" "$T/e$_j"; then
			ok "$_n: -j $_j = -j 1 ($(wc -l <"$T/r1" | tr -d ' ') lines)"
		else
			notok "$_n: -j $_j = -j 1" "status $_rc1 $_rc" "$(diff "$T/r1" "$T/r$_j" | head -6)" "$(diff "$T/e1" "$T/e$_j" | head -4)"
		fi
	done
}

# a statute of 2000 articles, 1.5 MB: three blocks
awk -v n=2000 -f tests/statute-gen.awk >"$T/statute.txt"
same "statute, UTF-8" "$T/statute.txt"
cp "$T/r1" "$T/statute.tsv"

# the context reaches the last block: its rows cite the Code through the
# alias defined in article 1, and "настоящей статьи" through the heading
last=$(tail -1 "$T/statute.tsv" | cut -f2)
tail -n +2 "$T/statute.tsv" | awk -F'\t' -v l="$last" '$2 > l * 3 / 4' >"$T/late"
check_grep "late rows resolve the alias of article 1" '	kz-coao#art_488__para_2	' "$T/late"
check_grep "late rows know their article from its heading" '	kz-assembly#art_19[0-9][0-9]__para_1	' "$T/late"
check_grep "late rows carry the provision column" '	kz-assembly#art_19[0-9][0-9]	' "$T/late"

same "statute, --join-hyphens" "$T/statute.txt" --join-hyphens
same "statute, --set refs" "$T/statute.txt" --set refs
same "statute, --set restrict --set penalty" "$T/statute.txt" --set restrict --set penalty

# encodings: UTF-16 (a BOM, and none with --from), windows-1251, CRLF
iconv -f UTF-8 -t UTF-16 "$T/statute.txt" >"$T/statute16.txt"
same "statute, UTF-16 with a BOM" "$T/statute16.txt"
iconv -f UTF-8 -t UTF-16BE "$T/statute.txt" >"$T/statute16be.txt"
same "statute, UTF-16BE, --from" "$T/statute16be.txt" --from UTF-16BE
iconv -f UTF-8 -t WINDOWS-1251 "$T/statute.txt" >"$T/statute1251.txt"
same "statute, windows-1251" "$T/statute1251.txt"
sed 's/$/\r/' "$T/statute.txt" >"$T/statutecrlf.txt"
same "statute, CRLF" "$T/statutecrlf.txt"
# the windows-1251 rows are the UTF-8 rows but for the doc name and offsets
# of bytes: the same count
check_eq "windows-1251 gives the UTF-8 file's rows" "$(wc -l <"$T/statute.tsv")" "$(wc -l <"$T/r1")"

# no blank line for a long stretch: the blocks are cut inside paragraphs,
# which the calling thread then tags itself
grep -v '^$' "$T/statute.txt" >"$T/noblank.txt"
same "statute without blank lines" "$T/noblank.txt"

# The calling thread takes the workers' lines as they are; what a worker
# cannot know (the language context before its block) the calling thread
# settles, and a block whose lines may differ from -j 1's goes back to the
# calling thread's own normalizer (parallel.c).  Each case breaks -j 2 when
# that goes wrong.

# a line without words of its own ("ст. 5 АПК РК") takes the language of
# the line before it, also when a block starts with it: Kazakh here
awk 'BEGIN { for (i = 1; i <= 6000; i++) {
	print "Осы Заңның " i "-бабында көзделген жағдайларда жиналыс өткізуге тыйым салынады."
	for (k = 1; k <= 8; k++) { print ""; print "ст. " k " АПК РК" }
	print "" } }' >"$T/kk.txt"
same "Kazakh context carried into every block" "$T/kk.txt"
check_eq "the lines that carry it are Kazakh (-j 1)" "" \
	"$(awk -F'\t' 'NR > 1 && $14 ~ /^ст\. [0-9]$/ && $6 != "kk"' "$T/r1" | head -3)"
check_eq "... every one of them has its row (-j 1)" 48000 "$(grep -c '	ст\. [0-9]	' "$T/r1")"
# ... and a run of them longer than a worker keeps guesses for
awk 'BEGIN { for (i = 1; i <= 3; i++) {
	print "Осы Заңның " i "-бабында көзделген жағдайларда жиналыс өткізуге тыйым салынады."
	for (k = 1; k <= 30000; k++) { print ""; print "ст. " k % 9 + 1 " АПК РК" }
	print "" } }' >"$T/kklong.txt"
same "Kazakh context through 30000 lines" "$T/kklong.txt"
check_eq "the lines that carry it are Kazakh (-j 1)" "" \
	"$(awk -F'\t' 'NR > 1 && $14 ~ /^ст\. [0-9]$/ && $6 != "kk"' "$T/r1" | head -3)"

# a long line late in the file: the blocks before it are taken, the rest
# is normalized again (its pieces depend on where reads end)
{ cat "$T/statute.txt"; awk 'BEGIN { for (i = 0; i < 60; i++) printf "Согласно статье %d настоящего Закона собрание запрещается. ", i; print "" }'; head -400 "$T/statute.txt"; } >"$T/longlate.txt"
same "a long line late, --line-max 1000" "$T/longlate.txt" --line-max 1000
# lines of exactly --line-max bytes: -j 1 splits one when a read ends just
# before its line end (and the pieces have their own language: an English
# line, a Russian piece).  Here -j 1's reads of 16 bytes end at every such
# line's end (each starts at a multiple of 16); a worker's, counted from its
# block's start, at none.  The first block, whose reads are -j 1's, holds
# none of them: it is cut at the one empty line before they start.
awk 'BEGIN { for (i = 1; i <= 11000; i++) print "The organizer shall notify the akimat " i % 9 + 2 " days ahead." }' >"$T/exact.txt"
awk -v size="$(wc -c <"$T/exact.txt")" 'BEGIN {
	s = "."; for (i = size + 1; i % 16; i++) s = s "."; print s
	print ""; print "Rallies: ...."
	for (i = 0; i < 12000; i++) {
		print "Rallies are prohibited by this Law. Запрещается......"
		for (k = 0; k < 15; k++) print "" } }' >>"$T/exact.txt"
same "lines of exactly --line-max bytes, reads of 16" "$T/exact.txt" --line-max 64 --buffer-size 16

# a zero-width no-break space (a BOM's bytes) starting every third article:
# no block may start with one, which a worker would skip as a BOM
awk '/^Статья/ && ++n % 3 == 0 { printf "\357\273\277" } { print }' "$T/statute.txt" >"$T/zwnbsp.txt"
same "U+FEFF at article starts" "$T/zwnbsp.txt"
{ printf '\357\273\277\357\273\277'; cat "$T/statute.txt"; } >"$T/bom2.txt"
same "two BOMs at the start" "$T/bom2.txt"

# English for the detection sample, then windows-1251 read as UTF-8: every
# Russian line is U+FFFD, with no language of its own, from the English
# context on -- the guesses never settle, and -j 1's normalizer takes over
{ i=0; while [ $i -lt 30 ]; do cat corpus/en/*.utf8.txt; i=$((i + 1)); done; cat "$T/statute1251.txt"; } >"$T/enru.txt"
same "English, then windows-1251 read as UTF-8" "$T/enru.txt"

# NULs and an invalid byte in different blocks: the notes count them all,
# and so do the counters
{ cat "$T/statute.txt"; printf 'a\000b\377c\n\n'; cat "$T/statute.txt"; printf '\000\000x\n'; } >"$T/nul.txt"
same "NULs and an invalid byte in different blocks" "$T/nul.txt"
check_grep "... the notes count the NULs of every block" '3 NULs shown' "$T/e2"
"$LEXPIPE" run -j 2 --counters "$T/nul.txt" 2>&1 >/dev/null | grep '^reporter' >"$T/cnt"
check_grep "... --counters: every line" "lines,$(wc -l <"$T/nul.txt" | tr -d ' ')\$" "$T/cnt"
check_grep "... --counters: every byte" "bytes,$(wc -c <"$T/nul.txt" | tr -d ' ')\$" "$T/cnt"
check_grep "... --counters: every row" "rows,$(($(wc -l <"$T/r1") - 1))\$" "$T/cnt"

# every sample document, concatenated until past a megabyte: encodings
# mixed, invalid bytes (the message comes once, with the same count)
i=0
while [ $i -lt 24 ]; do
	cat corpus/*/*
	i=$((i + 1))
done >"$T/all.txt"
same "corpus/ concatenated 24 times" "$T/all.txt"
check_grep "corpus/ concatenated: the invalid bytes are reported" 'invalid byte' "$T/e1"

# the output formats and options
same "--format csv" "$T/statute.txt" --format csv
same "--format jsonl" "$T/statute.txt" --format jsonl
same "--excel" "$T/statute.txt" --excel
same "--fields and --null" "$T/statute.txt" --fields doc,line,start,end,canonical,provision --null NA
same "--no-header" "$T/statute.txt" --no-header
same "--buffer-size and --line-max" "$T/statute.txt" --buffer-size 1000 --line-max 300
"$LEXPIPE" run -o "$T/o1" "$T/statute.txt"
"$LEXPIPE" run -j 2 -o "$T/o2" "$T/statute.txt"
check_file "-o FILE: -j 2 = -j 1" "$T/o1" "$T/o2"

# a large file among small ones keeps its place
"$LEXPIPE" run corpus/en "$T/statute.txt" corpus/ru >"$T/m1" 2>/dev/null
"$LEXPIPE" run -j 2 corpus/en "$T/statute.txt" corpus/ru >"$T/m2" 2>/dev/null
check_file "a large file between directories: -j 2 = -j 1" "$T/m1" "$T/m2"

# memory: a 24 MB file with -j 2 under a 64 MiB address-space limit
# (skipped under ASan, whose shadow memory is terabytes of address space)
case $LEXPIPE in
*asan*) echo "# t-blocks: memory test skipped under ASan" ;;
*)
	awk -v n=30000 -f tests/statute-gen.awk >"$T/big.txt"
	"$LEXPIPE" run "$T/big.txt" >"$T/big1" 2>/dev/null
	( ulimit -v 65536 && "$LEXPIPE" run -j 2 "$T/big.txt" >"$T/big2" 2>"$T/big2.err"; exit $? )
	rc=$?
	if [ $rc -eq 0 ] && cmp -s "$T/big1" "$T/big2" && [ ! -s "$T/big2.err" ]; then
		ok "under 64 MiB: one $(wc -c <"$T/big.txt" | tr -d ' ')-byte file with -j 2"
	else
		notok "under 64 MiB: one large file with -j 2" "status $rc" "$(head -3 "$T/big2.err")"
	fi
	;;
esac
