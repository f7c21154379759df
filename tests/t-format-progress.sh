#!/bin/sh
# t-format-progress.sh - `run` shows progress on stderr when it is a
# terminal (files, MB, MB/s, time left; erased at the end) and writes
# nothing there otherwise; the rows are the same either way.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

"$LEXPIPE" run corpus >"$T/rows" 2>"$T/err"
check_eq "not a terminal: nothing on stderr" "" "$(cat "$T/err")"
if ! script -qec true /dev/null >/dev/null 2>&1; then
	echo "t-format-progress: no pseudo-terminal (script): terminal checks not run" >&2
	exit 0
fi
n=$(find corpus -type f | wc -l | tr -d ' ')
script -qec "\"$LEXPIPE\" run corpus >\"$T/rows.tty\"" /dev/null >"$T/tty" 2>&1
check_grep "terminal: files done of all, MB, MB/s, time left" "lexpipe: [0-9]+/$n files, [0-9.]+/[0-9.]+ MB, [0-9.]+ MB/s, [0-9]+:[0-9]{2} left" "$T/tty"
check_eq "terminal: the line is erased at the end" "$(printf '\r\033[K')" "$(tail -c 4 "$T/tty")"
check_file "terminal: the same rows" "$T/rows" "$T/rows.tty"
script -qec "\"$LEXPIPE\" run - <corpus/en/ngo-letter.utf8.txt >/dev/null" /dev/null >"$T/tty.stdin" 2>&1
check_grep "terminal, stdin: no total, no time left" "lexpipe: 1 files, [0-9.]+ MB, [0-9.]+ MB/s" "$T/tty.stdin"
