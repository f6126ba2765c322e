package app

import "io"

func runBundle(ra runArgs, stdout, stderr io.Writer) int { return ExitUsage }
