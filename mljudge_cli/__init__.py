"""`mljudge`, the command-line client of an mljudge site (docs/api.md). It speaks only the public HTTP API."""
