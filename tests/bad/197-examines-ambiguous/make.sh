# A group named like a criterion: "arrest" in examines could mean either.
sed 's/{ id = "g2"; numeral = "II";/{ id = "arrest"; title = "Same id as a criterion"; },\n  { id = "g2"; numeral = "II";/' "$2/criteria/cat.cfg" > "$2/cat.tmp" && mv "$2/cat.tmp" "$2/criteria/cat.cfg"
sed 's/examines = \[ "g1", "g2" \]/examines = [ "g1", "arrest" ]/' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
