#!/bin/sh
# t-roundtrip.sh - every format reads back to the same values: the TSV by
# its documented escaping, the CSV by RFC 4180 less the safety apostrophe,
# the Excel file after UTF-16LE decoding, and JSON Lines; first with awk
# (tests/format.awk), then with pandas the way README.md says to.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# the whole corpus, plus hand-made A records with every awkward byte a value can hold
find corpus -type f | LC_ALL=C sort >"$T/files"
# shellcheck disable=SC2046
"$LEXPIPE" norm $(cat "$T/files") | "$LEXPIPE" tag >"$T/stream"
{
	printf 'A\tdoc\\twith tab, comma\t1\t1\t0\t3\tru\trestrict\tprohibition\t\t\t0\t\tr.x\t"quoted", ;semi\tnew\\nline \\\\ back\\rCR =1+1\n'
	printf 'A\t-\t2\t5\t10\t20\tkk\tpenalty\tfine\t\t20-30 MCI\t1\tkz#art_5\tr.y\t=SUM(A1)\t\\tTAB first\n'
	printf "A\t'=x\t3\t1\t0\t1\ten\tref\tarticle\tkz-x#art_1\t\t\t\t@r\t''+y\t'tis\n"
	printf 'A\t\\\\N\t4\t1\t0\t1\ten\tact\t\tkz-x\t\t\t\tr\tжаңа «заң» ә ғ қ ң ө ұ ү һ і 😀\t\x01ctl\\\\\n'
} >>"$T/stream"

for fmt in tsv csv jsonl excel; do
	case $fmt in excel) opt=--excel ;; *) opt="--format $fmt" ;; esac
	# shellcheck disable=SC2086
	"$LEXPIPE" tsv $opt <"$T/stream" >"$T/out.$fmt"
	if [ $fmt = excel ]; then
		tail -c +3 "$T/out.$fmt" | iconv -f UTF-16LE -t UTF-8 >"$T/out.x" && mv "$T/out.x" "$T/out.$fmt"
	fi
	LC_ALL=C awk -v fmt=$fmt -f tests/format.awk "$T/out.$fmt" >"$T/vals.$fmt" 2>"$T/err"
	check_eq "$fmt reads back (awk)" 0 $?
done
n=$(wc -l <"$T/vals.jsonl")
[ "$n" -gt 20 ] && ok "round trip covers the corpus ($n rows)" || notok "round trip covers the corpus" "$n rows"
check_file "tsv read back = jsonl" "$T/vals.jsonl" "$T/vals.tsv"
check_file "csv read back = jsonl" "$T/vals.jsonl" "$T/vals.csv"
check_file "excel read back = jsonl" "$T/vals.jsonl" "$T/vals.excel"
# the hand-made values arrive whole (checked against what was written, not against another reader)
check_eq "awkward values survive" 'doc\twith tab, comma	"quoted", ;semi	new\nline \\ back\rCR =1+1' \
	"$(grep '^doc' "$T/vals.jsonl" | cut -f1,14,15)"
check_eq "hostile values survive the safety mark" "'=x	''+y	'tis" "$(grep "^'=x" "$T/vals.csv" | cut -f1,14,15)"
check_eq "negated: flag read back" "0 1" "$(grep -E '^(doc|-)' "$T/vals.tsv" | cut -f11 | tr '\n' ' ' | sed 's/ $//')"

# --null: read back as empty
"$LEXPIPE" tsv --null '\N' <"$T/stream" >"$T/n.tsv"
"$LEXPIPE" tsv --format csv --null NULL <"$T/stream" >"$T/n.csv"
LC_ALL=C awk -v fmt=tsv -v null='\N' -f tests/format.awk "$T/n.tsv" >"$T/nv.tsv"
LC_ALL=C awk -v fmt=csv -v null=NULL -f tests/format.awk "$T/n.csv" >"$T/nv.csv"
check_file "tsv --null reads back" "$T/vals.jsonl" "$T/nv.tsv"
check_file "csv --null reads back" "$T/vals.jsonl" "$T/nv.csv"

# pandas, as README.md says; installed here when missing, and only here (the
# Debian python3 by its path: a python3 earlier in PATH may lack pandas)
if ! sh tests/need.sh python3 python3-pandas; then
	echo "t-roundtrip: pandas checks not run: python3-pandas cannot be installed" >&2
	exit 0
fi
cp "$T/out.tsv" "$T/p.tsv"
"$LEXPIPE" tsv --format csv <"$T/stream" >"$T/p.csv"
"$LEXPIPE" tsv --excel <"$T/stream" >"$T/p.excel.csv"
cp "$T/out.jsonl" "$T/p.jsonl"
/usr/bin/python3 - "$T" >"$T/py.out" 2>&1 <<'EOF'
import csv, json, re, sys
import pandas as pd
T = sys.argv[1]
COLS = "doc line col start end lang kind label canonical value negated provision rule match context".split()
ESC = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}
def unescape(s):
    return re.sub(r"\\(.)", lambda m: ESC.get(m.group(1), m.group(1)), s)
def unmark(s):
    return s[1:] if re.match(r"'+[=+\-@\t\r]", s) else s
def jsval(v):
    if v is None: return ""
    if v is True: return "1"
    if v is False: return "0"
    return str(v)
want = [[jsval(json.loads(l)[c]) for c in COLS] for l in open(T + "/p.jsonl", encoding="utf-8")]
tsv = pd.read_csv(T + "/p.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False, encoding="utf-8")
got_tsv = [[unescape(v) for v in row] for row in tsv[COLS].values.tolist()]
c = pd.read_csv(T + "/p.csv", dtype=str, keep_default_na=False, encoding="utf-8")
got_csv = [[unmark(v) for v in row] for row in c[COLS].values.tolist()]
x = pd.read_csv(T + "/p.excel.csv", sep="\t", dtype=str, keep_default_na=False, encoding="utf-16")
got_x = [[unmark(v) for v in row] for row in x[COLS].values.tolist()]
for name, got in (("tsv", got_tsv), ("csv", got_csv), ("excel", got_x)):
    bad = [i for i, (a, b) in enumerate(zip(want, got)) if a != b]
    if len(got) != len(want) or bad:
        print("not ok - pandas: %s equals jsonl" % name)
        for i in bad[:3]:
            print("  row %d: want %r got %r" % (i, want[i], got[i]), file=sys.stderr)
    else:
        print("ok - pandas: %s equals jsonl (%d rows)" % (name, len(got)))
EOF
rc=$?
cat "$T/py.out"
check_eq "pandas script ran" 0 $rc
