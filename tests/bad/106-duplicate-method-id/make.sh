# A second method file that reuses the id of ev.cfg.
sed "s/Evidence window/Another window/" "$2/criteria/methods/ev.cfg" > "$1"
