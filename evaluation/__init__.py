"""Offline measurements of recommendation quality on public data sets, independent of the CLI."""
