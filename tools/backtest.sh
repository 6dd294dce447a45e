#!/bin/sh
# tools/backtest.sh: replays each labour-rights trade decision recorded in criteria/regimes/ with
# the evidence published by the day before it, and prints what the tool would have said (the
# concern levels of the country's brief under the decision's regime) next to what was decided.
# The work is done by build/tools/backtest (tools/backtest.c, on the engine API); this script
# writes its Markdown and prints the summary table.
#
# Usage: sh tools/backtest.sh [BACKTEST_BIN [DATA_DIR [OUT]]]
#   defaults: build/tools/backtest, the current folder, docs/backtest.md
# `make validation` (or `make backtest`) regenerates docs/backtest.md; `make check` runs it into
# build/backtest.md and fails when docs/backtest.md is out of date (a country profile added since,
# for instance).
# A country whose profile is absent is listed as skipped; it is replayed as soon as
# countries/CODE.cfg exists. tools/validation.c copies the section into docs/validation.md
# (`make validation` regenerates both files).
set -eu
bin=${1:-build/tools/backtest}
data=${2:-.}
out=${3:-docs/backtest.md}
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT INT TERM
if ! "$bin" "$data" >"$tmp"; then
    echo "backtest: failed on $data" >&2
    exit 1
fi
mv "$tmp" "$out"
echo "backtest: wrote $out"
sed -n '/^### Summary/,$p' "$out"
