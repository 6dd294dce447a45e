# A 100 MB file (sparse, made at once): the size limit must refuse it before parsing.
truncate -s 100M "$1"
