# A second scenario file with the id of s.cfg.
cp "$2/scenarios/s.cfg" "$1"
