"""app.hashid_encode / app.hashid_decode match okpy/ok's Hashids keys byte for byte."""

from __future__ import annotations

from hashids import Hashids

REFERENCE = Hashids(min_length=6)  # okpy/ok: empty salt, default alphabet


def test_keys_match_the_reference_library(admin_conn):
    ids = list(range(0, 3000)) + [10**6, 123456789, 2**31 - 1, 2**53, 2**63 - 1]
    with admin_conn.cursor() as cur:
        cur.execute(
            "select i, app.hashid_encode(i), app.hashid_decode(app.hashid_encode(i)) from unnest(%s::bigint[]) as i",
            (ids,),
        )
        for value, key, decoded in cur.fetchall():
            assert key == REFERENCE.encode(value), value
            assert decoded == value


def test_keys_we_never_issued_decode_to_null(admin_conn):
    bad = ["", "abc", "zzzzzz", "'; drop table app.users; --", "a" * 40, "Ldqe1g" + "x", "ñññññññ"]
    with admin_conn.cursor() as cur:
        cur.execute("select k, app.hashid_decode(k) from unnest(%s::text[]) as k", (bad,))
        for key, decoded in cur.fetchall():
            assert decoded is None or REFERENCE.encode(decoded) == key, key
