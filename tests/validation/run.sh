#!/bin/sh
# Tests of tools/validation.c: its output on the fixture tests/data/val against
# tests/validation/val.md (the figures worked out by hand below), and its exit codes. Prints one line per failure and
# ends with "N passed, N failed".
#
# The fixture, by hand (score = raw x 10 / 95, two decimals, half up):
#   XVA: a law provision (1.78) reported by a CEACR text of 2016; an arrest (1.95) of May-June 2017
#   reported by a CFA text of 2018; a dismissal (1.80) of February-March 2017 reported by an NGO.
#   ev (a text codes its own year): 2015 0.00, 2016 0.19, 2017 0.00, 2018 0.21.
#   cf (carry-forward):             2015 0.00, 2016 0.19, 2017 0.19, 2018 0.39 (1.78 + 1.95).
#   Vintage val-a 0.5, 0.50, 0.5, 1.2 (2015-2018): ev errors -0.50 -0.31 -0.50 -0.99, mean
#   absolute 2.30 / 4 = 0.58 (0.575 half up); cf -0.50 -0.31 -0.31 -0.81, 1.93 / 4 = 0.48.
#   Directions (published: flat, flat, up): ev up, down, up: 1 of 3; cf up, flat, up: 2 of 3.
#   Vintage val-b 2 (2016), 1 (2018): no consecutive years, 0 of 0; ev 2.60 / 2 = 1.30, cf 1.21.
#   all (occurrence, NGO admissible): 2016 0.19 (band 1, ITUC 1: same), 2017 0.58 (1.78 + 1.95
#   + 1.80 = 5.53; band 1, ITUC 3: lower), 2018 0.19 (ten worst, no rating: below the top band).
#   XVB has no published figure; ZZA has figures and no profile: not shown.
set -u
bin=${1:-build/tools/validation}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL validation: $1"; fail=$((fail+1)); }

"$bin" tests/data/val --ituc all --backtest tests/validation/backtest-part.md ev cf >"$T/out" 2>"$T/err"
rc=$?
if [ $rc = 0 ] && [ ! -s "$T/err" ] && cmp -s "$T/out" tests/validation/val.md; then ok; else
    bad "fixture output differs from tests/validation/val.md (rc $rc)"; diff tests/validation/val.md "$T/out" | head -20; fi
"$bin" tests/data/val --ituc all --backtest tests/validation/backtest-part.md ev cf >"$T/again" 2>&1
if cmp -s "$T/out" "$T/again"; then ok; else bad "two runs differ"; fi
LC_ALL=de_DE.UTF-8 "$bin" tests/data/val --ituc all --backtest tests/validation/backtest-part.md ev cf >"$T/de" 2>/dev/null
if cmp -s "$T/out" "$T/de"; then ok; else bad "output depends on the locale"; fi

# expect RC STDERR ARGS...: the exit code and the exact standard error, nothing on standard output.
expect() {
    want_rc=$1; want_err=$2; shift 2
    "$bin" "$@" >"$T/o" 2>"$T/e"
    got=$?
    if [ $got = "$want_rc" ] && [ "$(cat "$T/e")" = "$want_err" ] && [ ! -s "$T/o" ]; then ok; else
        bad "$* -> rc $got (want $want_rc), stderr: $(cat "$T/e")"; fi
}
usage="usage: validation DIR [--ituc METHOD] [--backtest FILE] READING... (1 to 4 readings)"
expect 2 "$usage" tests/data/val
expect 2 "$usage" tests/data/val --ituc all
expect 2 "$usage" tests/data/val ev cf ev cf ev
expect 5 'validation: unknown method "nope"' tests/data/val ev nope
expect 5 'validation: unknown method "nope"' tests/data/val --ituc nope ev
expect 3 "validation: tests/data/val/none/criteria:0: cannot open folder: No such file or directory
validation: tests/data/val/none/criteria/methods:0: cannot open folder: No such file or directory" tests/data/val/none ev
# A back-test file that cannot be read: exit 4 after the generated part (which is discarded by
# the Makefile's temporary file).
"$bin" tests/data/val --backtest "$T/missing.md" ev >/dev/null 2>"$T/e"
got=$?
if [ $got = 4 ] && [ "$(cat "$T/e")" = "validation: $T/missing.md: cannot be read" ]; then ok; else
    bad "missing back-test file -> rc $got, stderr: $(cat "$T/e")"; fi
echo "validation: $pass passed, $fail failed"
[ $fail = 0 ]
