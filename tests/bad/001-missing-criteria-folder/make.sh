# The whole criteria/ folder is gone (and criteria/methods with it).
rm -rf "$1"
