# 100,001 conventions examined by one source (the limit is 100,000 entries).
awk 'BEGIN { print "country = { code = \"XAB\"; name = \"B\"; region = \"R\"; };"; printf "sources = ( { id = \"xab\"; publisher = \"P\"; kind = \"ngo\"; title = \"T\"; date = \"2019\";\n  conventions = [ "; for (i = 0; i < 100000; i++) printf "\"C087\", "; print "\"C087\" ]; } );" }' > "$1"
