#!/bin/sh
# t-memory.sh - memory stays bounded for any input: `lexpipe run` (one
# thread and two) under `ulimit -v 65536`, so not even its address space
# passes 64 MiB, on one very long line, a long file and 20,000 small files;
# the output is the same as without the limit.
#
# The inputs are made on the fly with yes and head -c, never stored.
# A test counts as passed when the limited run exits 0, says nothing and
# writes the same rows as an unlimited one (a failed allocation exits 2).
# MEMCHECK_BIG=1 (`make memcheck`) adds a 1 GiB line and a 2 GiB file.
# Skipped under ASan, whose shadow memory is terabytes of address space.
. "$(dirname "$0")/lib.sh"
case $LEXPIPE in *asan*) echo "# t-memory: skipped under ASan"; exit 0 ;; esac
LIMIT_KB=65536

# a kilobyte of prose with one reference and one prohibition in it
unit='The commission reviewed the complaints received during the reporting period and found that the local executive body had refused to agree on the place of the assembly without giving reasons, although under article 5 of the Law the organisers had submitted their notification in time. Holding a rally on the square is prohibited by the decision of the akimat, which the court upheld on appeal. Observers noted that journalists were asked to leave the hall before the count began, and that the protocol was signed by members who had not been present. '

# gen KIND BYTES: one long line (KIND=line) or lines of a kilobyte (KIND=lines)
gen() {
	if [ "$1" = line ]; then
		yes "$unit" | tr -d '\n' | head -c "$2"
	else
		yes "$unit" | head -c "$2"
	fi
}

# limited NAME KIND BYTES ARGS...: the run under the limit agrees with the
# run without it, exits 0 and says nothing
limited() {
	_n=$1 _k=$2 _b=$3
	shift 3
	gen "$_k" "$_b" | "$LEXPIPE" run "$@" >"$T/free.tsv" 2>/dev/null
	( ulimit -v $LIMIT_KB && gen "$_k" "$_b" | "$LEXPIPE" run "$@" >"$T/lim.tsv" 2>"$T/lim.err"; exit $? )
	_rc=$?
	_rows=$(wc -l <"$T/free.tsv")
	if [ $_rc -eq 0 ] && cmp -s "$T/free.tsv" "$T/lim.tsv" && [ ! -s "$T/lim.err" ] && [ "$_rows" -gt 2 ]; then
		ok "under 64 MiB: $_n ($_rows rows)"
	else
		notok "under 64 MiB: $_n" "status $_rc" "$(head -3 "$T/lim.err")"
	fi
	rm -f "$T/free.tsv" "$T/lim.tsv"
}

# lines are cut at --line-max (1 MiB) and paragraphs at 256 KiB: a few of
# each show the bound as well as a gigabyte does (make memcheck)
limited "one line of 4 MiB" line 4194304
limited "one line of 4 MiB, -j 2" line 4194304 -j 2
limited "8 MiB of lines" lines 8388608
printf 'doc\t%s\n' "$unit" >"$T/rec"
recs() { yes "$(cat "$T/rec")" | head -c "$1"; }
( ulimit -v $LIMIT_KB && recs 4194304 | "$LEXPIPE" run --mapper -j 2 >"$T/m.tsv" 2>"$T/m.err"; exit $? )
check_eq "under 64 MiB: 4 MiB of mapper records, -j 2 (status, messages)" "0 " "$? $(head -c 300 "$T/m.err")"
recs 4194304 | "$LEXPIPE" run --mapper >"$T/m1.tsv"
check_file "under 64 MiB: mapper rows as without the limit" "$T/m1.tsv" "$T/m.tsv"
rm -f "$T/m.tsv" "$T/m1.tsv"
# the big ones: one run each, under the limit; rows counted, not kept
big() {
	_n=$1 _k=$2 _b=$3
	shift 3
	( ulimit -v $LIMIT_KB && gen "$_k" "$_b" | "$LEXPIPE" run "$@" 2>"$T/lim.err" | wc -l >"$T/rows"; exit $? )
	_rc=$?
	if [ $_rc -eq 0 ] && [ ! -s "$T/lim.err" ] && [ "$(cat "$T/rows")" -gt 1000 ]; then
		ok "under 64 MiB: $_n ($(cat "$T/rows") rows)"
	else
		notok "under 64 MiB: $_n" "status $_rc" "$(head -3 "$T/lim.err")"
	fi
}
if [ -n "$MEMCHECK_BIG" ]; then
	big "one line of 1 GiB" line 1073741824
	big "2 GiB of lines" lines 2147483648
	big "2 GiB of lines, -j 2" lines 2147483648 -j 2
fi

# 20,000 small files in one directory
mkdir "$T/many"
yes "Under article 5 of the Law, holding a rally is prohibited." | head -n 20000 | split -l 1 -a 5 - "$T/many/f"
n=$(ls "$T/many" | wc -l)
check_eq "20,000 files made" 20000 "$n"
"$LEXPIPE" run "$T/many" | cksum >"$T/free.sum"
for j in 1 2; do
	( ulimit -v $LIMIT_KB && "$LEXPIPE" run -j $j "$T/many" 2>"$T/lim.err" | cksum >"$T/lim.sum"; exit $? )
	rc=$?
	if [ $rc -eq 0 ] && cmp -s "$T/free.sum" "$T/lim.sum" && [ ! -s "$T/lim.err" ]; then
		ok "under 64 MiB: 20,000 files, -j $j"
	else
		notok "under 64 MiB: 20,000 files, -j $j" "status $rc" "$(head -3 "$T/lim.err")"
	fi
done

# the peak resident size, for the record (GNU time, when installed)
if [ -x /usr/bin/time ]; then
	for j in 1 2; do
		gen line 4194304 | /usr/bin/time -f "%M" -o "$T/rss" "$LEXPIPE" run -j $j >/dev/null
		echo "# peak RSS, one line of 4 MiB, -j $j: $(cat "$T/rss") KiB" >&2
	done
	/usr/bin/time -f "%M" -o "$T/rss" "$LEXPIPE" run -j 2 "$T/many" >/dev/null
	echo "# peak RSS, 20,000 files, -j 2: $(cat "$T/rss") KiB" >&2
fi
