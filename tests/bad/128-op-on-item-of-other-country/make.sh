# XAB has its own provision; the XAA scenario must not touch it.
cat > "$1" <<'END'
country = { code = "XAB"; name = "Testland B"; region = "Nowhere"; };
sources = ( { id = "xab-law"; publisher = "Gazette B"; kind = "legislation"; title = "Law B"; date = "2010"; } );
provisions = (
  { id = "xab-law-1"; instrument = "Law B"; article = "Art. 1"; summary = "Bans unions.";
    in_force = "2010"; criteria = [ "gp-join" ]; sources = [ "xab-law" ]; }
);
END
sed 's/provision = "xaa-law-2"/provision = "xab-law-1"/' "$2/scenarios/s.cfg" > "$2/scenarios/s.tmp" && mv "$2/scenarios/s.tmp" "$2/scenarios/s.cfg"
