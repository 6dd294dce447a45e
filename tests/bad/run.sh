#!/bin/sh
# The bad-input catalogue: every rule of docs/data-format.md broken once, plus hostile files.
# Each folder tests/bad/NNN-name holds:
#   file         the path, inside a copy of tests/data/mini, that the case replaces or adds
#   content.cfg  the bad file, copied to that path; or instead
#   make.sh      a script that makes it, run from the case folder as `sh make.sh PATH DATA` (PATH:
#                the absolute path of `file` in the copy, DATA: the copy), for inputs too big or too
#                odd to keep in the tree (a 100 MB file, a FIFO, links, deep nesting, long lists)
#   stderr       the exact expected standard error; @D@ stands for the copy's folder
#   rc           the expected exit code
# Each case runs `iloscore check --data COPY`; standard output must be empty. A run that takes
# more than 20 seconds (a hang) or dies of a signal is a failure.
# Usage: sh tests/bad/run.sh [BIN [CASE...]]; prints one line per failure, then
# "bad: N passed, N failed", and exits non-zero on any failure.
set -u
bin=${1:-./iloscore}
[ $# -gt 0 ] && shift
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
root=$(pwd)
mini="$root/tests/data/mini"
if [ ! -x "$bin" ] || [ ! -d "$mini" ]; then
    echo "bad: run from the repository root after building ($bin, $mini)" >&2
    exit 2
fi
if command -v timeout >/dev/null 2>&1; then limit="timeout 20"; else limit=""; fi
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
D="$T/data"
if [ $# -gt 0 ]; then
    cases=""
    for c in "$@"; do cases="$cases $root/tests/bad/$c/"; done
else
    cases=$(ls -d "$root"/tests/bad/[0-9]*/)
fi
for dir in $cases; do
    dir=${dir%/}
    name=${dir##*/}
    rm -rf "$D" "$T/out" "$T/err" "$T/want"
    cp -R "$mini" "$D"
    read -r rel <"$dir/file"
    target="$D/$rel"
    why=""
    if [ -f "$dir/make.sh" ]; then
        (cd "$dir" && sh ./make.sh "$target" "$D") >"$T/setup.log" 2>&1 || why="make.sh failed: $(head -3 "$T/setup.log")"
    elif [ -f "$dir/content.cfg" ]; then
        { [ -d "${target%/*}" ] || mkdir -p "${target%/*}"; } && cp "$dir/content.cfg" "$target" || why="cannot copy content.cfg"
    else
        why="neither content.cfg nor make.sh"
    fi
    if [ -z "$why" ]; then
        LC_ALL=C $limit "$bin" check --data "$D" >"$T/out" 2>"$T/err"
        got=$?
        want="(no rc file)"
        [ -f "$dir/rc" ] && read -r want <"$dir/rc"
        sed "s|@D@|$D|g" "$dir/stderr" >"$T/want" 2>/dev/null || why="no stderr file"
        if [ "$got" -ge 124 ]; then
            why="crashed, hung or was killed (exit code $got)"
        elif [ "$got" != "$want" ]; then
            why="exit code $got, expected $want"
        elif [ -z "$why" ] && ! cmp -s "$T/want" "$T/err"; then
            why="stderr differs:
$(diff "$T/want" "$T/err" | head -10)"
        elif [ -s "$T/out" ]; then
            why="unexpected standard output: $(head -3 "$T/out")"
        fi
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: $why"
    fi
done
echo "bad: $pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
