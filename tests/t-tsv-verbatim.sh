#!/bin/sh
# t-tsv-verbatim.sh - `lexpipe tsv` copies an A record's fields as they
# stand when the default TSV row would be exactly them (no escape, no raw
# CR, fifteen fields); every other record goes the long way.  Both ways
# must write the bytes `--fields` with every column (the long way, always)
# writes, whatever the record holds.
. "$(dirname "$0")/lib.sh"
case $LEXPIPE in /*) ;; *) LEXPIPE=$(pwd)/$LEXPIPE ;; esac
cd "$T" || exit 2

ALL=doc,line,col,start,end,lang,kind,label,canonical,value,negated,provision,rule,match,context
tab=$(printf '\t')
cr=$(printf '\r')
# A records: plain, Kazakh and Cyrillic, empty fields, escapes the writer
# uses and ones it does not (\q, \b), a raw CR, too few and too many fields
{
	printf 'D\td.txt\tUTF-8\n'
	printf 'A\td.txt\t3\t7\t10\t22\ten\trestrict\tprohibition\t\t\t0\t\ten.ban\tbanned\tAssemblies are banned.\n'
	printf 'A\td.txt\t4\t1\t30\t45\tkk\tpenalty\tfine\t\t20 MCI\t0\tkz/ako/art-488\tkk.fine\tайыппұл\tЖиырма АЕК мөлшерінде айыппұл салынады.\n'
	printf 'A\td.txt\t5\t2\t50\t60\tru\tref\tarticle\tkz/ck/art-5\t\t\t\trefs.art\tст. 5\tСогласно ст. 5 Конституции.\n'
	printf 'A\td.txt\t6\t1\t70\t80\ten\tref\tarticle\t\t\t\t\tr\ta\\tb\tx\\\\y\\nz\n'
	printf 'A\td.txt\t7\t1\t90\t95\ten\tref\tarticle\t\t\t\t\tr\t\\q\\b odd\tctx\n'
	printf 'A\td.txt\t8\t1\t99\t100\ten\tref\tarticle\t\t\t\t\tr\tm\tends in CR%s\n' "$cr"
	printf 'A\td.txt\t9\t1\t99\t100\ten\tref\tarticle\t\t\t\t\tr\tm\n'
	printf 'A\td.txt\t10\t1\t99\t100\ten\tref\tarticle\t\t\t\t\tr\tm\tctx\textra\n'
	printf 'A\td.txt\t11\t1\t99\t100\ten\tref\tarticle\t\t\t\t\tr\tm\tno newline at the end'
} >recs.tagged

"$LEXPIPE" tsv <recs.tagged >fast.tsv 2>fast.err
"$LEXPIPE" tsv --fields "$ALL" <recs.tagged >slow.tsv 2>slow.err
check_file "tsv: the verbatim rows = the long way's rows" slow.tsv fast.tsv
check_file "tsv: the same messages for malformed records" slow.err fast.err
check_eq "tsv: header and seven rows" 8 "$(wc -l <fast.tsv | tr -d ' ')"
# \q is q, \b a backspace, which a row holds raw
check_grep "tsv: an unused escape is written the writer's way" "$(printf 'r\tq\b odd\tctx$')" fast.tsv
check_grep "tsv: a raw CR is escaped" 'ends in CR\\r$' fast.tsv
check_eq "tsv: records of 14 and 16 fields are refused" 2 "$(grep -c 'A record has 16 fields' fast.err)"
