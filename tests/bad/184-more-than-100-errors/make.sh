# 150 sources with an unknown kind: 100 errors are listed, then a count of the rest.
awk 'BEGIN { print "country = { code = \"XAB\"; name = \"B\"; region = \"R\"; };"; print "sources = ("; for (i = 1; i <= 150; i++) printf "  { id = \"xab-%d\"; publisher = \"P\"; kind = \"blog\"; title = \"T\"; date = \"2019\"; }%s\n", i, i < 150 ? "," : ""; print ");" }' > "$1"
