#!/bin/sh
# t-penalty.sh - the penalty set and its engine (pipeline/penalty.c,
# pipeline/numwords.c): sanctions, normalized values (ranges, tiers, number
# words in three languages, separators, scale words, currencies), the
# hand-written cases, and offsets into non-UTF-8 originals.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/pat"
cp -R "$TOP/patterns/restrict" "$TOP/patterns/penalty" "$T/pat/"
export LEXPIPE_PATTERNS="$T/pat"

check_rc "patterns --check penalty: status 0" 0 "$LEXPIPE" patterns --check "$TOP/patterns" penalty

sh "$TOP/tests/eval.sh" -v "$LEXPIPE" "$T/pat" "$TOP/tests/restrict-cases" >"$T/eval" 2>"$T/evalerr"
grep -E '^(FP|FN) [^ ]+ penalty ' "$T/eval" >"$T/miss"
if [ -s "$T/eval" ] && [ ! -s "$T/miss" ]; then ok "penalty cases: every row right"; else notok "penalty cases: every row right" "$(head -10 "$T/miss")" "$(head -3 "$T/evalerr")"; fi
for l in en ru kk; do
	check_grep "penalty cases scored for $l" "^$l +penalty +\\* +[1-9]" "$T/eval"
done

# rows as "label value", sorted, joined by "; " (tier rows share their start)
pen() { printf '%s\n' "$1" >"$T/in.txt"; "$LEXPIPE" run --no-header "$T/in.txt" | awk -F '\t' '$7 == "penalty" { print $8 ($10 == "" ? "" : " " $10) }' | LC_ALL=C sort | awk '{ s = s (s == "" ? "" : "; ") $0 } END { print s }'; }
check_eq "ru tiers: unit named once at the end" "fine 100 MCI; fine 15 MCI; fine 20 MCI" \
	"$(pen 'влечет штраф на физических лиц в размере пятнадцати, на должностных лиц – в размере двадцати, на юридических лиц – в размере ста месячных расчетных показателей.')"
check_eq "ru range in words, genitive" "detention 10 days; fine 10-15 MMW" \
	"$(pen 'влекут штраф в размере от десяти до пятнадцати минимальных заработных плат либо административный арест на срок до десяти суток.')"
check_eq "ru instrumental and hundreds" "fine 250 MCI" "$(pen 'Деяние наказывается штрафом в размере двухсот пятидесяти МРП.')"
check_eq "ru scale words" "fine 2500000 KZT" "$(pen 'Суд оштрафовал издание на два миллиона пятьсот тысяч тенге.')"
check_eq "kk range with case endings" "fine 15-20 MCI" "$(pen 'Бұзушылық он бестен жиырмаға дейінгі айлық есептік көрсеткіш мөлшерінде айыппұл салуға әкеп соғады.')"
check_eq "kk amount before the sanction" "detention 5-15 days" "$(pen 'Бұзушылық бес тәуліктен он бес тәулікке дейінгі мерзімге әкімшілік қамаққа алуға әкеп соғады.')"
check_eq "kk scale word" "fine 5000000 KZT" "$(pen 'Заңды тұлғаларға бес миллион теңге мөлшерінде айыппұл салынды.')"
check_eq "en words and range" "detention 15 days; fine 10-15 MCI" "$(pen 'It entails a fine of ten to fifteen MCI or administrative arrest for up to fifteen days.')"
check_eq "en separators" "fine 5000000 KZT; fine 5000000 KZT; fine 5000000 KZT" \
	"$(pen 'Fines: a fine of 5 000 000 tenge. A fine of 5,000,000 tenge. A fine of 5.000.000 tenge.')"
check_eq "en currency before the number" "fine 623000 USD" "$(pen 'The company was fined USD 623,000.')"
check_eq "en decimal scale" "fine 1200000 EUR" "$(pen 'The regulator fined the platform 1.2 million euros.')"
check_eq "en amount before the sanction" "imprisonment 5 years" "$(pen 'He was sentenced to five years of imprisonment.')"
check_eq "en years for 1" "imprisonment 1 years" "$(pen 'punishable by imprisonment for up to one year.')"
check_eq "a conversion in parentheses is not a fine" "fine 100 MCI" "$(pen 'She was fined 100 MCI (about 369,200 tenge).')"
# a sentence ends at [.!?] + space + a capital: an amount in the one before is not the sanction's
for e in . '!' '?'; do
	check_eq "kk sentence ends at '$e ': the amount before it stays out" "imprisonment" \
	    "$(pen "Бес жыл өтті$e Ол бас бостандығынан айыруға сотталды.")"
done
check_eq "amounts without a sanction: nothing" "" "$(pen 'The state fee is 2 MCI; tickets cost 5,000 tenge.')"
check_eq "a unit the sanction cannot take: no value" "detention; fine 20 MCI" "$(pen 'The court imposed a fine of 20 MCI instead of administrative arrest.')"

# offsets: a windows-1251 original, match and bytes of the row
printf 'Статья 10.\nНарушение влечет штраф в размере двадцати МРП.\n' | iconv -f UTF-8 -t CP1251 >"$T/cp.txt"
"$LEXPIPE" run --no-header "$T/cp.txt" | awk -F '\t' '$7 == "penalty"' >"$T/cprows"
check_eq "cp1251: value" "fine	20 MCI" "$(cut -f8,10 "$T/cprows")"
set -- $(cut -f2,4,5 "$T/cprows" | head -1)
got=$(dd if="$T/cp.txt" bs=1 skip="$2" count=$(($3 - $2)) 2>/dev/null | iconv -f CP1251 -t UTF-8)
check_eq "cp1251: original bytes of the row" "штраф в размере двадцати МРП" "$got"

# a long paragraph of numbers stays fast and bounded
awk 'BEGIN { printf "штраф"; for (i = 0; i < 20000; i++) printf " 1 000 МРП, на лиц – двадцати"; print "." }' >"$T/long.txt"
check_rc "a 600 KB paragraph of amounts" 0 "$LEXPIPE" run --no-header "$T/long.txt"

# provision: the ref cited in the sentence, else the heading (with the refs set)
printf 'Статья 488. Нарушение законодательства о мирных собраниях\n1. Нарушение влечет штраф в размере двадцати МРП.\n2. Согласно статье 5 Закона о мирных собраниях участникам запрещается скрывать лицо.\n' >"$T/prov.txt"
LEXPIPE_PATTERNS="$TOP/patterns" "$LEXPIPE" run --no-header "$T/prov.txt" >"$T/prov" 2>"$T/proverr"
check_eq "provision from the heading" "fine	#art_488" "$(awk -F '\t' '$7 == "penalty" { print $8 "\t" $12 }' "$T/prov")"
check_eq "provision from a ref in the sentence" "prohibition	kz-assembly#art_5" "$(awk -F '\t' '$7 == "restrict" { print $8 "\t" $12 }' "$T/prov")"

# shuffled sanction vocabulary (unbalanced brackets, ranges without ends,
# tiers without units, half-words): every run ends cleanly, also under ASan
awk 'BEGIN {
	srand(7)
	n = split("штраф в размере от до пятнадцати двухсот миллионов МРП ( ) – , ; . fine of up to ten twenty-five hundred and MCI tenge $ € 1,5 млн 5.000.000 айыппұл он бестен жиырмаға дейінгі АЕК-ке тәулікке әкімшілік қамаққа алуға лишением свободы years жыл суток 10-нан", w, " ")
	for (l = 0; l < 300; l++) { s = ""; for (i = 0; i < 40; i++) s = s w[int(rand() * n) + 1] " "; print s }
}' >"$T/shuffle.txt"
check_rc "shuffled vocabulary: run ends with status 0" 0 "$LEXPIPE" run --no-header "$T/shuffle.txt"
n=$(awk -F '\t' '$7 == "penalty"' "$T/out" | wc -l)
[ "$n" -gt 100 ] && ok "shuffled vocabulary: sanctions found ($n)" || notok "shuffled vocabulary: sanctions found" "$n"
