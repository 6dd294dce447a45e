# A link to an endless device: refused as not a regular file.
ln -s /dev/zero "$1"
