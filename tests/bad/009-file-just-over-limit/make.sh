# One byte over the 16 MiB limit.
truncate -s 16777217 "$1"
