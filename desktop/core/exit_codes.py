"""The command's name and its exit codes (DESIGN.md, "Command line"): one home for both
the command line (`desktop.cli`) and the window's start (`desktop.app`), which reads them
without loading the argument parser."""

PROG = "askwhy"

EXIT_OK = 0
EXIT_BROKEN = 1  # a known problem outside the user's input: corrupt or locked database, I/O
EXIT_USAGE = 2  # bad usage or bad input; nothing was written
# The reader of our output went away (`askwhy due | head -1`): the shell's code for a
# process that SIGPIPE ended, which is what `seq` or `cat` give in the same pipeline.
EXIT_READER_GONE = 141
