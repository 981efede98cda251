"""HTTP and JSON-RPC clients of the load check, as a browser would talk to Odoo.

Every call is timed and classified: ``ok``, a ``clean`` refusal (a JSON-RPC error
whose exception is a ``UserError`` or ``ValidationError``: the message dialog a
user sees), or ``unclean`` (any other exception class, an HTTP status other than
200, a connection error): what a user sees as a traceback or a server error.
"""

import itertools
import time
from dataclasses import dataclass, field

import requests

CLEAN_ERRORS = frozenset(
    {
        "odoo.exceptions.UserError",
        "odoo.exceptions.ValidationError",
    }
)


@dataclass
class Outcome:
    """What one request gave: kind is ``ok``, ``clean`` or ``unclean``."""

    kind: str
    start: float
    end: float
    status: int = 200
    result: object = None
    error_name: str = ""
    message: str = ""

    @property
    def seconds(self):
        return self.end - self.start


@dataclass
class PageResult:
    """One portal page fetched, with the references found on it."""

    url: str
    status: int
    seconds: float
    problems: list = field(default_factory=list)


class JsonRpcSession:
    """One user's HTTP session (cookie jar) on 127.0.0.1."""

    _ids = itertools.count(1)

    def __init__(self, base_url, timeout=120.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.uid = None

    def _post_json(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params}
        start = time.monotonic()
        try:
            response = self.http.post(self.base_url + path, json=payload, timeout=self.timeout)
        except requests.RequestException as exc:
            return Outcome("unclean", start, time.monotonic(), 0, message=repr(exc))
        end = time.monotonic()
        if response.status_code != 200:
            return Outcome("unclean", start, end, response.status_code, message=response.text[:300])
        try:
            body = response.json()
        except ValueError:
            return Outcome("unclean", start, end, 200, message=response.text[:300])
        error = body.get("error")
        if not error:
            return Outcome("ok", start, end, 200, result=body.get("result"))
        data = error.get("data") or {}
        name = data.get("name") or error.get("message", "")
        kind = "clean" if name in CLEAN_ERRORS else "unclean"
        return Outcome(kind, start, end, 200, error_name=name, message=data.get("message", ""))

    def authenticate(self, db, login, password):
        """Log in like the web client (``/web/session/authenticate``)."""
        outcome = self._post_json(
            "/web/session/authenticate", {"db": db, "login": login, "password": password}
        )
        if outcome.kind != "ok" or not (outcome.result or {}).get("uid"):
            raise RuntimeError(
                f"login {login!r} failed: {outcome.error_name} {outcome.message}".strip()
            )
        self.uid = outcome.result["uid"]
        return self.uid

    def call_kw(self, model, method, args, kwargs=None):
        """``model.method(*args, **kwargs)`` through ``/web/dataset/call_kw``."""
        return self._post_json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def get(self, path):
        """GET a page without following redirects: (status, location, text, seconds)."""
        start = time.monotonic()
        try:
            response = self.http.get(
                self.base_url + path, timeout=self.timeout, allow_redirects=False
            )
        except requests.RequestException as exc:
            return 0, "", repr(exc), time.monotonic() - start
        return (
            response.status_code,
            response.headers.get("Location", ""),
            response.text,
            time.monotonic() - start,
        )
