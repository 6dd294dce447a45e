# A provision in force from 2020-05-04, repealed by a scenario dated "2020-05": the month
# counts from 2020-05-01, before the provision came into force.
sed -i 's/in_force = "2016";/in_force = "2020-05-04";/' "$2/countries/XAA.cfg"
sed -i 's/provision = "xaa-law-2"; date = "2021-01-01"/provision = "xaa-law-2"; date = "2020-05"/' "$1"
grep -q '"2020-05-04"' "$2/countries/XAA.cfg" && grep -q 'date = "2020-05"' "$1"
