# A data file that is a symbolic link to nothing.
ln -s "$2/countries/nowhere.txt" "$1"
