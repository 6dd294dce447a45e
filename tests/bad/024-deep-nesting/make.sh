# 10,000 nested groups (country = { a = { a = ... }; }): refused before libconfig's parser sees them.
awk 'BEGIN { printf "country = "; for (i = 0; i < 10000; i++) printf "{ a = "; printf "1"; for (i = 0; i < 10000; i++) printf "; }"; print ";" }' > "$1"
