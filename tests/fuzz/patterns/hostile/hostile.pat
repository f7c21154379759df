# Patterns a careless or hostile user could write, for fuzz_tagpath: empty
# matches, matches that end inside a character, lookbehind, backtracking.
# They must cost bounded time and never give an offset inside a character.
rule empty
kind restrict
label empty
regex (?<m>)|x*
example abc => -

rule any-char
kind restrict
label char
regex (?<m>\X)(?=\X{3}$)
example abcd => char

rule lookbehind
kind ref
label behind
regex (?<=\p{Cyrillic})(?<m>\d+)
canonical #n$1
example ст44 => #n44

rule backtrack
kind restrict
label backtrack
regex (?<m>(?:\w+\s?)+)[!]{2}
example word word!! => backtrack

rule bytes-of-a-char
kind restrict
label byte
regex (?<m>[^\x00-\x7f]{2,3}?)
example жы => byte
