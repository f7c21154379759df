#!/bin/sh
# t-norm-memory.sh - memory stays bounded for one enormous line (issue 3,
# item 3): `lexpipe norm` reads a generated 200 MB line with no line end
# under `ulimit -v 200000` (KiB), and its peak resident size stays under
# 64 MiB; `lexpipe run` does the same on a 20 MB line, so the tagger's
# paragraph cap holds with LP_CONT pieces: they are cut after a sentence
# end, so no phrase is lost at a cut.  The ASan build reserves far more
# virtual memory than that, so this test does not run under it.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2
case $LEXPIPE in *asan*) exit 0 ;; esac

yes 'Статья 44 закона о мирных собраниях; article 12 of the law. ' | head -c 200000000 | tr -d '\n' >big.txt
head -c 20000000 big.txt >mid.txt

mkdir -p pat/m
cat >pat/m/m.pat <<'EOF'
rule m.statya
kind ref
label article
regex (?<m>Статья (\d+))
canonical #art_$2
example Статья 44 => #art_44
EOF

# rss_kib CMD...: peak resident KiB of CMD under ulimit -v, stdout counted
rss_kib() {
	(
		ulimit -v 200000
		/usr/bin/time -f '%M' -o rss "$@" | wc -l >lines
	) 2>err
	echo "$? $(cat rss 2>/dev/null) $(cat lines 2>/dev/null)"
}

set -- $(rss_kib "$LEXPIPE" norm big.txt)
check_eq "200 MB line: norm succeeds under ulimit -v 200000" 0 "$1"
if [ -n "$2" ] && [ "$2" -lt 65536 ]; then ok "200 MB line: norm stays under 64 MiB ($2 KiB)"; else notok "200 MB line: norm stays under 64 MiB" "peak $2 KiB" "$(head -3 err)"; fi
# 200 MB in pieces of at most --line-max (1 MiB): D, E and at least 190 L
if [ -n "$3" ] && [ "$3" -ge 190 ]; then ok "200 MB line: sent in pieces ($3 records)"; else notok "200 MB line: sent in pieces" "$3 records"; fi

set -- $(rss_kib "$LEXPIPE" run --patterns pat --no-header mid.txt)
check_eq "20 MB line: run succeeds under ulimit -v 200000" 0 "$1"
if [ -n "$2" ] && [ "$2" -lt 65536 ]; then ok "20 MB line: run stays under 64 MiB ($2 KiB)"; else notok "20 MB line: run stays under 64 MiB" "peak $2 KiB" "$(head -3 err)"; fi
check_eq "20 MB line: every Статья 44 is found" "$(grep -o 'Статья 44' mid.txt | wc -l)" "$3"
