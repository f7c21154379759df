#!/bin/sh
# t-refs.sh - the statute-reference engine (set refs): its pattern examples,
# error reports for broken patterns, and end-to-end rows on our own text.
. "$(dirname "$0")/lib.sh"

# every example of patterns/ holds
check_rc "refs: patterns --check passes" 0 "$LEXPIPE" patterns --check "$TOP/patterns" refs

# a broken pattern is reported as FILE:LINE: message with the offset
mkdir -p "$T/bad/refs"
cp "$TOP"/patterns/refs/*.pat "$T/bad/refs/"
printf 'rule act.broken\nkind act\nrole vocabulary\nid broken\nregex foo(bar\nexample x => -\n' > "$T/bad/refs/zz.pat"
"$LEXPIPE" patterns --check "$T/bad" refs >"$T/out" 2>"$T/err"
rc=$?
check_eq "refs: broken regex exits 2" 2 "$rc"
check_grep "refs: broken regex names file, line and offset" 'zz\.pat:5: rule act\.broken: .*at offset 7' "$T/err"

# an example that fails is reported and exits 1
cp "$TOP"/patterns/refs/*.pat "$T/bad/refs/"
printf 'rule en.extra\nkind unit\nlevel art\nlang en\nsingular clause\nexample clause 5 => #art_6\n' > "$T/bad/refs/zz.pat"
check_rc "refs: a wrong example exits 1" 1 "$LEXPIPE" patterns --check "$T/bad" refs
check_grep "refs: a wrong example is named" 'zz\.pat:6: rule en\.extra: example "clause 5": want \[#art_6\], got \[#art_5\]' "$T/err"

# rows: line, kind, canonical (cut -f2,7,9)
rows() { "$LEXPIPE" run --no-header "$1" | cut -f2,7,9; }

cat > "$T/ru.txt" <<'TXT'
Закон Республики Казахстан «О мирных собраниях»

Статья 7. Уведомление

1. Организатор подает уведомление в порядке, указанном в пункте 3 настоящей статьи.
2. Сроки, установленные частью второй статьи 12 настоящего Закона, не продлеваются.
Сноска. Статья 7 изменена Законом РК от 01.02.2022 № 99-VII; пункт 2 дополнен.

Суд сослался на ст.ст. 5-7 КоАП и статью 14 того же кодекса.
Статья 20 Конституции и подпункты 1) и 2) пункта 4 статьи 9 Закона «О политических партиях» применены.
Решение вынесено 5 июля 2006 года, статус 44, дом 102-3.
TXT
rows "$T/ru.txt" > "$T/got"
cat > "$T/want" <<'TXT'
1	act	kz-assembly
5	ref	kz-assembly#art_7__para_3
6	ref	kz-assembly#art_12__para_2
7	ref	kz-assembly#art_7
7	ref	kz-assembly#art_7__para_2
9	ref	kz-coao#art_5
9	ref	kz-coao#art_6
9	ref	kz-coao#art_7
9	ref	kz-coao#art_14
10	ref	kz-constitution#art_20
10	ref	kz-parties#art_9__para_4__point_1
10	ref	kz-parties#art_9__para_4__point_2
TXT
check_file "refs: ru statute, notes, lists, negatives" "$T/want" "$T/got"

cat > "$T/kk.txt" <<'TXT'
Саяси партиялар туралы Қазақстан Республикасының Заңы

5-бап. Партияның жарғысы

1. Осы баптың екінші бөлігінде және осы Заңның 10-бабының 1 және 2-тармақтарында көзделген талаптар сақталады.
Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2021.05.25 № 44-VII Заңымен (2-баптан қараңыз).

Сот ӘҚБтК 488-бабының 6-бөлігін және Қылмыстық кодекстің 174-бабын қолданды. 489-бап қолданылмады.
Кітап 44 баптан тұрады, бабына келді, 2023 жылғы 5 шілде.
TXT
rows "$T/kk.txt" > "$T/got"
cat > "$T/want" <<'TXT'
1	act	kz-parties
5	ref	kz-parties#art_5__para_2
5	ref	kz-parties#art_10__para_1
5	ref	kz-parties#art_10__para_2
6	ref	kz-parties#art_5
6	ref	#art_2
8	ref	kz-coao#art_488__para_6
8	ref	kz-criminal#art_174
8	ref	kz-criminal#art_489
TXT
check_file "refs: kk statute, notes, inheritance, negatives" "$T/want" "$T/got"

cat > "$T/en.txt" <<'TXT'
The court applied subparagraph 3) of paragraph 1 of Article 12 and Article 15 of the Law on National Security.
The Law on Non-Commercial Organizations (hereinafter the Law) was cited; Article 5 of the Law and Art. 19(2)(a) ICCPR too.
Articles 1 to 80 of the Criminal Code, Article 13-4 of the Tax Code.

Article 39 applies. He wore an article of clothing; 44 articles were published, see p. 44.
TXT
rows "$T/en.txt" > "$T/got"
cat > "$T/want" <<'TXT'
1	ref	kz-natsec#art_12__para_1__point_3
1	ref	kz-natsec#art_15
2	act	kz-nco
2	ref	kz-nco#art_5
2	ref	iccpr#art_19__para_2__point_a
3	ref	kz-criminal#art_1
3	ref	kz-criminal#art_80
3	ref	#art_13-4
5	ref	#art_39
TXT
check_file "refs: en lists, aliases, long ranges, negatives" "$T/want" "$T/got"

# rows of one expression share the span of the whole expression
printf 'See articles 27 and 33 of the Election Law, and article 5 of the Criminal Code.\n' > "$T/span.txt"
"$LEXPIPE" run --no-header "$T/span.txt" | cut -f4,5,9 > "$T/got"
printf '4\t42\tkz-elections#art_27\n4\t42\tkz-elections#art_33\n48\t78\tkz-criminal#art_5\n' > "$T/want"
check_file "refs: list rows share the expression's span" "$T/want" "$T/got"

# a heading sets the provision column and gives no row
printf 'Закон Республики Казахстан «О средствах массовой информации»\n\nСтатья 44. Права\n\nЗапрещается цензура, см. статью 2.\n' > "$T/prov.txt"
"$LEXPIPE" run --no-header "$T/prov.txt" | awk -F '\t' '$7 == "ref" { print $9 "\t" $12 }' > "$T/got"
printf 'kz-media#art_2\tkz-media#art_44\n' > "$T/want"
check_file "refs: heading sets the provision, gives no row" "$T/want" "$T/got"

# hyphens and dashes: an inserted article or a range (README "References")
cat > "$T/hy.txt" <<'TXT'
статьи 27-29 КоАП

статьи 102-3 КоАП

статья 27-29 КоАП

статьями 25-1 и 25-2 КоАП

ст.ст. 102-1–102-3 КоАП

Articles 27-29 of the CAO

article 27-29 of the CAO

ӘҚБтК 27-29-баптарында

ӘҚБтК 102-3-бабына
TXT
"$LEXPIPE" run --no-header "$T/hy.txt" | awk -F '\t' '{ a[$2] = a[$2] (a[$2] == "" ? "" : " ") $9 } END { for (l = 1; l <= 17; l += 2) print l ": " a[l] }' > "$T/got"
cat > "$T/want" <<'TXT'
1: kz-coao#art_27 kz-coao#art_28 kz-coao#art_29
3: kz-coao#art_102-3
5: kz-coao#art_27-29
7: kz-coao#art_25-1 kz-coao#art_25-2
9: kz-coao#art_102-1 kz-coao#art_102-2 kz-coao#art_102-3
11: kz-coao#art_27 kz-coao#art_28 kz-coao#art_29
13: kz-coao#art_27-29
15: kz-coao#art_27 kz-coao#art_28 kz-coao#art_29
17: kz-coao#art_102-3
TXT
check_file "refs: hyphen, dash and plural decide inserted article or range" "$T/want" "$T/got"

# a citation wrapped over two lines is one citation, on its first line
printf 'The proceedings under part 6 of\nArticle 488 of the CAO were ended.\n' > "$T/wrap.txt"
rows "$T/wrap.txt" > "$T/got"
printf '1\tref\tkz-coao#art_488__para_6\n' > "$T/want"
check_file "refs: a wrapped citation is one row on its first line" "$T/want" "$T/got"

# amending laws: an item names the article, its paragraphs follow without it;
# gazette items ("№ 16, ст. 70") are no articles; a blank line ends the item
refrows() { rows "$1" | awk -F '\t' '$2 == "ref" || $2 == "act"'; }
cat > "$T/amend-ru.txt" <<'TXT'
О внесении изменений в некоторые законодательные акты Республики Казахстан по вопросам средств массовой информации

Статья 1. Внести изменения в следующие законодательные акты Республики Казахстан:
1. В Закон Республики Казахстан от 23 июля 1999 года «О средствах массовой информации» (Ведомости Парламента Республики Казахстан, 1999 г., N 16, ст. 70; 2001 г., № 10, ст. 123):
1) в статье 13:
а) пункт 2 изложить в следующей редакции:
«2. Аккредитация производится в течение пяти рабочих дней.»;
б) дополнить пунктом 3-1 следующего содержания:
«3-1. Отказ в аккредитации должен быть мотивирован.»;
2) статью 14 дополнить частью второй следующего содержания:
2. В Закон Республики Казахстан от 15 июля 2002 года «О политических партиях»:
в статье 10:
подпункт 2) пункта 1 исключить;

Пункт 4 повестки дня перенесен.
TXT
refrows "$T/amend-ru.txt" > "$T/got"
cat > "$T/want" <<'TXT'
4	act	kz-media
5	ref	kz-media#art_13
6	ref	kz-media#art_13__para_2
8	ref	kz-media#art_13__para_3-1
10	ref	kz-media#art_14
10	ref	kz-media#art_14__para_2
11	act	kz-parties
12	ref	kz-parties#art_10
13	ref	kz-parties#art_10__para_1__point_2
TXT
check_file "refs: ru amending law, items, sub-items, gazette, two acts" "$T/want" "$T/got"

cat > "$T/amend-kk.txt" <<'TXT'
«Коммерциялық емес ұйымдар туралы» 2001 жылғы 16 қаңтардағы Қазақстан Республикасының Заңына мынадай өзгерістер енгізілсін:
1) 41-2-бапта:
1-тармақтағы «он күн» деген сөздер «бес күн» деген сөздермен ауыстырылсын;
3-тармақ алып тасталсын;
2) 42-бап мынадай мазмұндағы 5-тармақпен толықтырылсын:
TXT
refrows "$T/amend-kk.txt" > "$T/got"
cat > "$T/want" <<'TXT'
1	act	kz-nco
2	ref	kz-nco#art_41-2
3	ref	kz-nco#art_41-2__para_1
4	ref	kz-nco#art_41-2__para_3
5	ref	kz-nco#art_42
5	ref	kz-nco#art_42__para_5
TXT
check_file "refs: kk amending law, a date inside the title, items" "$T/want" "$T/got"

cat > "$T/amend-en.txt" <<'TXT'
The following amendments shall be made to the Law of the Republic of Kazakhstan of 23 July 1999 "On Mass Media" (Bulletin of the Parliament of the Republic of Kazakhstan, 1999, No. 16, Art. 70):
1) in Article 25:
subparagraph 3) of paragraph 1 shall be deleted;
2) Article 26 shall be supplemented by paragraph 3 reading as follows:

Paragraph 3 of the agenda was postponed.
TXT
refrows "$T/amend-en.txt" > "$T/got"
cat > "$T/want" <<'TXT'
1	act	kz-media
2	ref	kz-media#art_25
3	ref	kz-media#art_25__para_1__point_3
4	ref	kz-media#art_26
4	ref	kz-media#art_26__para_3
TXT
check_file "refs: en amending law, a date inside the title, items" "$T/want" "$T/got"

# aliases whose words inflect, "далее по тексту", (the "X"), codes outside the
# catalogue by abbreviation, English cardinals after the unit, ARTICLE 19
cat > "$T/forms.txt" <<'TXT'
Закон Республики Казахстан «О национальной безопасности» (далее по тексту — Закон о нацбезопасности) применен. Пункт 2 статьи 6 Закона о нацбезопасности не упоминается.

The Constitutional Law "On Elections in the Republic of Kazakhstan" (the "Election Code") applies. Article 28 of the Election Code is cited.

Дело по части 2 статьи 107 УК РК прекращено по подпункту 5) части 1 статьи 35 УПК РК.

The applicant was convicted under part three of Article 174 of the Criminal Code; parts one and two of that article were not applied. Two articles of the Code were amended.

ARTICLE 19 and Human Rights Watch wrote to the court.
TXT
refrows "$T/forms.txt" > "$T/got"
cat > "$T/want" <<'TXT'
1	act	kz-natsec
1	ref	kz-natsec#art_6__para_2
3	act	kz-elections
3	ref	kz-elections#art_28
5	ref	kz-criminal#art_107__para_2
5	ref	#art_35__para_1__point_5
7	ref	kz-criminal#art_174__para_3
7	ref	kz-criminal#art_174__para_1
7	ref	kz-criminal#art_174__para_2
TXT
check_file "refs: inflected and quoted aliases, УПК, cardinals, ARTICLE 19" "$T/want" "$T/got"

# an amending law's new wording in quotes: the quoted heading gives no row,
# and it is no heading of the amending law itself (no provision after it)
cat > "$T/wording.txt" <<'TXT'
3) статью 12 изложить в следующей редакции:
«Статья 12. Порядок уведомления
1. Уведомление подается за десять дней.»;

4) 7-бап мынадай редакцияда жазылсын:
"7-бап. Өтінішті қарау
Өтініш бес күн ішінде қаралады."
TXT
"$LEXPIPE" run --no-header --fields line,kind,canonical,provision "$T/wording.txt" |
	awk -F '\t' '$2 == "ref" || $2 == "act" || $4 != ""' > "$T/got"
printf '1\tref\t#art_12\t\n5\tref\t#art_7\t\n' > "$T/want"
check_file "refs: a quoted heading in an amending law's wording gives no row" "$T/want" "$T/got"

# offsets point at the original bytes, also in windows-1251
printf 'Суд применил ч. 2 ст. 355 КоАП РК.\n' | iconv -f UTF-8 -t CP1251 > "$T/cp.txt"
"$LEXPIPE" run --no-header "$T/cp.txt" | awk -F '\t' '$7 == "ref" { print $4, $5 }' > "$T/se"
read -r s e < "$T/se"
got=$(dd if="$T/cp.txt" bs=1 skip="$s" count=$((e - s)) 2>/dev/null | iconv -f CP1251 -t UTF-8)
check_eq "refs: original offsets in a windows-1251 file" "ч. 2 ст. 355 КоАП РК" "$got"
