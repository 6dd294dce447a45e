# A folder named like a data file.
mkdir -p "$1"
