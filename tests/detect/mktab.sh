#!/bin/sh
# mktab.sh: print the byte -> code point tables that pipeline/detect.c
# embeds (cp_table[][128], in the order of cpages[]).  The tables come from
# the same glibc iconv that lexpipe decodes with, so the detector can never
# disagree with the decoder about what a byte means.  Run it by hand and paste the output
# over the table in detect.c when a code page is added; it is not run by
# the build.  Bytes 0x00-0x7F are ASCII in every page listed, so only the
# high half is stored; 0xFFFF marks a byte iconv refuses to decode.
set -eu

for enc in CP1251 KOI8-R RK1048 PT154 CP866 ISO-8859-5 MACCYRILLIC KOI8-U; do
	printf '\t/* %s */\n\t{\n' "$enc"
	b=128
	while [ "$b" -lt 256 ]; do
		[ $((b % 8)) -eq 0 ] && printf '\t\t'
		x=$(printf "\\$(printf '%03o' "$b")" |
			iconv -f "$enc" -t UTF-16BE 2>/dev/null |
			od -An -tx1 | tr -d ' \n') || x=
		[ ${#x} -eq 4 ] || x=ffff
		printf '0x%s,' "$(echo "$x" | tr a-f A-F)"
		b=$((b + 1))
		if [ $((b % 8)) -eq 0 ]; then printf '\n'; else printf ' '; fi
	done
	printf '\t},\n'
done
