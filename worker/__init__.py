"""The background worker, a process of its own beside the web app (`python -m worker`).

It reads the database through the `api` functions granted to ok_worker, as the web app does,
and holds no rule of its own: what to send, and when, is decided in SQL.
"""
