#!/bin/sh
# t-errors.sh - bad input: every case has a clear message, the right exit
# status, and costs no other line or file.  Decisions are documented in
# README.md, "Bad input and failures".
. "$(dirname "$0")/lib.sh"
case $LEXPIPE in /*) ;; *) LEXPIPE=$(pwd)/$LEXPIPE ;; esac
cd "$T" || exit 2

printf 'Article 44 applies.\n' >good.txt
# the tests' own pattern set, so they do not depend on patterns/ at work
mkdir -p pat/mine
cat >pat/mine/a.pat <<'EOF'
rule mine.article
kind ref
label article
regex (?<m>Article \d+)
example see Article 4 => article
EOF

# --- files that cannot be read ---

check_rc "missing file: status 2" 2 "$LEXPIPE" norm missing.txt good.txt
check_eq "missing file: message" "lexpipe: missing.txt: No such file or directory" "$(cat "$T/err")"
check_eq "missing file: the next file is still read" "D	good.txt	UTF-8" "$(grep '^D' "$T/out")"
check_rc "tsv on a missing file: status 2" 2 "$LEXPIPE" tsv missing.rec
check_eq "tsv on a missing file: message" "lexpipe: missing.rec: No such file or directory" "$(cat "$T/err")"

ln -s nowhere dangling.txt
check_rc "dangling symlink: status 2" 2 "$LEXPIPE" norm dangling.txt
check_eq "dangling symlink: message" "lexpipe: dangling.txt: No such file or directory" "$(cat "$T/err")"

mkdir dir
check_rc "norm on a directory: status 2" 2 "$LEXPIPE" norm dir
check_eq "norm on a directory: message" "lexpipe: dir: is a directory (lexpipe run walks directories)" "$(cat "$T/err")"

# An unreadable file.  Root reads anything whatever its mode, so as root
# the check runs as nobody (setpriv); as another user, chmod 000 is enough.
# A file whose read fails after open is /proc/self/mem: reading its first
# page gives EIO, for root too.
printf 'secret\n' >locked.txt
chmod 000 locked.txt
if [ "$(id -u)" != 0 ]; then
	check_rc "unreadable file: status 2" 2 "$LEXPIPE" norm locked.txt good.txt
	check_eq "unreadable file: message" "lexpipe: locked.txt: Permission denied" "$(cat "$T/err")"
elif command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null &&
	setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$LEXPIPE"; then
	chmod 755 "$T"
	chmod 644 good.txt
	check_rc "unreadable file: status 2" 2 setpriv --reuid=nobody --regid=nogroup --clear-groups "$LEXPIPE" norm locked.txt good.txt
	check_eq "unreadable file: message" "lexpipe: locked.txt: Permission denied" "$(cat "$T/err")"
	check_eq "unreadable file: the next file is still read" "D	good.txt	UTF-8" "$(grep '^D' "$T/out")"
	chmod 700 "$T"
else
	echo "# skip: unreadable file (root, and no setpriv to drop to nobody)" >&2
fi
if [ -r /proc/self/mem ]; then
	check_rc "read error: status 2" 2 "$LEXPIPE" norm /proc/self/mem
	check_eq "read error: message" "lexpipe: /proc/self/mem: read error: Input/output error" "$(cat "$T/err")"
fi

# --- text that is not clean ---

# A binary file: like grep's "binary file matches", not an error.  Every
# line is still sent (NUL shown as U+FFFD) and stderr says so once.
printf 'Article 1\000\000x\nplain\n\000\n' >bin.dat
check_rc "binary file: status 0" 0 "$LEXPIPE" norm bin.dat
check_eq "binary file: one note" "lexpipe: bin.dat: binary file (3 NULs shown as U+FFFD)" "$(cat "$T/err")"
check_eq "binary file: every line is sent" "Article 1��x|plain|�" "$(grep '^L' "$T/out" | cut -f9 | paste -sd'|')"
check_eq "binary file: the E record" "E	bin.dat	UTF-8	3	21	0	0" "$(grep '^E' "$T/out")"
check_rc "binary file: run, status 0" 0 "$LEXPIPE" run --patterns pat --set mine bin.dat
check_grep "binary file: run still tags it" "^bin.dat	1	1	0	9	" "$T/out"

printf 'ok \377 bad \303 cut \355\240\200 surrogate\n\342\202\254 euro\n' >bad-utf8.txt
check_rc "invalid UTF-8: status 0" 0 "$LEXPIPE" norm --from UTF-8 bad-utf8.txt
check_eq "invalid UTF-8: message" "lexpipe: bad-utf8.txt: 5 invalid byte sequences replaced by U+FFFD" "$(cat "$T/err")"
check_eq "invalid UTF-8: each bad byte is one U+FFFD, offsets kept" \
	"L	bad-utf8.txt	1	0	28	en	-	3,3:1,5,3:1,5,3:1*3,10	ok � bad � cut ��� surrogate" \
	"$(grep '^L' "$T/out" | head -1)"
check_eq "invalid UTF-8: the next line is intact" "€ euro" "$(grep '^L' "$T/out" | sed -n 2p | cut -f9)"

# UTF-16 cut off: an odd last byte, and half a surrogate pair (U+D83D).
printf '\377\376A\000\n\000B\000C' >cut16.txt
check_rc "truncated UTF-16 (odd byte): status 0" 0 "$LEXPIPE" norm cut16.txt
check_eq "truncated UTF-16 (odd byte): message" "lexpipe: cut16.txt: 1 invalid byte sequence replaced by U+FFFD" "$(cat "$T/err")"
check_eq "truncated UTF-16 (odd byte): U+FFFD over the odd byte" \
	"L	cut16.txt	2	6	9	en	-	1:2,3:1	B�" "$(grep '^L' "$T/out" | sed -n 2p)"
check_eq "truncated UTF-16 (odd byte): E counts every byte" "E	cut16.txt	UTF-16LE	2	9	1	0" "$(grep '^E' "$T/out")"
printf '\377\376A\000\n\000B\000\075\330' >cut16b.txt
check_rc "truncated UTF-16 (half a surrogate pair): status 0" 0 "$LEXPIPE" norm cut16b.txt
check_eq "truncated UTF-16 (half a surrogate pair): U+FFFD over its 2 bytes" \
	"L	cut16b.txt	2	6	10	en	-	1:2,3:2	B�" "$(grep '^L' "$T/out" | sed -n 2p)"

check_rc "unknown --from: status 2" 2 "$LEXPIPE" norm --from NO-SUCH-CODE good.txt
check_eq "unknown --from: message" "lexpipe: good.txt: unsupported encoding 'NO-SUCH-CODE'" "$(cat "$T/err")"
check_eq "unknown --from: no records" "" "$(cat "$T/out")"
check_rc "--from a multibyte encoding: status 2" 2 "$LEXPIPE" norm --from SHIFT_JIS good.txt
check_grep "--from a multibyte encoding: message" "^lexpipe: good.txt: .*'SHIFT_JIS'" "$T/err"
check_rc "--from unknown in run: status 2" 2 "$LEXPIPE" run --patterns pat --set mine --from NO-SUCH-CODE good.txt
check_eq "--from unknown in run: the header only" "$(head -1 "$T/out")" "$(cat "$T/out")"

: >empty.txt
check_rc "empty file: status 0" 0 "$LEXPIPE" norm empty.txt
check_eq "empty file: D and E, no line" "D	empty.txt	UTF-8|E	empty.txt	UTF-8	0	0	0	0" "$(paste -sd'|' "$T/out")"
check_eq "empty file: no message" "" "$(cat "$T/err")"
check_rc "empty file: run, status 0" 0 "$LEXPIPE" run --patterns pat --set mine --no-header empty.txt
check_eq "empty file: run, no rows" "" "$(cat "$T/out")"

printf 'first\nArticle 7 last' >nofinal.txt
check_rc "no final newline: status 0" 0 "$LEXPIPE" norm nofinal.txt
check_eq "no final newline: the last line is sent" "L	nofinal.txt	2	6	20	en	-	14	Article 7 last" "$(grep '^L' "$T/out" | tail -1)"
check_eq "no final newline: counted" "E	nofinal.txt	UTF-8	2	20	0	0" "$(grep '^E' "$T/out")"

printf 'one\rtwo\r\rArticle 9\r' >cr.txt
check_rc "CR line ends: status 0" 0 "$LEXPIPE" norm cr.txt
check_eq "CR line ends: four lines" "1 0 3 one|2 4 7 two|3 8 8 |4 9 18 Article 9" \
	"$(grep '^L' "$T/out" | awk -F'\t' '{ print $3, $4, $5, $9 }' | paste -sd'|')"
check_grep "CR line ends: run finds the reference on line 4" "^cr.txt	4	1	9	18	" \
	"$("$LEXPIPE" run --patterns pat --set mine cr.txt >cr.tsv; echo "$T/cr.tsv")"

# --- malformed records ---

"$LEXPIPE" norm good.txt >good.rec
awk 'NR == 1 { print; for (i = 1; i <= 15; i++) print "# filler " i; next } { print }' good.rec >filled.rec
# record 17 is an L record with a map that does not cover its text
{
	cat filled.rec
	printf 'L\tgood.txt\t2\t0\t3\ten\t-\t3\tArticle 5\n'
	printf 'L\tgood.txt\t3\t0\t2\ten\t-\t2\t\377\376\n'
	printf 'L\tgood.txt\t4\t0\t10\ten\t-\t10\tArticle 12\n'
} >bad.rec
sed -n 17p bad.rec >want17
check_rc "malformed L record: tag, status 2" 2 "$LEXPIPE" tag --patterns pat mine <bad.rec
check_eq "malformed L record: message" "lexpipe: -:19: malformed record: offset map does not cover the text
lexpipe: -:20: malformed record: text is not valid UTF-8 (byte 1 of the text)" "$(cat "$T/err")"
check_eq "malformed L record: passed through unchanged" \
	"$(sed -n 19,20p bad.rec)" "$(grep -av '^A' "$T/out" | sed -n 19,20p)"
check_grep "malformed L record: the next record is still tagged" "^A	good.txt	4	1	0	10	" "$T/out"
check_eq "malformed L record: every record is kept" "$(cat bad.rec)" "$(grep -av '^A' "$T/out")"

# record 17 exactly, as the issue puts it
awk 'NR == 17 { print "L\tgood.txt\t0\t0\t0\ten\t-\t\t" } { print }' filled.rec >bad17.rec
check_rc "malformed record 17: status 2" 2 "$LEXPIPE" tag --patterns pat mine <bad17.rec
check_eq "malformed record 17: message" "lexpipe: -:17: malformed record: bad line number" "$(cat "$T/err")"

"$LEXPIPE" tag --patterns pat mine <good.rec >tagged.rec
{
	head -1 tagged.rec
	printf 'A\tx\t1\t1\t0\t3\ten\tref\tarticle\n'
	cat tagged.rec
} >badA.rec
check_rc "malformed A record: tsv, status 2" 2 "$LEXPIPE" tsv --no-header badA.rec
check_eq "malformed A record: message" "lexpipe: badA.rec:2: malformed record: an A record has 16 fields" "$(cat "$T/err")"
check_eq "malformed A record: the good rows are still written" "$(grep '^A' tagged.rec | cut -f2-)" "$(cat "$T/out")"
check_rc "malformed A record on stdin: status 2" 2 "$LEXPIPE" tsv <badA.rec
check_grep "malformed A record on stdin: message" "^lexpipe: -:2: malformed record: an A record has 16 fields$" "$T/err"

# --- pattern files ---

mkdir -p pat/bad pat/slow
cat >pat/bad/a.pat <<'EOF'
rule bad.paren
kind restrict
label x
regex (?i)\b(ban
example ban => x
EOF
check_rc "bad regex: status 2" 2 "$LEXPIPE" tag --patterns pat bad <good.rec
check_eq "bad regex: FILE:LINE: message at offset N" \
	"lexpipe: pat/bad/a.pat:4: rule bad.paren: missing closing parenthesis at offset 10" "$(cat "$T/err")"
check_rc "bad regex: patterns --check, status 2" 2 "$LEXPIPE" patterns --check pat bad
check_grep "bad regex: patterns --check names it" "^lexpipe: pat/bad/a.pat:4: rule bad.paren: missing closing parenthesis" "$T/err"

cat >pat/slow/a.pat <<'EOF'
# nested quantifiers: exponential backtracking when no "!" follows
rule slow.nested
kind restrict
label slow
regex (?<m>(?:\w+\s?)+)!
example aaa! => slow
EOF
{
	printf 'a%.0s' $(seq 1 40); printf ' ?!\n\n'
	printf 'aaaa!\n\n'
	printf 'a%.0s' $(seq 1 40); printf ' b ?!\n\n'
	printf 'aa!\n'
} >slow.txt
start=$(date +%s)
if command -v timeout >/dev/null; then to="timeout 60"; else to=; fi
check_rc "catastrophic pattern: status 0" 0 $to "$LEXPIPE" run --no-header --patterns pat --set slow slow.txt
took=$(($(date +%s) - start))
[ "$took" -lt 30 ] && ok "catastrophic pattern: bounded time (${took}s)" || notok "catastrophic pattern: bounded time" "${took}s"
check_eq "catastrophic pattern: each line is reported" \
	"lexpipe: slow.txt:1: rule slow.nested: match limit exceeded; the rest of this paragraph is skipped for this rule
lexpipe: slow.txt:5: rule slow.nested: match limit exceeded; the rest of this paragraph is skipped for this rule" "$(cat "$T/err")"
check_eq "catastrophic pattern: the run goes on" "3 aaaa|7 aa" "$(cut -f2,14 "$T/out" | tr '\t' ' ' | paste -sd'|')"

# a record longer than the reader takes (64 MiB) is dropped with a message;
# the records after it still pass
{
	printf 'D\tbig\tUTF-8\nL\tbig\t1\t0\t67200000\ten\t-\t67200000\t'
	head -c 67200000 /dev/zero | tr '\0' a
	printf '\nL\tbig\t2\t67200001\t67200011\ten\t-\t10\tArticle 12\n'
} >huge.rec
check_rc "a 64 MiB record: status 2" 2 "$LEXPIPE" tag --patterns pat mine <huge.rec
check_eq "a 64 MiB record: message" "lexpipe: -:2: malformed record: record too long; dropped" "$(cat "$T/err")"
check_eq "a 64 MiB record: the others pass, the next is tagged" "D|L|A" "$(cut -c1 "$T/out" | paste -sd'|')"
rm -f huge.rec
