#!/bin/sh
# t-lost.sh - nothing is lost: every line of the input is in the `norm`
# stream exactly once and in order, for every encoding lexpipe reads, for
# LF, CRLF and CR line ends, with and without a final newline, and for the
# input cut at every buffer boundary (--buffer-size 1..32 and more).
#
# Line accounting only (offsets inside lines are t-offsets' business): the
# L records, pieces of a split line (flag c) joined, give back the original
# lines, numbered 1..N; the spans of the lines and the terminators between
# them cover every byte of the file (after a BOM) once; E counts N lines and
# every byte.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

# Our own text: Russian and English lines for every encoding, Kazakh lines
# for those that have its letters.  A tab and a backslash test the escapes.
cat >ru.txt <<'EOF'
Статья 1. Настоящий Закон регулирует порядок проведения мирных собраний.

Пункт 2 статьи 5 утратил силу с 1 января 2024 года.
Article 44 of the Law on Elections applies to every candidate.
Табуляция	внутри строки и обратная косая \ черта.
Очень длинная строка, которая повторяет одни и те же слова много раз, чтобы разрезать её на части: раз два три четыре пять шесть семь восемь девять десять.
  отступ в начале и пробелы в конце  
ё Ё й Й ъ Ъ
EOF
cat ru.txt >kk.txt
cat >>kk.txt <<'EOF'
Заңның 5-бабы күшін жойды; өтініш қабылданбайды.
Әділет министрлігі, Ұлттық банк, үкімет, һ, ғ, і, І.
EOF

# The lines of a UTF-8 file, with mixed line ends: LF, CRLF, CR in turn;
# the last line ends with the given terminator (empty: none).
mixed() { # FILE LAST
	awk -v last="$2" '
		{ l[NR] = $0 }
		END {
			for (i = 1; i <= NR; i++) {
				printf "%s", l[i]
				if (i < NR) printf "%s", (i % 3 == 1) ? "\n" : (i % 3 == 2) ? "\r\n" : "\r"
				else printf "%s", last
			}
		}' "$1"
}

# The expected lines: "N<TAB>text" with the text escaped as in a record.
expect() { # FILE
	awk '{ gsub(/\\/, "&&"); gsub(/\t/, "\\t"); print NR "\t" $0 }' "$1"
}

# What the stream says: pieces joined, "N<TAB>text"; then the accounting
# check, which prints "ok" or why not.
lines_of() { # STREAM
	awk -F'\t' '
		$1 == "L" {
			if ($7 ~ /c/) { text[n] = text[n] $9; next }
			n++; num[n] = $3; text[n] = $9
		}
		END { for (i = 1; i <= n; i++) print num[i] "\t" text[i] }' "$1"
}
account() { # STREAM UNIT BOM SIZE
	awk -F'\t' -v unit="$2" -v bom="$3" -v size="$4" '
		$1 == "L" {
			if ($7 ~ /c/) {
				if ($4 != end) { print "a piece of line " $3 " does not follow the one before"; bad = 1 }
				end = $5; next
			}
			gap = $4 - end
			if (n == 0 && $4 != bom) { print "line 1 starts at " $4 ", not " bom; bad = 1 }
			if (n > 0 && gap != unit && gap != 2 * unit) { print "line " $3 ": " gap " bytes since the line before"; bad = 1 }
			if ($3 != n + 1) { print "line " $3 " after line " n; bad = 1 }
			n++; end = $5
		}
		$1 == "E" { elines = $4; ebytes = $5 }
		END {
			rest = size - end
			if (n > 0 && rest != 0 && rest != unit && rest != 2 * unit) { print rest " bytes after the last line"; bad = 1 }
			if (elines != n) { print "E says " elines " lines, the stream has " n; bad = 1 }
			if (ebytes != size) { print "E says " ebytes " bytes, the file has " size; bad = 1 }
			if (!bad) print "ok"
		}' "$1"
}

# check_stream NAME STREAM EXPECTED UNIT BOM FILE
check_stream() {
	lines_of "$2" >got.lines
	if cmp -s "$3" got.lines; then
		acc=$(account "$2" "$4" "$5" "$(wc -c <"$6")")
		check_eq "$1" ok "$acc"
	else
		notok "$1" "$(diff "$3" got.lines | head -6)"
	fi
}

for enc in UTF-8 UTF-16LE UTF-16BE CP1251 KOI8-R KOI8-U CP866 ISO-8859-5 MACCYRILLIC RK1048 PT154; do
	case $enc in
	UTF-* | RK1048 | PT154) src=kk.txt ;;
	*) src=ru.txt ;;
	esac
	case $enc in UTF-16*) unit=2 ;; *) unit=1 ;; esac
	expect "$src" >want.lines
	for last in nl none; do
		case $last in nl) term='\r\n' ;; none) term= ;; esac
		mixed "$src" "$(printf "$term")" >in.utf8
		iconv -f UTF-8 -t "$enc" in.utf8 >in.raw || { notok "$enc: iconv could not write the test file"; continue; }
		bom=0
		if [ "$enc" = UTF-16LE ]; then
			# a BOM, which is not text
			{ printf '\377\376'; cat in.raw; } >in.bom && mv in.bom in.raw
			bom=2
		fi
		"$LEXPIPE" norm --from "$enc" in.raw >ref.rec 2>norm.err
		check_eq "$enc, final line end $last: norm exits 0 quietly" "0:" "$?:$(cat norm.err)"
		check_stream "$enc, final line end $last: every line once, in order" ref.rec want.lines $unit $bom in.raw
		# every buffer boundary: the stream must not change at all
		bad=
		for b in $(seq 1 32) 33 64 100 4097; do
			"$LEXPIPE" norm --from "$enc" --buffer-size $b in.raw >b.rec 2>/dev/null
			cmp -s ref.rec b.rec || bad="$bad $b"
		done
		check_eq "$enc, final line end $last: --buffer-size 1..32, 33, 64, 100, 4097 give the same stream" "" "$bad"
	done
	# lines longer than --line-max come in pieces; joined, they are the lines
	mixed "$src" "$(printf '\n')" | iconv -f UTF-8 -t "$enc" >long.raw
	bad=
	for b in 1 2 3 5 7 16 31 4096; do
		"$LEXPIPE" norm --from "$enc" --line-max 40 --buffer-size $b long.raw >long.rec 2>/dev/null
		lines_of long.rec >got.lines
		cmp -s want.lines got.lines || bad="$bad $b"
		[ "$(account long.rec $unit 0 "$(wc -c <long.raw)")" = ok ] || bad="$bad $b(accounting)"
	done
	check_eq "$enc: --line-max 40 pieces join into the lines, every buffer size" "" "$bad"
	grep -q '	c	' long.rec && ok "$enc: --line-max 40 did split lines" || notok "$enc: --line-max 40 did split lines"
done

# the line end kinds alone, and empty lines: a line per terminator
printf '\n\n\r\n\r\r\n' >ends.txt
"$LEXPIPE" norm ends.txt >ends.rec
check_eq "empty lines: one L record per terminator" "1 0 0|2 1 1|3 2 2|4 4 4|5 5 5" \
	"$(awk -F'\t' '$1 == "L" { print $3, $4, $5 }' ends.rec | paste -sd'|')"
check_eq "empty lines: counted" "E	ends.txt	UTF-8	5	7	0	0" "$(grep '^E' ends.rec)"
bad=
for b in $(seq 1 8); do
	"$LEXPIPE" norm --buffer-size $b ends.txt | cmp -s ends.rec - || bad="$bad $b"
done
check_eq "empty lines: every buffer size" "" "$bad"

# several files in one stream: each is accounted for on its own
mixed kk.txt '' >a.txt
iconv -f UTF-8 -t CP1251 ru.txt >b.txt
"$LEXPIPE" norm a.txt b.txt >two.rec 2>/dev/null
check_eq "two files: a D and an E each, in order" "D a.txt|E a.txt|D b.txt|E b.txt" \
	"$(awk -F'\t' '$1 == "D" || $1 == "E" { print $1, $2 }' two.rec | paste -sd'|')"
check_eq "two files: every line of each" "$(($(wc -l <kk.txt) + $(wc -l <ru.txt)))" "$(grep -c '^L' two.rec)"
