#!/bin/sh
# CLI tests as data. Each folder tests/cli/cases/NAME holds:
#   args      the arguments after `iloscore`, one per line (run from the repository root)
#   stdout    expected standard output, exactly (optional: absent means not checked)
#   stderr    expected standard error, exactly (optional: absent means it must be empty)
#   rc        expected exit code (default 0)
#   setup     optional shell script run first, in the case's scratch folder $T (e.g. to build a
#             broken data tree); the placeholders @T@ in args are replaced by that folder.
# Prints one line per failure and ends with "N passed, N failed".
set -u
bin=${1:-./iloscore}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
pass=0; fail=0
root=$(pwd)
for dir in tests/cli/cases/*/; do
    name=$(basename "$dir")
    T=$(mktemp -d)
    export T ROOT="$root"
    if [ -f "$dir/setup" ] && ! sh "$dir/setup" >"$T/.setup.log" 2>&1; then
        echo "FAIL $name: setup failed: $(cat "$T/.setup.log")"; fail=$((fail+1)); rm -rf "$T"; continue
    fi
    set --
    if [ -f "$dir/args" ]; then
        while IFS= read -r a || [ -n "$a" ]; do
            a=$(printf '%s' "$a" | sed "s|@T@|$T|g")
            set -- "$@" "$a"
        done < "$dir/args"
    fi
    LC_ALL=C "$bin" "$@" >"$T/.out" 2>"$T/.err"
    got=$?
    want=0; [ -f "$dir/rc" ] && want=$(cat "$dir/rc")
    ok=1
    if [ "$got" != "$want" ]; then echo "FAIL $name: exit code $got, expected $want"; ok=0; fi
    if [ -f "$dir/stdout" ] && ! sed "s|@T@|$T|g" "$dir/stdout" | cmp -s - "$T/.out"; then
        echo "FAIL $name: stdout differs:"; sed "s|@T@|$T|g" "$dir/stdout" | diff - "$T/.out" | head -20; ok=0
    fi
    if [ -f "$dir/stderr" ]; then
        if ! sed "s|@T@|$T|g" "$dir/stderr" | cmp -s - "$T/.err"; then
            echo "FAIL $name: stderr differs:"; sed "s|@T@|$T|g" "$dir/stderr" | diff - "$T/.err" | head -20; ok=0
        fi
    elif [ -s "$T/.err" ]; then
        echo "FAIL $name: unexpected stderr:"; head -5 "$T/.err"; ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
    rm -rf "$T"
done
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
