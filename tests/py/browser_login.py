"""A stand-in web browser for ok-client's browser flow (set as BROWSER="... %s").

ok-client opens /oauth/authorize in "the browser" and waits on a loopback port. This script,
started detached so that the client's webbrowser call returns at once, signs in through the
development login, presses Allow on the consent page, and follows the redirect to the
client's loopback server and from there to the assignment page, as a person's browser would.
"""

import sys
import time
from urllib.parse import urlsplit

import requests

from tests.py.live import browser_sign_in, consent

url, email = sys.argv[1], sys.argv[2]
time.sleep(1)
parts = urlsplit(url)
base = f"{parts.scheme}://{parts.netloc}"
session = requests.Session()
browser_sign_in(session, base, email)
to_client = consent(session, url)
session.get(to_client.headers["Location"], timeout=30)  # the client's loopback server, then its redirect
