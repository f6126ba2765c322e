#!/bin/sh
# Prints the version every build and artefact carries: `git describe --tags
# --always --dirty` without a leading "v" (1.2.0, 1.2.0-3-gabc1234-dirty),
# or 0.0.0-<commit> before the first tag, or 0.0.0-unknown outside git.
if git describe --tags --abbrev=0 >/dev/null 2>&1; then
	git describe --tags --always --dirty | sed 's/^v//'
elif c=$(git describe --always --dirty 2>/dev/null); then
	echo "0.0.0-$c"
else
	echo "0.0.0-unknown"
fi
