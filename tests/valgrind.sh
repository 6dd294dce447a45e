#!/bin/sh
# valgrind.sh [BIN]: valgrind memcheck over iloscore; used by `make valgrind`. Runs
#   - `check` on the shipped data and on tests/data/mini,
#   - `check` on a few cases of the bad-input catalogue (the loader's error paths),
#   - -o over several files, -o onto a data file, score --sheet /dev/zero,
#   - every CLI test case of tests/cli/cases (every command, as run.sh runs it),
# each as `valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect`.
# A run passes when its exit code is the one its test expects (iloscore itself never exits with 1,
# so 1 means memcheck found an error or a leak). Prints valgrind's report for each failure, then
# "valgrind: N passed, N failed". Installs valgrind on Debian when it is missing.
set -u
bin=${1:-./iloscore}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
root=$(pwd)
if ! command -v valgrind >/dev/null 2>&1; then
    if [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        echo "iloscore: installing valgrind" >&2
        $sudo apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null || {
            echo "iloscore: could not install valgrind" >&2; exit 1; }
    else
        echo "iloscore: valgrind is missing; install it" >&2
        exit 1
    fi
fi
[ -x "$bin" ] || { echo "valgrind: $bin is not built" >&2; exit 2; }
vg="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$root/tests/valgrind.supp"
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

# run NAME WANT ARGS...: one run under memcheck, in the current folder.
run() {
    name=$1
    want=$2
    shift 2
    LC_ALL=C $vg --log-file="$T/vg.log" "$bin" "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" = "$want" ] && ! [ -s "$T/vg.log" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit code $got, expected $want"
        head -40 "$T/vg.log"
    fi
}

run check-shipped 0 check --data "$root"
run check-mini 0 check --data "$root/tests/data/mini"

for pat in empty-file syntax-double-equals binary-garbage-nul deep-nesting string-too-long type-weight-string \
    duplicate-criterion-same-file unknown-top-key-catalogue missing-provision-in-force several-errors-one-file \
    more-than-100-errors too-many-criteria op-on-item-of-other-country fuzz-string-where-a-name-belongs \
    scenario-adds-one-id-twice two-scenarios-add-one-id conflict-about-a-conflict published-sdg-above-ten; do
    for dir in "$root"/tests/bad/[0-9]*-"$pat"; do
        [ -d "$dir" ] || { echo "FAIL bad case *-$pat: not found"; fail=$((fail + 1)); continue; }
        rm -rf "$T/data"
        cp -R "$root/tests/data/mini" "$T/data"
        target="$T/data/$(cat "$dir/file")"
        if [ -f "$dir/make.sh" ]; then
            (cd "$dir" && sh ./make.sh "$target" "$T/data") >/dev/null 2>&1
        else
            cp "$dir/content.cfg" "$target"
        fi
        run "bad/$(basename "$dir")" "$(cat "$dir/rc")" check --data "$T/data"
    done
done

# -o as one transaction (several outputs over existing files), an output refused because it is a
# data file, and a coding sheet that is not text.
mkdir -p "$T/o" && echo old >"$T/o/a.json"
run output-three-files 0 --data "$root/tests/data/report" assess XRA -o "$T/o/a.json" -o "$T/o/b.md" -o "$T/o/c.csv"
rm -rf "$T/d" && cp -R "$root/tests/data/report" "$T/d"
run output-data-file 4 --data "$T/d" assess XRA --format json -o "$T/d/countries/XRA.cfg"
run sheet-dev-zero 3 --data "$root/tests/data/mini" score --sheet /dev/zero --method ev

for dir in "$root"/tests/cli/cases/*/; do
    name=$(basename "$dir")
    C=$(mktemp -d "$T/case.XXXXXX")
    if [ -f "$dir/setup" ] && ! (T=$C ROOT=$root sh "$dir/setup") >/dev/null 2>&1; then
        echo "FAIL cli/$name: setup failed"
        fail=$((fail + 1))
        continue
    fi
    set --
    if [ -f "$dir/args" ]; then
        while IFS= read -r a || [ -n "$a" ]; do
            set -- "$@" "$(printf '%s' "$a" | sed "s|@T@|$C|g")"
        done <"$dir/args"
    fi
    want=0
    [ -f "$dir/rc" ] && want=$(cat "$dir/rc")
    run "cli/$name" "$want" "$@"
done

echo "valgrind: $pass passed, $fail failed"
[ "$fail" = 0 ]
