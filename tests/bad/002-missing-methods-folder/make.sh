# criteria/methods/ is required even when criteria/ is there.
rm -rf "$1"
