#!/bin/sh
# Truncation test: a valid file of tests/data/mini cut at every length 0..size-1, each loaded by
# `iloscore check` in a copy of the tree. No cut may crash or hang the program: the exit code
# must be 0 (a cut that is still valid, e.g. inside a trailing comment) or 3 (invalid data),
# standard error must be empty on 0 and otherwise made only of lines that start "iloscore: ".
# Usage: sh tests/bad/truncate.sh [BIN [FILE...]]   (FILE: paths inside tests/data/mini;
# default scenarios/s.cfg: strings, lists, nested groups, dates). Prints one line per failure (at most 20),
# then "truncate: N passed, N failed"; exits non-zero on any failure.
set -u
bin=${1:-./iloscore}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- scenarios/s.cfg
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
mini="$(pwd)/tests/data/mini"
if [ ! -x "$bin" ] || [ ! -d "$mini" ]; then
    echo "truncate: run from the repository root after building ($bin, $mini)" >&2
    exit 2
fi
# A cut that sent the program into a loop is stopped by a CPU-time limit (SIGXCPU: a failure),
# cheaper than a timeout process per run.
ulimit -t 20 2>/dev/null
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
for rel in "$@"; do
    rm -rf "$T/data"
    cp -R "$mini" "$T/data"
    orig="$mini/$rel"
    size=$(wc -c <"$orig")
    n=0
    while [ "$n" -lt "$size" ]; do
        head -c "$n" "$orig" >"$T/data/$rel"
        LC_ALL=C "$bin" check --data "$T/data" >/dev/null 2>"$T/err"
        rc=$?
        why=""
        if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
            why="exit code $rc"
        elif [ "$rc" = 0 ] && [ -s "$T/err" ]; then
            why="exit code 0 with a message: $(head -1 "$T/err")"
        elif [ "$rc" = 3 ] && ! [ -s "$T/err" ]; then
            why="exit code 3 without a message"
        else
            while IFS= read -r line; do
                case "$line" in
                "iloscore: "*) ;;
                *) why="a message without the 'iloscore: ' prefix: $line" && break ;;
                esac
            done <"$T/err"
        fi
        if [ -z "$why" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            [ "$fail" -le 20 ] && echo "FAIL $rel cut at $n bytes: $why"
        fi
        n=$((n + 1))
    done
done
echo "truncate: $pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
