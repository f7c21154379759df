# Minimal article references; the refs engine replaces these.
rule en.article
kind ref
label article
lang en
regex (?i)\b(?<m>art(?:icle|\.)\s*(\d+(?:-\d+)*))
canonical #art_$2
example see article 44 of the law => #art_44
example Article13-4 applies => #art_13-4
not an article of clothing
