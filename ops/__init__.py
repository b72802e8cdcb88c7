"""Operator tools, not web code: `okadmin` (the operator's command line, a console script),
`python -m ops.dbtool` (deployment: the login roles' passwords) and `python -m ops.seed` (the
demo course `make run` loads). Each is a call to `api` or a fixed SQL file; no rule lives here."""
