# 507 more criteria: 513 in all, one over the limit of 512.
awk 'BEGIN { print "criteria = ("; for (i = 1; i <= 507; i++) printf "  { id = \"c%d\"; group = \"g1\"; kind = \"law\"; convention = \"C087\"; article = \"A\"; label = \"L\"; weight = 1.0; weight_basis = \"published\"; }%s\n", i, i < 507 ? "," : ""; print ");" }' > "$1"
