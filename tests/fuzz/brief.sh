#!/bin/sh
# brief.sh TOP SECONDS [keep] - run every libFuzzer harness built in
# build/fuzz/ for SECONDS each, from its seeds and reproducers
# (tests/fuzz/seeds/NAME, tests/fuzz/regress/NAME, read only) and a corpus
# it grows: with "keep" (make fuzz) build/fuzz/corpus/NAME, kept from run to
# run; else (make check) a fresh one, so the brief run stays brief.  Prints "ok - ..." or
# "not ok - ..." per harness, as tests/run.sh expects; a crash is saved as
# build/fuzz/NAME-crash-* to be minimized and kept in tests/fuzz/regress/NAME.
TOP=$1 S=${2:-5} KEEP=$3
cd "$TOP" || exit 2
rc=0
tmp=
[ "$KEEP" = keep ] || { tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT INT TERM; }
for bin in build/fuzz/fuzz-*; do
	[ -x "$bin" ] || continue
	name=${bin#build/fuzz/fuzz-}
	corpus=${tmp:-build/fuzz/corpus}/$name
	mkdir -p "$corpus"
	dict=
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	log="build/fuzz/$name.log"
	# -timeout: an input that runs 10 s is a hang; -rss_limit_mb: memory is bounded
	"$bin" -max_total_time="$S" -timeout=10 -rss_limit_mb=1024 -max_len=8192 \
	    -print_final_stats=1 -artifact_prefix="build/fuzz/$name-" $dict \
	    "$corpus" "tests/fuzz/seeds/$name" "tests/fuzz/regress/$name" >"$log" 2>&1
	st=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $st -eq 0 ]; then
		echo "ok - fuzz $name: ${runs:-?} inputs in ${S}s, no failure"
	else
		echo "not ok - fuzz $name: failed after ${runs:-?} inputs (status $st; $log)"
		grep -E 'ERROR|invariant failed|SUMMARY|Test unit written' "$log" | head -5 >&2
		rc=1
	fi
done
exit $rc
