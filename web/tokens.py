"""Signing access tokens: HS256 JWTs with the secret PostgREST verifies.

The database decides what a token says (api.issue_token and, later, the OAuth token
endpoint return the claims); this module only signs and verifies them.
"""

from __future__ import annotations

import jwt

from web.settings import jwt_secret

ALGORITHM = "HS256"


def sign(claims: dict, secret: str | None = None) -> str:
    return jwt.encode(claims, secret or jwt_secret(), algorithm=ALGORITHM)


def verify(token: str, secret: str | None = None, *, verify_exp: bool = True) -> dict:
    """The claims of a valid, unexpired token; raises jwt.InvalidTokenError otherwise.

    PostgREST allows 30 s of clock skew on exp, iat and nbf; so do we. ``verify_exp=False``
    is for revocation only: an expired token may still name the pair to revoke.
    """
    return jwt.decode(
        token, secret or jwt_secret(), algorithms=[ALGORITHM], leeway=30,
        options={"verify_exp": verify_exp},
    )
