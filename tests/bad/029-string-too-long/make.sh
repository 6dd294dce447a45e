# A summary of 5000 bytes (the limit is 4096), written over the copy of XAA.cfg.
awk 'BEGIN { s = ""; for (i = 0; i < 5000; i++) s = s "x"; } { sub(/Strikes are banned\./, s); print }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
