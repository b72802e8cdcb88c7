"""JSON request bodies for the API shim, inspected without being parsed into Python objects.

A backup upload may be OK_MAX_BODY_BYTES (10 MiB) of JSON. Parsing it into dicts and strings,
decoding it and serialising it again would hold several copies per request (and parsing a
pathological body like ``[[],[],...]`` costs twenty times its size). So the body is read once,
as bytes, and handed to PostgreSQL as the one bound parameter, which validates and parses it
(``json_to_record``, as PostgREST does). Python only needs the names of the top-level keys,
to bind them to the function's parameters, and a bound on nesting: ``inspect()`` finds both
in one iterative pass (no recursion, so any depth is refused cleanly rather than crashing a
recursive parser), skipping string contents with a regular expression. It allocates nothing
proportional to the body except the small key strings.
"""

from __future__ import annotations

import json
import re

MAX_KEYS = 100  # api functions take a handful of parameters
MAX_KEY_BYTES = 256  # parameter names are at most 63 bytes

_WHITESPACE = re.compile(rb"[ \t\r\n]*+")
_STRUCTURE = re.compile(rb'["\[\]{}]')
# The rest of a string after its opening quote (escapes skipped), unrolled for speed.
_STRING_REST = re.compile(rb'[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_COLON = re.compile(rb"[ \t\r\n]*+:")


class BodyError(ValueError):
    """The body is not a JSON object the API can take (answered with 400)."""


def inspect(body: bytes, max_depth: int) -> list[str]:
    """The top-level keys of a JSON object body; BodyError if it is not one, or nests deeper
    than ``max_depth`` levels (the top-level object is level 1). Full validation is left to
    PostgreSQL, which receives the body as it is."""
    if b"\x00" in body:  # not JSON, and libpq would cut the statement at a NUL byte
        raise BodyError("The request body must be a JSON object")
    pos = _WHITESPACE.match(body).end()
    if body[pos:pos + 1] != b"{":
        raise BodyError("The request body must be a JSON object")
    keys: list[str] = []
    depth = 0
    while True:
        found = _STRUCTURE.search(body, pos)
        if found is None:
            raise BodyError("The request body is not valid JSON (unclosed object or array)")
        char = body[found.start()]
        if char == 0x22:  # a string: skip it; at depth 1, a string followed by ":" is a key
            rest = _STRING_REST.match(body, found.end())
            if rest is None:
                raise BodyError("The request body is not valid JSON (unterminated string)")
            pos = rest.end()
            if depth == 1:
                colon = _COLON.match(body, pos)
                if colon is not None:
                    if pos - found.start() > MAX_KEY_BYTES:
                        raise BodyError(f"The request body has a key longer than {MAX_KEY_BYTES} bytes")
                    try:
                        keys.append(json.loads(body[found.start():pos]))
                    except ValueError:
                        raise BodyError("The request body is not valid JSON (bad key)") from None
                    if len(keys) > MAX_KEYS:
                        raise BodyError(f"The request body has more than {MAX_KEYS} keys")
                    pos = colon.end()
        elif char in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > max_depth:
                raise BodyError(f"The request body nests JSON deeper than {max_depth} levels")
            pos = found.end()
        else:  # ] }
            depth -= 1
            pos = found.end()
            if depth == 0:
                if _WHITESPACE.match(body, pos).end() != len(body):
                    raise BodyError("The request body is not valid JSON (text after the object)")
                return keys
