# A named pipe: reading it would block for ever, so it must be refused unopened.
mkfifo "$1"
