#!/bin/sh
# t-patterns.sh - every rule in patterns/ has examples and every example is
# matched as stated; users get the same check, and clear messages, for theirs.
. "$(dirname "$0")/lib.sh"

"$LEXPIPE" patterns --check "$TOP/patterns" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc = 0 ]; then ok "patterns --check on patterns/"; else notok "patterns --check on patterns/" "status $rc" "$(head -20 "$T/err")"; fi
"$LEXPIPE" patterns --check --verbose "$TOP/patterns" >"$T/v" 2>/dev/null
n=$(grep -c '^ok ' "$T/v")
[ "$n" -gt 0 ] && ok "examples were run ($n)" || notok "examples were run"

# a user's own set, with a rule that passes, one whose example fails, one with no example
mkdir -p "$T/p/mine"
cat >"$T/p/mine/a.pat" <<'PAT'
rule my.ban
kind restrict
label prohibition
regex (?i)\bverboten\b
example Rauchen verboten => prohibition
not erlaubt

rule my.wrong
kind restrict
label obligation
regex (?i)\bmuss\b
example man muss es tun => prohibition

rule my.none
kind restrict
label vague
regex unklar
PAT
check_rc "failing examples: status 1" 1 "$LEXPIPE" patterns --check "$T/p"
check_grep "failing example: FILE:LINE: message" "^lexpipe: $T/p/mine/a.pat:12: rule my.wrong: example \"man muss es tun\": want \[prohibition\], got \[obligation\]" "$T/err"
check_grep "rule without example: FILE:LINE" "^lexpipe: $T/p/mine/a.pat:14: rule my.none has no example" "$T/err"

# a broken regex: FILE:LINE: message at offset N, status 2, for check, tag and run
printf 'rule bad.one\nkind ref\nlabel article\nregex (?i)article (\\d+\nexample article 5 => #art_5\n' >"$T/p/mine/b.pat"
check_rc "broken regex: status 2" 2 "$LEXPIPE" patterns --check "$T/p"
check_grep "broken regex: FILE:LINE and PCRE2 offset" "^lexpipe: $T/p/mine/b.pat:4: rule bad.one: missing closing parenthesis at offset [0-9]+" "$T/err"
check_rc "broken regex stops tag" 2 "$LEXPIPE" tag --patterns "$T/p" </dev/null
check_rc "broken regex stops run" 2 "$LEXPIPE" run --patterns "$T/p" "$TOP/corpus/en/ngo-letter.utf8.txt"
rm "$T/p/mine/b.pat"
printf 'kind ref\n' >"$T/p/mine/c.pat"
check_rc "key before any rule: status 2" 2 "$LEXPIPE" patterns --check "$T/p"
check_grep "key before any rule: FILE:LINE" "^lexpipe: $T/p/mine/c.pat:1: 'kind' before the first rule" "$T/err"
rm "$T/p/mine/c.pat"

# a set of one's own runs beside the built-in ones, with the plain regex engine
echo "Hier ist Rauchen verboten." >"$T/de.txt"
"$LEXPIPE" run --patterns "$T/p" --no-header "$T/de.txt" >"$T/rows" 2>/dev/null
check_eq "a user's set tags with the regex engine" "restrict	prohibition	my.ban	verboten" "$(cut -f7,8,13,14 "$T/rows" | grep my.ban)"
