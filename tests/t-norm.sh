#!/bin/sh
# t-norm.sh - the norm stage: the Word/PDF/web fixes, NFC and NFKC, --from,
# invalid bytes, script repair, language per line, --join-hyphens and long
# lines.  Every expected value below was worked out by hand from the bytes
# of the input (see README.md, "Normalization").
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

# L records as "line start end lang flags map text", one per line
lrec() { grep '^L' | cut -f3-9; }
# the text of each L record, joined with |
texts() { grep '^L' | cut -f9 | paste -sd'|' -; }

# --- fixes ---

printf 'a\302\240b\342\200\257c\342\200\211d\n' >sp.txt
check_eq "no-break, narrow and thin spaces become a space" \
	"1	0	12	en	-	1,1:2,1,1:3,1,1:3,1	a b c d" "$("$LEXPIPE" norm sp.txt | lrec)"

printf 'x\342\200\213y\342\200\215z\357\273\277w\n' >zw.txt
check_eq "zero-width characters and a stray BOM are removed" \
	"1	0	13	en	-	1,0:3,1,0:3,1,0:3,1	xyzw" "$("$LEXPIPE" norm zw.txt | lrec)"

printf 'ста\302\255тья\n' >shy.txt
check_eq "a soft hyphen is removed" "1	0	14	ru	-	6,0:2,6	статья" "$("$LEXPIPE" norm shy.txt | lrec)"

printf '\342\200\220 \342\200\221 \342\210\222 102-3\n' >hy.txt
check_eq "hyphen variants become -" "- - - 102-3" "$("$LEXPIPE" norm hy.txt | texts)"
check_eq "a hyphen variant maps to its 3 bytes" "1:3,1,1:3,1,1:3,6" "$("$LEXPIPE" norm hy.txt | grep '^L' | cut -f8)"

printf '27\342\200\22429 \342\200\225 \342\200\223 \342\200\222 27-29\n' >dash.txt
check_eq "range dashes become one en dash, apart from the hyphen" "27–29 – – – 27-29" "$("$LEXPIPE" norm dash.txt | texts)"

printf 'a\r\nb\rc\n\rd' >eol.txt
check_eq "CRLF and CR end lines; offsets leave the terminators out" \
	"1 0 1 a|2 3 4 b|3 5 6 c|4 7 7 |5 8 9 d" \
	"$("$LEXPIPE" norm eol.txt | grep '^L' | awk -F'\t' '{ printf "%s%s %s %s %s", (NR > 1 ? "|" : ""), $3, $4, $5, $9 }')"
check_eq "CR and CRLF: the E record counts lines and bytes" "E	eol.txt	UTF-8	5	9	0	0" "$("$LEXPIPE" norm eol.txt | grep '^E')"

printf '\357\273\277abc\n' >bom.txt
check_eq "a leading UTF-8 BOM is not text" "1	3	6	en	-	3	abc" "$("$LEXPIPE" norm bom.txt | lrec)"

# --- NFC and NFKC ---

printf 'е\314\210ж e\314\201\n' >nfd.txt
check_eq "NFD input is composed (е + U+0308 is ё)" "ёж é" "$("$LEXPIPE" norm nfd.txt | texts)"
check_eq "a composed letter is one atomic map segment" "2:4,3,2:3" "$("$LEXPIPE" norm nfd.txt | grep '^L' | cut -f8)"

printf '13\342\201\264 \357\254\201 \342\204\226 5 \357\274\241 x\342\202\202\n' >compat.txt
check_eq "NFC keeps compatibility characters" "13⁴ ﬁ № 5 Ａ x₂" "$("$LEXPIPE" norm compat.txt | texts)"
check_eq "NFKC folds ﬁ and Ａ, keeps 13⁴, x₂ and №" "13⁴ fi № 5 A x₂" "$("$LEXPIPE" norm --nfkc compat.txt | texts)"

# --- encodings: --from and its validation ---

printf 'abc\n' >a.txt
printf 'def\n' >b.txt
for e in SHIFT_JIS UTF-32 UTF-7 EBCDIC-US ISO-2022-JP NO-SUCH-CODE; do
	check_rc "--from $e: exit 2" 2 "$LEXPIPE" norm --from "$e" a.txt b.txt
	check_eq "--from $e: one message per file, both files tried" \
		"lexpipe: a.txt: unsupported encoding '$e'|lexpipe: b.txt: unsupported encoding '$e'" \
		"$(paste -sd'|' "$T/err")"
done
for e in CP1251 KOI8-R KOI8-U CP866 ISO-8859-5 MACCYRILLIC RK1048 PT154 ISO-8859-1 CP1252; do
	"$LEXPIPE" norm --from $e a.txt >out 2>err
	check_eq "--from $e is a single-byte encoding iconv knows" "$e|abc" "$(grep '^D' out | cut -f3)|$(grep '^L' out | cut -f9)"
done
check_eq "--from utf8 is UTF-8" "D	a.txt	UTF-8" "$("$LEXPIPE" norm --from utf8 a.txt | grep '^D')"

printf 'Тест\n' | iconv -f UTF-8 -t UTF-16LE >le.txt
printf '\377\376' | cat - le.txt >le-bom.txt
printf 'Тест\n' | iconv -f UTF-8 -t UTF-16BE >be.txt
printf '\376\377' | cat - be.txt >be-bom.txt
check_eq "--from UTF-16: a little-endian BOM decides" "UTF-16LE|2	10	Тест" \
	"$("$LEXPIPE" norm --from UTF-16 le-bom.txt | grep -E '^[DL]' | awk -F'\t' '{ print ($1 == "D") ? $3 : $4 "\t" $5 "\t" $9 }' | paste -sd'|' -)"
check_eq "--from UTF-16: a big-endian BOM decides" "UTF-16BE|Тест" \
	"$("$LEXPIPE" norm --from UTF-16 be-bom.txt | grep -E '^[DL]' | awk -F'\t' '{ print ($1 == "D") ? $3 : $9 }' | paste -sd'|' -)"
check_eq "--from UTF-16 without a BOM: the zero bytes decide" "UTF-16LE|Тест" \
	"$("$LEXPIPE" norm --from UTF-16 le.txt | grep -E '^[DL]' | awk -F'\t' '{ print ($1 == "D") ? $3 : $9 }' | paste -sd'|' -)"
check_eq "--from UTF-16BE on a file with its BOM skips the BOM" "2	10	Тест" \
	"$("$LEXPIPE" norm --from UTF-16BE be-bom.txt | grep '^L' | cut -f4,5,9)"
check_eq "--from UTF-16LE on a BOM-less file starts at 0" "0	8	Тест" \
	"$("$LEXPIPE" norm --from UTF-16LE le.txt | grep '^L' | cut -f4,5,9)"

"$LEXPIPE" norm --report --from CP1251 a.txt >out 2>err
check_eq "--report names the encoding" "doc	encoding	lines	bytes	invalid	repairs|a.txt	CP1251	1	4	0	0" "$(paste -sd'|' out)"

# --- invalid bytes: U+FFFD, counted, one message per file ---

printf 'ok \377 bad\nand \303\n\355\240\200 end\n' >bad8.txt
"$LEXPIPE" norm --from UTF-8 bad8.txt >out 2>err
check_eq "invalid UTF-8: one message with the count" "lexpipe: bad8.txt: 5 invalid byte sequences replaced by U+FFFD" "$(cat err)"
check_eq "invalid UTF-8: each bad byte is one U+FFFD of 3 bytes from 1" \
	"3,3:1,4|4,3:1|3:1*3,4" "$(grep '^L' out | cut -f8 | paste -sd'|' -)"
check_eq "invalid UTF-8: no line lost, E counts them" "E	bad8.txt	UTF-8	3	23	5	0" "$(grep '^E' out)"

printf 'Сумма \230 руб.\n' | iconv -f UTF-8 -t CP1251 2>/dev/null >u1251.txt || printf '\321\363\354\354\340 \230 \360\363\341.\n' >u1251.txt
printf '\321\363\354\354\340 \230 \360\363\341.\n' >u1251.txt
"$LEXPIPE" norm --from CP1251 u1251.txt >out 2>err
check_eq "windows-1251: the unmapped byte 0x98 becomes U+FFFD" "Сумма � руб." "$(texts <out)"
check_eq "windows-1251: counted once" "lexpipe: u1251.txt: 1 invalid byte sequence replaced by U+FFFD" "$(cat err)"

printf 'A\000\000\330B\000\n\000' >sur.txt
"$LEXPIPE" norm --from UTF-16LE sur.txt >out 2>err
check_eq "UTF-16: a lone surrogate is U+FFFD over its 2 bytes" "1	0	6	en	-	1:2,3:2,1:2	A�B" "$(lrec <out)"

printf 'x \377\n' >f1.txt
printf 'y \377\377\n' >f2.txt
"$LEXPIPE" norm --from UTF-8 f1.txt f2.txt >out 2>err
check_eq "invalid bytes: one message per file" \
	"lexpipe: f1.txt: 1 invalid byte sequence replaced by U+FFFD|lexpipe: f2.txt: 2 invalid byte sequences replaced by U+FFFD" \
	"$(paste -sd'|' err)"

# --- script repair ---

# Latin K, a, e, o, p, c, H in Cyrillic words; Cyrillic а, о, С in English ones
printf 'Kазахстан Pеспублика HАЦИОНАЛЬНЫЙ\nthe Сourt оf Аppeal\n' >mix.txt
"$LEXPIPE" norm mix.txt >out
check_eq "lookalikes go back to the script of their word" "Казахстан Республика НАЦИОНАЛЬНЫЙ|the Court of Appeal" "$(texts <out)"
check_eq "a repaired letter is one atomic segment" "2:1,17,2:1,19,2:1,22|4,1:2,5,1:2,2,1:2,5" "$(grep '^L' out | cut -f8 | paste -sd'|' -)"
check_eq "repairs are counted in the E record" "6" "$(grep '^E' out | cut -f7)"
check_eq "repairs are counted in --report" "mix.txt	UTF-8	2	85	0	6" "$("$LEXPIPE" norm --report mix.txt | tail -1)"

# Kazakh: Latin i for і, Latin ə ɵ for ә ө, h for һ, old-font ќ ћ ј ѕ, ¥ for Ұ
printf 'мемлекеттiк бiр \311\231дiлет к\311\265л жиhаз\nќазаќ маѕызды јділ \302\245лттық\n' >kk.txt
check_eq "Kazakh letters written with substitutes are repaired" \
	"мемлекеттік бір әділет көл жиһаз|қазақ маңызды әділ Ұлттық" "$("$LEXPIPE" norm kk.txt | texts)"
check_eq "Kazakh repairs are counted" "11" "$("$LEXPIPE" norm kk.txt | grep '^E' | cut -f7)"

# a combining mark of class 0 (U+0488) is inside its word: the M after it
# is a Cyrillic word's lookalike, whichever path reads the line
printf '\323\231\322\210M \320\275\320\260\322\211M M\322\210\n' >marks.txt
check_eq "a mark of combining class 0 does not end a word" "ә҈М на҉М M҈" "$("$LEXPIPE" norm marks.txt | texts)"

# what stays: words in one script, a non-lookalike, numbers, a Latin word
printf 'COBET Zакон 3акон iPhone ѓ ў ї\n' >keep.txt
check_eq "words in one script and non-lookalikes are left alone" "COBET Zакон 3акон iPhone ѓ ў ї" "$("$LEXPIPE" norm keep.txt | texts)"
check_eq "nothing repaired there" "0" "$("$LEXPIPE" norm keep.txt | grep '^E' | cut -f7)"

# the repair happens with every encoding, not just UTF-8
printf 'Kазахстан\n' | iconv -f UTF-8 -t CP1251 >mix1251.txt
check_eq "repair in windows-1251 input" "Казахстан	2:1*9" "$("$LEXPIPE" norm --from CP1251 mix1251.txt | grep '^L' | cut -f9,8 | awk -F'\t' '{ print $2 "\t" $1 }')"

# --- language per line ---

cat >lang.txt <<'EOF'
Статья 44. Граждане имеют право собираться мирно.
Осы Заң азаматтардың бейбіт жиналу құқығын реттейді.
Article 44 of the Constitution.
44.

Жалпы ережелер
Общие положения
және
туралы
бойынша
Қазақстан Республикасы
в
и
Закон Республики Казахстан от 5 мая
EOF
check_eq "language per line: letters, frequent words, and the line before" \
	"ru kk en en en kk ru kk kk kk kk ru ru ru" \
	"$("$LEXPIPE" norm lang.txt | grep '^L' | cut -f6 | paste -sd' ' -)"
printf '44.\n' >nolet.txt
check_eq "a document that starts without letters is und" "und" "$("$LEXPIPE" norm nolet.txt | grep '^L' | cut -f6)"
printf 'Республика Казахстан\n' >short.txt
check_eq "a Cyrillic line with no evidence, alone, is ru" "ru" "$("$LEXPIPE" norm short.txt | grep '^L' | cut -f6)"
printf 'Осы Заң туралы\nбойынша мен осы\n' >kkshort.txt
check_eq "short Kazakh lines: frequent words decide" "kk kk" "$("$LEXPIPE" norm kkshort.txt | grep '^L' | cut -f6 | paste -sd' ' -)"
printf 'Новый закон о выборах\nкоторые должны быть\n' >rushort.txt
check_eq "short Russian lines: frequent words and endings decide" "ru ru" "$("$LEXPIPE" norm rushort.txt | grep '^L' | cut -f6 | paste -sd' ' -)"

# --- hard-wrapped text and --join-hyphens ---

mkdir -p pat/t
cat >pat/t/x.pat <<'EOF'
rule t.statya
kind ref
label article
regex (?i)(?<m>стать[еяи]\s+(\d+))
canonical #art_$2
example см. статье 44 => #art_44

rule t.section
kind ref
label para
regex (?<m>section (\d+) of article (\d+))
canonical #art_$3__para_$2
example section 6 of article 44 => #art_44__para_6
EOF
printf 'Согласно ста-\nтье 44 закона\n' >join.txt
"$LEXPIPE" norm --join-hyphens join.txt >out
check_eq "--join-hyphens: the hyphen is removed, flag h, map 0:1" "1	0	24	ru	h	23,0:1	Согласно ста" "$(lrec <out | head -1)"
"$LEXPIPE" run --join-hyphens --patterns pat --no-header join.txt >rows
check_eq "--join-hyphens: one phrase, on the line where it starts, exact offsets" \
	"1	10	17	34	статье 44" "$(cut -f2-5,14 rows)"
check_eq "--join-hyphens: the original bytes of the match" "$(printf 'ста-\nтье 44')" \
	"$(tail -c +18 join.txt | head -c 17)"
"$LEXPIPE" run --patterns pat --no-header join.txt >rows
check_eq "without --join-hyphens the word stays broken" "" "$(cat rows)"
printf 'Согласно ста-  \r\nтье 44\r\n' >joincr.txt
check_eq "--join-hyphens: trailing spaces and CRLF" "1	10	17	37	статье 44" \
	"$("$LEXPIPE" run --join-hyphens --patterns pat --no-header joincr.txt | cut -f2-5,14)"
printf 'Оплата 10-\n20 тысяч\n' >digits.txt
check_eq "--join-hyphens: a hyphen after a digit stays" "-" "$("$LEXPIPE" norm --join-hyphens digits.txt | grep '^L' | head -1 | cut -f7)"

printf 'under section 6 of\narticle 44 the organiser\n' >wrap.txt
check_eq "a phrase broken by a line end is one phrase, offsets exact" \
	"1	7	6	29	section 6 of article 44" \
	"$("$LEXPIPE" run --patterns pat --no-header wrap.txt | cut -f2-5,14)"

# --- long lines: pieces flagged c, nothing lost, phrases kept ---

printf 'aaaa bbbb cccc dddd статье 44 закона eeee\n' >long.txt
"$LEXPIPE" norm --line-max 16 long.txt >out
check_eq "--line-max: pieces, each after the first flagged c" "- c c c c" "$(grep '^L' out | cut -f7 | paste -sd' ' -)"
check_eq "--line-max: the pieces put together are the line" "aaaa bbbb cccc dddd статье 44 закона eeee" "$(grep '^L' out | cut -f9 | paste -sd'\0' -)"
check_eq "--line-max: the pieces tile the line's bytes" "0-15 15-20 20-36 36-49 49-53" \
	"$(grep '^L' out | awk -F'\t' '{ printf "%s%s-%s", (NR > 1 ? " " : ""), $4, $5 }')"
"$LEXPIPE" run --line-max 16 --patterns pat --no-header long.txt >rows
check_eq "--line-max: a phrase across pieces is found, offsets exact" "1	21	20	35	статье 44" "$(cut -f2-5,14 rows)"
printf 'abcdefghijklmno-pqrstu\n' >piecehy.txt
check_eq "--line-max with --join-hyphens: a hyphen that ends a piece is kept" "abcdefghijklmno-|pqrstu" \
	"$("$LEXPIPE" norm --join-hyphens --line-max 16 piecehy.txt | texts)"
