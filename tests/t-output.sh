#!/bin/sh
# t-output.sh - output failures: a full disk, a file size limit, a closed
# pipe and an interrupt each end the run with the right status, and with
# -o FILE leave either the whole output or FILE as it was (never half a file,
# never a temporary file).
. "$(dirname "$0")/lib.sh"
case $LEXPIPE in /*) ;; *) LEXPIPE=$(pwd)/$LEXPIPE ;; esac
cd "$T" || exit 2

mkdir -p pat/mine dest
cat >pat/mine/a.pat <<'EOF'
rule mine.article
kind ref
label article
regex (?<m>Article \d+)
example see Article 4 => article
EOF
export LEXPIPE_PATTERNS="$T/pat"
printf 'Article 44 applies, and Article 45.\n\nArticle 46 too.\n' >small.txt
# about 3 MB of text: more than any pipe or stdio buffer holds
awk 'BEGIN { for (i = 1; i <= 40000; i++) printf "Line %d cites Article %d of the Law on Elections.\n", i, i }' >big.txt

# no temporary file is left in DIR: "none", or their names
leftovers() { # DIR
	l=$(ls -A "$1" | grep '^\.' | paste -sd' ')
	echo "${l:-none}"
}

# --- -o FILE when all goes well ---

"$LEXPIPE" run --set mine small.txt >want.tsv
check_rc "run -o: status 0" 0 "$LEXPIPE" run --set mine -o dest/rows.tsv small.txt
check_file "run -o: FILE holds what stdout would" want.tsv dest/rows.tsv
check_eq "run -o: nothing on stdout" "" "$(cat "$T/out")"
check_eq "run -o: no temporary file left" none "$(leftovers dest)"
check_eq "run -o: FILE is made as the shell would (umask 022)" "-rw-r--r--" \
	"$(umask 022; "$LEXPIPE" run --set mine -o dest/m.tsv small.txt; ls -l dest/m.tsv | cut -c1-10)"
"$LEXPIPE" norm small.txt >want.rec
check_rc "norm -o: status 0" 0 "$LEXPIPE" norm -o dest/s.rec small.txt
check_file "norm -o: FILE holds what stdout would" want.rec dest/s.rec
"$LEXPIPE" tag mine <want.rec >want.tag
check_rc "tag --output: status 0" 0 "$LEXPIPE" tag --output dest/s.tag mine <want.rec
check_file "tag --output: FILE holds what stdout would" want.tag dest/s.tag
check_rc "tsv -o: status 0" 0 "$LEXPIPE" tsv -o dest/s.tsv dest/s.tag
check_file "tsv -o: FILE holds what stdout would" want.tsv dest/s.tsv
check_rc "run -o -: stdout" 0 "$LEXPIPE" run --set mine -o - small.txt
check_file "run -o -: stdout holds the rows" want.tsv "$T/out"
check_rc "patterns does not take -o" 2 "$LEXPIPE" patterns --check -o x "$T/pat"

# an existing FILE is replaced whole
printf 'old\n' >dest/keep.tsv
"$LEXPIPE" run --set mine -o dest/keep.tsv small.txt
check_file "run -o over an old FILE: replaced" want.tsv dest/keep.tsv

# --- -o FILE when the run fails ---

printf 'old\n' >dest/keep.tsv
check_rc "patterns that do not load: status 2" 2 "$LEXPIPE" run --set nosuchset -o dest/keep.tsv small.txt
check_eq "patterns that do not load: the old FILE is kept" old "$(cat dest/keep.tsv)"
check_eq "patterns that do not load: no temporary file left" none "$(leftovers dest)"
check_rc "no readable input: status 2" 2 "$LEXPIPE" norm -o dest/keep.tsv missing.txt
check_eq "no readable input: the old FILE is kept" old "$(cat dest/keep.tsv)"
check_rc "one unreadable input of two: status 2" 2 "$LEXPIPE" run --set mine -o dest/part.tsv missing.txt small.txt
check_file "one unreadable input of two: FILE has the other's rows" want.tsv dest/part.tsv
check_rc "-o in a missing directory: status 2" 2 "$LEXPIPE" run --set mine -o nodir/x.tsv small.txt
check_eq "-o in a missing directory: message" \
	"lexpipe: nodir/x.tsv: cannot create a temporary file beside it: No such file or directory" "$(cat "$T/err")"

# a file size limit: writes fail with EFBIG part-way through (SIGXFSZ ignored)
printf 'old\n' >dest/keep.tsv
check_rc "file too large: status 2" 2 sh -c "trap '' XFSZ; ulimit -f 64; exec \"$LEXPIPE\" run --set mine -o dest/keep.tsv big.txt"
check_eq "file too large: message" "lexpipe: write error: File too large" "$(cat "$T/err")"
check_eq "file too large: the old FILE is kept, whole" old "$(cat dest/keep.tsv)"
check_eq "file too large: no temporary file left" none "$(leftovers dest)"

# --- full disks and closed pipes, on stdout ---

if [ -w /dev/full ]; then
	for c in norm run; do
		check_rc "$c > /dev/full: status 2" 2 sh -c "exec \"$LEXPIPE\" $c big.txt >/dev/full"
		check_eq "$c > /dev/full: one message" "lexpipe: write error: No space left on device" "$(cat "$T/err")"
	done
	"$LEXPIPE" norm big.txt >big.rec
	check_rc "tag > /dev/full: status 2" 2 sh -c "exec \"$LEXPIPE\" tag mine <big.rec >/dev/full"
	check_eq "tag > /dev/full: one message" "lexpipe: write error: No space left on device" "$(cat "$T/err")"
	"$LEXPIPE" tag mine <big.rec >big.tag
	check_rc "tsv > /dev/full: status 2" 2 sh -c "exec \"$LEXPIPE\" tsv big.tag >/dev/full"
	check_eq "tsv > /dev/full: one message" "lexpipe: write error: No space left on device" "$(cat "$T/err")"
	check_rc "a short stdout: status 2 even when small" 2 sh -c "exec \"$LEXPIPE\" run --set mine small.txt >/dev/full"
fi

# a reader that goes away: the writer ends quietly, killed by SIGPIPE like
# cat; every line the reader took is a whole row
for c in "norm big.txt" "run --set mine big.txt"; do
	{ "$LEXPIPE" $c 2>pipe.err; echo $? >pipe.rc; } | head -3 >pipe.out
	check_eq "$c | head -3: quiet" "" "$(cat pipe.err)"
	check_eq "$c | head -3: status 141 (SIGPIPE)" 141 "$(cat pipe.rc)"
	check_eq "$c | head -3: three whole lines" 3 "$(awk 'END { print NR }' pipe.out)"
done
{ "$LEXPIPE" tsv big.tag 2>pipe.err; echo $? >pipe.rc; } | head -c 100000 >pipe.out
check_eq "tsv | head -c: quiet" "" "$(cat pipe.err)"
check_eq "tsv | head -c: status 141 (SIGPIPE)" 141 "$(cat pipe.rc)"

# --- interrupts: the run is stopped while it waits for input ---

# interrupt SIG: start `run -o` reading a FIFO, send SIG, check what is left
interrupt() { # SIG
	rm -f in.fifo
	mkfifo in.fifo
	printf 'old\n' >dest/keep.tsv
	env $envflag "$LEXPIPE" run --set mine -o dest/keep.tsv in.fifo 2>int.err &
	pid=$!
	exec 3>in.fifo
	printf 'Article 1 is read.\n' >&3
	# wait until the temporary file exists: the run has started
	i=0
	while [ "$(leftovers dest)" = none ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	kill -"$1" $pid
	wait $pid
	rc=$?
	exec 3>&-
	echo "$rc $(cat dest/keep.tsv) $(leftovers dest)"
}
envflag=
check_eq "SIGTERM: status 143, the old FILE kept, no temporary file" "143 old none" "$(interrupt TERM)"
check_eq "SIGHUP: status 129, the old FILE kept, no temporary file" "129 old none" "$(interrupt HUP)"
# a non-interactive shell starts background jobs with SIGINT ignored (and
# lexpipe keeps it ignored, as sort does); env gives it back its default
if env --default-signal=INT true 2>/dev/null; then
	envflag=--default-signal=INT
	check_eq "SIGINT: status 130, the old FILE kept, no temporary file" "130 old none" "$(interrupt INT)"
fi
