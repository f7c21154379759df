#!/bin/sh
# gen.sh OUTDIR: build the encoding-detection test set from sentences.txt.
#
# Every sentence is converted with iconv into every encoding that can hold
# it and written to OUTDIR/<expected-encoding>/<lang>-<size>-<n>[-bom].txt,
# so the directory name is the answer lp_detect must give (or one that
# decodes the file to the same text; tests/unit/detect_test.c checks that).
# Sizes: short and medium come straight from sentences.txt; long files are
# consecutive lines of one language joined into paragraphs of >= 3000 bytes.
# Files are made at test time so the repository stays free of binaries.
set -eu

[ $# -eq 1 ] || { echo "usage: gen.sh OUTDIR" >&2; exit 2; }
out=$1
src=$(dirname "$0")/sentences.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Pages that only hold Russian (and English); the Kazakh letters exist
# only in RK1048, PT154 and Unicode.
ru_pages='CP1251 KOI8-R KOI8-U CP866 ISO-8859-5 MACCYRILLIC RK1048 PT154'
kk_pages='RK1048 PT154'

mkdir -p "$out"

is_ascii() {
	! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$1"
}

# emit LANG SIZE N TEXTFILE: write TEXTFILE (UTF-8) in every encoding.
emit() {
	lang=$1 size=$2 n=$3 txt=$4
	base=$lang-$size-$n
	case $lang in
	kk|mixkk) pages=$kk_pages ;;
	*) pages=$ru_pages ;;
	esac
	mkdir -p "$out/UTF-8" "$out/UTF-16LE" "$out/UTF-16BE"
	cp "$txt" "$out/UTF-8/$base.txt"
	# Pure ASCII text is the same file in every 8-bit page and in UTF-8,
	# whose answer is "UTF-8": the UTF-8 copy above already covers it.
	if ! is_ascii "$txt"; then
		for enc in $pages; do
			f=$tmp/conv
			# Russian « » — № are missing from some pages (KOI8,
			# CP866): transliterate punctuation rather than lose
			# the sentence.  Kazakh letters are never
			# transliterated: kk text only goes to kk pages.
			iconv -f UTF-8 -t "$enc" "$txt" >"$f" 2>/dev/null ||
				iconv -f UTF-8 -t "$enc//TRANSLIT" "$txt" \
				    >"$f" 2>/dev/null || continue
			# Transliteration can leave only ASCII (English
			# with a dash): then the answer is UTF-8 again.
			is_ascii "$f" && continue
			mkdir -p "$out/$enc"
			cp "$f" "$out/$enc/$base.txt"
		done
	fi
	printf '\357\273\277' | cat - "$txt" >"$out/UTF-8/$base-bom.txt"
	iconv -f UTF-8 -t UTF-16LE "$txt" >"$out/UTF-16LE/$base.txt"
	iconv -f UTF-8 -t UTF-16BE "$txt" >"$out/UTF-16BE/$base.txt"
	printf '\377\376' | cat - "$out/UTF-16LE/$base.txt" \
	    >"$out/UTF-16LE/$base-bom.txt"
	printf '\376\377' | cat - "$out/UTF-16BE/$base.txt" \
	    >"$out/UTF-16BE/$base-bom.txt"
}

# Short and medium: one file per line.  Long: paragraphs per language.
for lang in ru kk en mix mixkk; do
	for size in short medium; do
		n=0
		grep "^$lang $size " "$src" | cut -d' ' -f3- |
		while IFS= read -r line; do
			n=$((n + 1))
			printf '%s\n' "$line" >"$tmp/line"
			emit "$lang" "$size" "$n" "$tmp/line"
		done
	done
	n=0
	: >"$tmp/para"
	grep "^$lang " "$src" | cut -d' ' -f3- | {
		while IFS= read -r line; do
			printf '%s ' "$line" >>"$tmp/para"
			if [ "$(wc -c <"$tmp/para")" -ge 3000 ]; then
				n=$((n + 1))
				echo >>"$tmp/para"
				emit "$lang" long "$n" "$tmp/para"
				: >"$tmp/para"
			fi
		done
	}
done

# Edge cases: empty, one byte, BOM only, one letter.
mkdir -p "$out/UTF-8" "$out/UTF-16LE" "$out/UTF-16BE"
: >"$out/UTF-8/edge-empty.txt"
printf 'x' >"$out/UTF-8/edge-1byte.txt"
printf 'Article 1\n' >"$out/UTF-8/edge-ascii.txt"
printf '\357\273\277' >"$out/UTF-8/edge-bomonly-bom.txt"
printf '\377\376' >"$out/UTF-16LE/edge-bomonly-bom.txt"
printf '\376\377' >"$out/UTF-16BE/edge-bomonly-bom.txt"
printf 'я' >"$out/UTF-8/edge-1letter.txt"
printf 'я' | iconv -t UTF-16LE >"$out/UTF-16LE/edge-1letter.txt"
printf 'я' | iconv -t UTF-16BE >"$out/UTF-16BE/edge-1letter.txt"
printf 'Суд' | iconv -t UTF-16LE >"$out/UTF-16LE/edge-word.txt"
printf 'Суд' | iconv -t UTF-16BE >"$out/UTF-16BE/edge-word.txt"
