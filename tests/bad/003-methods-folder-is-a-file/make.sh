# A file where a folder must be.
rm -rf "$1" && echo "not a folder" > "$1"
