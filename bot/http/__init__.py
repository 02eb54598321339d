"""The HTTP API: a FastAPI translation of MovieService for developers' own apps."""
