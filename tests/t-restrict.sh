#!/bin/sh
# t-restrict.sh - the restrict set and its engine (pipeline/restrict.c):
# examples, hand-written cases in three languages (tests/restrict-cases),
# negation, modal absorption, epistemic "may not", and offsets into
# non-UTF-8 originals.
. "$(dirname "$0")/lib.sh"

# the set on its own, so a half-finished other set does not hide our results
mkdir -p "$T/pat"
cp -R "$TOP/patterns/restrict" "$TOP/patterns/penalty" "$T/pat/"
export LEXPIPE_PATTERNS="$T/pat"

check_rc "patterns --check restrict penalty: status 0" 0 "$LEXPIPE" patterns --check "$TOP/patterns" restrict penalty
"$LEXPIPE" patterns --check --verbose "$TOP/patterns" restrict >"$T/v" 2>/dev/null
n=$(grep -c '^ok ' "$T/v")
[ "$n" -ge 150 ] && ok "restrict examples were run ($n)" || notok "restrict examples were run" "$n"

# the check can fail: a wrong expectation in a copy of the set
cp -R "$TOP/patterns/restrict" "$T/broken"
printf 'rule en.wrong\nkind restrict\nlabel obligation\nlang en\nregex (?i)\\bmust\\b\nexample You must go. => prohibition\n' >"$T/broken/zz.pat"
mkdir -p "$T/bp" && mv "$T/broken" "$T/bp/restrict"
check_rc "a wrong example fails the check: status 1" 1 "$LEXPIPE" patterns --check "$T/bp" restrict

# hand-written cases, scored like the gold corpus: no FP, no FN
sh "$TOP/tests/eval.sh" -v "$LEXPIPE" "$T/pat" "$TOP/tests/restrict-cases" >"$T/eval" 2>"$T/evalerr"
grep -E '^(FP|FN) [^ ]+ restrict ' "$T/eval" >"$T/miss"
if [ -s "$T/eval" ] && [ ! -s "$T/miss" ]; then ok "restrict cases: every row right"; else notok "restrict cases: every row right" "$(head -10 "$T/miss")" "$(head -3 "$T/evalerr")"; fi
for l in en ru kk; do
	check_grep "restrict cases scored for $l" "^$l +restrict +\\* +[1-9]" "$T/eval"
done

# rows: label, negated, rule, match (tsv columns 8, 11, 13, 14)
rows() { printf '%s\n' "$1" >"$T/in.txt"; "$LEXPIPE" run --no-header "$T/in.txt" | awk -F '\t' '$7 == "restrict" { print $8 " " $11 " " $14 }'; }
check_eq "en negation: not prohibited" "prohibition 1 prohibited" "$(rows 'Such gatherings are not prohibited by law.')"
check_eq "en modal absorbed: may not be restricted" "restriction 1 restricted" "$(rows 'The right of assembly may not be restricted.')"
check_eq "en normative may not" "prohibition 0 may not" "$(rows 'Journalists may not publish the names of minors.')"
check_eq "en epistemic may not: nothing" "" "$(rows 'The figures may not be accurate, and it may not matter.')"
# a clause ends at ". " "; " ": " "! " "? ": a doubt in the clause before stays out
check_eq "en doubt in the same clause: nothing" "" "$(rows 'Journalists probably may not publish the names of minors.')"
for e in . ';' : '!' '?'; do
	check_eq "en clause ends at '$e ': a doubt before it stays out" "prohibition 0 may not" \
	    "$(rows "It is probably late$e journalists may not publish the names of minors.")"
done
check_eq "en shall not: prohibition only" "prohibition 0 shall not" "$(rows 'Observers shall not interfere in the count.')"
check_eq "en shall entail: nothing" "" "$(rows 'Such acts shall entail liability.')"
check_eq "ru не запрещается" "prohibition 1 запрещается" "$(rows 'Проведение пикетов не запрещается.')"
check_eq "ru не может не: nothing" "" "$(rows 'Суд не может не учитывать эти обстоятельства.')"
check_eq "ru не должны: prohibition" "prohibition 0 не должны" "$(rows 'Наблюдатели не должны вмешиваться в подсчет голосов.')"
check_eq "kk тыйым салынбайды" "prohibition 1 тыйым салынбайды" "$(rows 'Пикеттер өткізуге тыйым салынбайды.')"
check_eq "kk шектелмейді" "restriction 1 шектелмейді" "$(rows 'Азаматтардың жүріп-тұруы шектелмейді.')"
check_eq "kk міндетті емес" "obligation 1 міндетті" "$(rows 'Байқаушылар есеп беруге міндетті емес.')"
check_eq "vague is never negated" "vague 0 экстремистской" "$(rows 'Экспертиза признала, что книга не является экстремистской.')"
check_eq "exception: -дан басқа" "exception 0 мерекелерден басқа" "$(rows 'Мемлекеттік мерекелерден басқа күндері шерулер өткізілмейді.')"

# offsets: a windows-1251 original; the bytes start..end decode to the match
printf 'Статья 5.\nЗапрещается проведение шествий без уведомления.\n' | iconv -f UTF-8 -t CP1251 >"$T/cp.txt"
"$LEXPIPE" run --no-header "$T/cp.txt" | awk -F '\t' '$7 == "restrict"' >"$T/cprows"
set -- $(cut -f2,4,5 "$T/cprows" | head -1)
check_eq "cp1251: line of the row" "2" "$1"
got=$(dd if="$T/cp.txt" bs=1 skip="$2" count=$(($3 - $2)) 2>/dev/null | iconv -f CP1251 -t UTF-8)
check_eq "cp1251: original bytes of the row" "Запрещается" "$got"
