#!/bin/sh
# bench.sh LEXPIPE - `make bench`: the throughput of every lexpipe stage,
# measured in the same run as the tools a user would otherwise reach for.
#
#   BENCH_MB=200    corpus size in MB (the generator's output is cached)
#   BENCH_REPS=3    runs of each command; the table shows the median
#   BENCH_DIR=...   where the corpus lives (default build/bench)
#
# The corpus is tests/bench/gen.awk's: documents of English, Russian and
# Kazakh legal prose from its own templates, about one sentence in six with
# a statute reference or restrictive wording.  The machine may be shared and
# noisy, so every number is a median and the ratios compare commands of the
# same run.  MB is 10^6 bytes of each command's input; every lexpipe stage
# runs on one core except the `-j 2` row.
TOP=$(cd "$(dirname "$0")/.." && pwd)
LEXPIPE=${1:-$TOP/lexpipe}
case $LEXPIPE in /*) ;; *) LEXPIPE=$(pwd)/$LEXPIPE ;; esac
MB=${BENCH_MB:-200}
REPS=${BENCH_REPS:-3}
DIR=${BENCH_DIR:-$TOP/build/bench}
export LEXPIPE_PATTERNS="${LEXPIPE_PATTERNS:-$TOP/patterns}"
export LC_ALL=C.UTF-8

# article references in the three languages, as a pcre2grep user would write them
REFS_RE='(*UCP)(?i)\b(?:art(?:icle|\.)\s*\d+(?:-\d+)*|стать(?:я|и|е|ю|ей)\s*\d+(?:-\d+)*|ст\.\s*\d+(?:-\d+)*|\d+(?:-\d+)*-(?:бап|баб)\w*)'

die() { echo "bench: $*" >&2; exit 2; }
for tool in iconv uconv pcre2grep awk; do
	command -v $tool >/dev/null 2>&1 || die "$tool is missing (make bench-deps installs it)"
done
[ -x "$LEXPIPE" ] || die "$LEXPIPE: not executable"

# ---- the corpus, generated once per size and generator version ----
gv=$(cksum <"$TOP/tests/bench/gen.awk" | cut -d' ' -f1)
C=$DIR/$MB-$gv
if [ ! -f "$C/done" ]; then
	echo "bench: generating a $MB MB corpus in $C" >&2
	rm -rf "$C" && mkdir -p "$C/docs" || die "cannot create $C"
	# C locale: awk counts bytes, and every awk writes the same corpus
	LC_ALL=C awk -v MB="$MB" -v DIR="$C/docs" -f "$TOP/tests/bench/gen.awk" >"$C/list" || die "generator failed"
	xargs cat <"$C/list" >"$C/corpus.txt"
	# windows-1251 has no Kazakh letters: the Russian and English documents only
	grep -v -- '-kk\.txt$' "$C/list" | xargs cat >"$C/ruen.txt"
	iconv -f UTF-8 -t CP1251 <"$C/ruen.txt" >"$C/ruen.cp1251" || die "iconv to CP1251 failed"
	touch "$C/done"
fi
# stage inputs made by this build (not timed)
"$LEXPIPE" norm "$C/corpus.txt" >"$C/corpus.rec" || die "norm failed"
"$LEXPIPE" tag <"$C/corpus.rec" >"$C/corpus.tagged" || die "tag failed"

size() { wc -c <"$1" | tr -d ' '; }
S_CORPUS=$(size "$C/corpus.txt")
S_CP=$(size "$C/ruen.cp1251")
S_REC=$(size "$C/corpus.rec")
S_TAGGED=$(size "$C/corpus.tagged")
ndocs=$(wc -l <"$C/list" | tr -d ' ')

now() { date +%s%N; }
# bench NAME BYTES INPUT-NAME CMD: run CMD (a shell string) REPS times;
# appends "NAME BYTES INPUT median-wall-seconds median-cpu-seconds" to
# $C/results.  CPU is user + system time of the command and its children
# (the shell's `times`): on a busy machine it still shows one core's speed.
: >"$C/results"
bench() {
	_name=$1 _bytes=$2 _in=$3 _cmd=$4 _i=0 _ts= _cs=
	while [ $_i -lt "$REPS" ]; do
		_s=$(now)
		_c=$(sh -c "$_cmd >/dev/null || echo failed >&2; times" | tail -1 |
			awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
		_e=$(now)
		_ts="$_ts $((_e - _s))"
		_cs="$_cs $_c"
		_i=$((_i + 1))
	done
	_med=$(printf '%s\n' $_ts | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] / 1e9 }')
	_cmed=$(printf '%s\n' $_cs | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }')
	printf '%s\t%s\t%s\t%s\t%s\n' "$_name" "$_bytes" "$_in" "$_med" "$_cmed" >>"$C/results"
	printf '  %-34s %8.3f s  (cpu %.3f s)\n' "$_name" "$_med" "$_cmed" >&2
}

echo "bench: $REPS runs each over $MB MB ($ndocs documents); patterns: $LEXPIPE_PATTERNS ($(ls "$LEXPIPE_PATTERNS" | tr '\n' ' '))" >&2
q=$(printf '%s' "$C")
bench "cat | cat (pipe limit)" "$S_CORPUS" corpus "cat '$q/corpus.txt' | cat"
bench "iconv -f CP1251 -t UTF-8" "$S_CP" ru+en.cp1251 "iconv -f CP1251 -t UTF-8 '$q/ruen.cp1251'"
bench "uconv -x any-nfc" "$S_CORPUS" corpus "uconv -f UTF-8 -t UTF-8 -x any-nfc '$q/corpus.txt'"
bench "pcre2grep -o -u (refs regex)" "$S_CORPUS" corpus "pcre2grep -o -u '$REFS_RE' '$q/corpus.txt'"
bench "lexpipe norm" "$S_CORPUS" corpus "'$LEXPIPE' norm '$q/corpus.txt'"
bench "lexpipe norm --from CP1251" "$S_CP" ru+en.cp1251 "'$LEXPIPE' norm --from CP1251 '$q/ruen.cp1251'"
bench "lexpipe tag" "$S_REC" records "'$LEXPIPE' tag <'$q/corpus.rec'"
bench "lexpipe tsv" "$S_TAGGED" tagged "'$LEXPIPE' tsv <'$q/corpus.tagged'"
bench "lexpipe run" "$S_CORPUS" corpus "'$LEXPIPE' run '$q/corpus.txt'"
bench "lexpipe run -j 2 (one file)" "$S_CORPUS" corpus "'$LEXPIPE' run -j 2 '$q/corpus.txt'"
bench "lexpipe norm | tag | tsv" "$S_CORPUS" corpus "'$LEXPIPE' norm '$q/corpus.txt' | '$LEXPIPE' tag | '$LEXPIPE' tsv"
bench "lexpipe run -j 1 (docs/)" "$S_CORPUS" "$ndocs files" "'$LEXPIPE' run -j 1 '$q/docs'"
bench "lexpipe run -j 2 (docs/)" "$S_CORPUS" "$ndocs files" "'$LEXPIPE' run -j 2 '$q/docs'"

# ---- the table ----
echo
echo "## lexpipe bench: $MB MB corpus, medians of $REPS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
awk -F '\t' '
	{ name[NR] = $1; bytes[NR] = $2; input[NR] = $3; sec[NR] = $4; cpu[NR] = $5
	  mbs[NR] = $4 > 0 ? $2 / 1e6 / $4 : 0
	  mbc[NR] = $5 > 0 ? $2 / 1e6 / $5 : 0
	  if ($1 ~ /^pcre2grep/) { grep = mbs[NR]; grepc = mbc[NR] }
	  if ($1 ~ /^uconv/) { uconv = mbs[NR]; uconvc = mbc[NR] }
	  if ($1 == "lexpipe run") run1 = $4
	  if ($1 ~ /-j 2 \(one file/) runb = $4
	  if ($1 ~ /-j 1 \(docs/) j1 = $4
	  if ($1 ~ /-j 2 \(docs/) j2 = $4 }
	END {
		printf "| %-34s | %-14s | %7s | %8s | %8s | %9s | %11s |\n", "command", "input", "MB", "wall s", "MB/s", "cpu s", "MB/cpu-s"
		printf "|%s|%s|%s|%s|%s|%s|%s|\n", "------------------------------------", "----------------", "--------:", "---------:", "---------:", "----------:", "------------:"
		for (i = 1; i <= NR; i++)
			printf "| %-34s | %-14s | %7.1f | %8.3f | %8.1f | %9.3f | %11.1f |\n", name[i], input[i], bytes[i] / 1e6, sec[i], mbs[i], cpu[i], mbc[i]
		print ""
		for (i = 1; i <= NR; i++)
			if (name[i] ~ /^lexpipe (norm|run)$/) {
				printf "%s: %.2fx pcre2grep (cpu: %.2fx)", name[i], grep ? mbs[i] / grep : 0, grepc ? mbc[i] / grepc : 0
				if (name[i] ~ /norm/) printf ", %.2fx uconv (cpu: %.2fx)", uconv ? mbs[i] / uconv : 0, uconvc ? mbc[i] / uconvc : 0
				print ""
			}
		if (run1 && runb)
			printf "lexpipe run -j 2 over one file (blocks): %.2fx the speed of run (wall clock)\n", run1 / runb
		if (j1 && j2)
			printf "lexpipe run -j 2 over %s: %.2fx the speed of -j 1 (wall clock)\n", input[NR], j1 / j2
	}' "$C/results"

# the normalizer's own comparison with uconv, when it is there
if [ -f "$TOP/tests/bench-norm.sh" ]; then
	echo
	echo "## tests/bench-norm.sh"
	sh "$TOP/tests/bench-norm.sh" "$LEXPIPE" "$MB"
fi
