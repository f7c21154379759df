#!/bin/sh
# t-show.sh - `lexpipe show`: highlights at the row's line and column for
# the match's length (across a line end too), notes, colours only on a
# terminal and never with NO_COLOR, control bytes defused, the HTML page
# (legend, colour per kind, canonical ID on hover, contents by document,
# nothing external), and a screenshot of it in headless Chromium.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

rec() { printf '%s' "$1"; shift; for f in "$@"; do printf '\t%s' "$f"; done; printf '\n'; }
# L DOC LINE START TEXT: an L record of plain UTF-8 text
L() { n=$(printf '%s' "$4" | wc -c | tr -d ' '); rec L "$1" "$2" "$3" $(($3 + n)) en - "$n" "$4"; }
ESC=$(printf '\033')
{
	rec D doc.txt UTF-8
	L doc.txt 1 0 'The rule of article'
	L doc.txt 2 20 '44 applies to <b>&"'"'"'</b> here.'
	rec A doc.txt 1 13 12 30 en ref article 'kz-x#art_44' '' '' '' r.ref 'article 44' c
	L doc.txt 3 58 'Rallies are banned; a fine of 50 MCI.'
	rec A doc.txt 3 13 70 76 en restrict prohibition '' '' 0 'kz-x#art_44' r.ban banned c
	rec A doc.txt 3 23 80 94 en penalty fine '' '50 MCI' 0 '' r.fine 'fine of 50 MCI' c
	L doc.txt 4 96 "Жаңа ${ESC}[31mзаң"
	rec E doc.txt UTF-8 4 120 0 0
	rec D kz.txt UTF-8
	L kz.txt 1 0 'Заң туралы Заңы күшін жояды.'
	rec A kz.txt 1 1 0 20 kk act act 'kz-law' '' '' '' r.act 'Заң туралы Заңы' c
	rec E kz.txt UTF-8 1 40 0 0
} >"$T/stream"

cat >"$T/want" <<'EOF'
== doc.txt ==
     1  The rule of ⟦article⟧
        ↳ ref article kz-x#art_44 [r.ref]
     2  ⟦44⟧ applies to <b>&"'</b> here.
     3  Rallies are ⟦banned⟧; a ⟦fine of 50 MCI⟧.
        ↳ restrict prohibition under kz-x#art_44 [r.ban]
        ↳ penalty fine 50 MCI [r.fine]
     4  Жаңа �[31mзаң

== kz.txt ==
     1  ⟦Заң туралы Заңы⟧ күшін жояды.
        ↳ act act kz-law [r.act]
EOF
"$LEXPIPE" show "$T/stream" >"$T/got" 2>"$T/err"
check_eq "show: status 0, nothing on stderr" "0:" "$?:$(cat "$T/err")"
check_file "show: text with marks and notes, line numbers of the original" "$T/want" "$T/got"
check_eq "show: no escape byte unless asked" 0 "$(grep -c "$ESC" "$T/got")"

# colours: --color, or a terminal; never NO_COLOR on a terminal
"$LEXPIPE" show --color "$T/stream" >"$T/c"
check_grep "show --color: ANSI, a colour per kind" "${ESC}\\[1;34;4m⟦article" "$T/c"
check_grep "show --color: penalty red" "${ESC}\\[1;31;4m⟦fine of 50 MCI" "$T/c"
check_eq "show --color: the document's escape byte is still defused" 0 "$(grep -c "${ESC}\\[31m" "$T/c")"
if script -qec "true" /dev/null >/dev/null 2>&1; then
	script -qec "env -u NO_COLOR \"$LEXPIPE\" show \"$T/stream\"" /dev/null >"$T/tty" 2>&1
	check_grep "show on a terminal: colours" "${ESC}\\[1;34;4m" "$T/tty"
	script -qec "NO_COLOR=1 \"$LEXPIPE\" show \"$T/stream\"" /dev/null >"$T/tty.nc" 2>&1
	check_eq "show on a terminal with NO_COLOR: none" 0 "$(grep -c "${ESC}\\[" "$T/tty.nc")"
	check_grep "show on a terminal with NO_COLOR: still marked" "⟦article" "$T/tty.nc"
fi

"$LEXPIPE" show --help >"$T/h" 2>&1
check_grep "show --help" '^usage: lexpipe show' "$T/h"

# the page
"$LEXPIPE" show --html "$T/stream" >"$T/p.html"
check_eq "html: a page" "<!DOCTYPE html>" "$(head -1 "$T/p.html")"
check_eq "html: ends the page" "</body></html>" "$(tail -1 "$T/p.html")"
check_grep "html: canonical ID on hover" '<mark class="k-ref" title="ref article kz-x#art_44 \[r.ref\]">article</mark>' "$T/p.html"
check_grep "html: the match goes on over the line end" '<mark class="k-ref" title="ref article kz-x#art_44 \[r.ref\]">44</mark>' "$T/p.html"
check_grep "html: penalty" '<mark class="k-penalty" title="penalty fine 50 MCI \[r.fine\]">fine of 50 MCI</mark>' "$T/p.html"
check_grep "html: text escaped" 'applies to &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; here' "$T/p.html"
check_grep "html: legend" '<div class="legend"><span class="k-ref"><b>ref</b>' "$T/p.html"
for k in ref act restrict penalty; do
	check_grep "html: a colour for $k" "^\\.k-$k\\{background:#[0-9a-f]{6};" "$T/p.html"
done
check_grep "html: contents by document" '<li><a href="#doc2">kz.txt</a> <span class="k-act">act 1</span></li>' "$T/p.html"
check_grep "html: sections to link to" '<section id="doc2"><h2>kz.txt</h2>' "$T/p.html"
check_eq "html: self-contained (no script, link, src, url())" 0 "$(grep -Eic '<script|<link|src=|url\(' "$T/p.html")"
check_eq "html: no control bytes" 0 "$(LC_ALL=C grep -c "$ESC" "$T/p.html")"
"$LEXPIPE" show --html -o "$T/o.html" "$T/stream"
check_file "html: -o FILE writes the same page" "$T/p.html" "$T/o.html"

# a long document without annotations streams through the bounded window, in order
seq 1 3000 | sed 's/^/line /' >"$T/long.txt"
"$LEXPIPE" norm "$T/long.txt" | "$LEXPIPE" show >"$T/long.out"
check_eq "show: 3000 lines without annotations, in order" "$(seq 1 3000 | sed 's/^/line /' | cksum)" "$(tail -n +2 "$T/long.out" | sed 's/^ *[0-9]*  //' | cksum)"
rec A doc.txt 9 1 0 1 en ref article x '' '' '' r m c | "$LEXPIPE" show >/dev/null 2>"$T/err"
check_grep "show: an annotation without its line is reported" 'not in the stream' "$T/err"

# the whole corpus through the chain: every row is drawn once
find corpus -type f | LC_ALL=C sort >"$T/files"
# shellcheck disable=SC2046
"$LEXPIPE" norm $(cat "$T/files") | "$LEXPIPE" tag >"$T/corpus"
"$LEXPIPE" show "$T/corpus" >"$T/corpus.txt"
check_eq "corpus: a note per row" "$(grep -c '^A' "$T/corpus")" "$(grep -c '^        ↳ ' "$T/corpus.txt")"
"$LEXPIPE" show --html "$T/corpus" >"$T/corpus.html"

# headless Chromium: the page renders, highlights in every kind's colour
if ! sh tests/need.sh chromium python3; then
	echo "t-show: screenshot not taken: chromium cannot be installed" >&2
	exit 0
fi
shot() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$T/chr.XXXXXX")" --screenshot="$2" --window-size=1200,900 \
		"file://$1" >"$T/chr.log" 2>&1
}
# one page with highlights, one of the same text without: the difference is the highlights
{
	rec D shot.txt UTF-8
	i=1
	for k in ref act restrict penalty ref act restrict penalty; do
		t="$k: a long highlighted stretch of text so that the colour covers a large part of the line"
		L shot.txt $i 0 "$t"
		rec A shot.txt $i 1 0 10 en $k label 'kz-x#art_1' '' '' '' r "$t" c
		i=$((i + 1))
	done
	rec E shot.txt UTF-8 8 800 0 0
} >"$T/shot.stream"
"$LEXPIPE" show --html "$T/shot.stream" >"$T/shot.html"
grep -v '^A' "$T/shot.stream" | "$LEXPIPE" show --html >"$T/plain.html"
if shot "$T/shot.html" "$T/shot.png" && shot "$T/plain.html" "$T/plain.png"; then
	ok "chromium: screenshots taken"
else
	notok "chromium: screenshots taken" "$(tail -3 "$T/chr.log")"
fi
# keep the pictures to look at: LEXPIPE_KEEP=DIR
[ -n "$LEXPIPE_KEEP" ] && cp "$T/shot.png" "$T/plain.png" "$LEXPIPE_KEEP"/ 2>/dev/null
# count the pixels of each kind's background (PNG decoded by hand: zlib + row filters)
sed -n 's/^\.k-\([a-z]*\){background:#\([0-9a-f]*\);.*/\1 \2/p' "$T/p.html" >"$T/colours".all && grep -v "^other " "$T/colours.all" >"$T/colours"
/usr/bin/python3 - "$T" >"$T/py.out" 2>&1 <<'EOF'
import struct, sys, zlib
T = sys.argv[1]
def pixels(path):
    d = open(path, "rb").read()
    assert d[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(d):
        n, typ = struct.unpack(">I4s", d[pos:pos + 8])
        body = d[pos + 8:pos + 8 + n]
        if typ == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif typ == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride): line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride): line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    counts = {}
    for line in rows:
        for x in range(0, stride, bpp):
            k = line[x:x + 3]
            counts[k] = counts.get(k, 0) + 1
    return (w, h), counts
size, shot = pixels(T + "/shot.png")
_, plain = pixels(T + "/plain.png")
print(("ok" if size == (1200, 900) else "not ok") + " - chromium: a 1200x900 screenshot")
for line in open(T + "/colours"):
    kind, hexc = line.split()
    rgb = bytes.fromhex(hexc)
    extra = shot.get(rgb, 0) - plain.get(rgb, 0)
    print(("ok" if extra > 5000 else "not ok") + " - chromium: %s highlights drawn in %s (%d pixels)" % (kind, hexc, extra))
EOF
rc=$?
sed 's/ ([0-9]* pixels)//' "$T/py.out"
check_eq "screenshot check ran" 0 $rc
