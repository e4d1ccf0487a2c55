"""The local Azure AI Translator-compatible HTTP server (standard library only).

See the package docstring for what it implements. One ``LocalAzureServer`` holds the whole
state (keys, fault switches, request log, characters) behind a lock; every request is
answered by a ``ThreadingHTTPServer`` thread.
"""

import contextlib
import json
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from core.languages import LANGUAGES_TABLE

from ..loopback_server import LoopbackServer, QuietHTTPServer
from .pseudo import SCRIPTS, pseudo_translate

API_VERSION = "3.0"
MAX_ELEMENTS = 1000
MAX_CHARACTERS = 50_000
# (code, English name, native name, direction): a part of Azure's list, the portal's nine,
# named as the language table names them (``core.languages``).
LANGUAGES = sorted(
    (language.code, language.english_name, language.autonym, language.direction)
    for language in LANGUAGES_TABLE
)
# Azure's error codes for the statuses a test can ask for.
ERRORS = {
    400: (400000, "One of the request inputs is not valid."),
    401: (401000, "The request is not authorized because credentials are missing or invalid."),
    403: (403000, "The operation is not allowed."),
    408: (408001, "The requested translation system is being prepared."),
    429: (
        429000,
        "The server rejected the request because the client has exceeded request limits.",
    ),
    500: (500000, "An unexpected error occurred."),
    503: (503000, "Service is temporarily unavailable."),
}


class ApiError(Exception):
    def __init__(self, status: int, code: int, message: str, headers=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


@dataclass
class Faults:
    """Fault switches for the next ``/translate`` requests.

    ``fail_next``: statuses (401, 403, 429, 500, 503...) answered one per request;
    ``retry_after``: the ``Retry-After`` seconds sent with a 429 (may be a fraction);
    ``quota_exceeded``: a 403 says 403001 (free tier's quota spent) instead of 403000;
    ``slow_seconds``: delay every answer (for timeouts);
    ``wrong_script``: answer in another script (Latin for Tigrinya, Ethiopic otherwise);
    ``empty_answer``: answer every text with an empty translation.
    """

    fail_next: list[int] = field(default_factory=list)
    retry_after: float | None = None
    quota_exceeded: bool = False
    slow_seconds: float = 0.0
    wrong_script: bool = False
    empty_answer: bool = False


class LocalAzureServer(LoopbackServer):
    """An Azure Translator stand-in on loopback. ``with LocalAzureServer() as server: ...``.

    ``keys``: accepted ``Ocp-Apim-Subscription-Key`` values; None accepts a request without
    a key (as a container does) and any key.
    """

    def __init__(self, host="127.0.0.1", port=0, *, keys=None, quiet=True):
        self.keys = set(keys) if keys is not None else None
        self.faults = Faults()
        self.log: list[dict] = []
        self.character_count = 0
        self.quiet = quiet
        self.lock = threading.RLock()
        self.in_flight = 0
        self.httpd = QuietHTTPServer((host, port), _make_handler(self))

    # Test controls --------------------------------------------------------------------
    def reset(self, *, keys=None) -> None:
        with self.lock:
            self.faults = Faults()
            self.log.clear()
            self.character_count = 0
            self.keys = set(keys) if keys is not None else None

    def set_faults(self, **changes) -> None:
        with self.lock:
            for name, value in changes.items():
                if not hasattr(self.faults, name):
                    raise ValueError(f"unknown fault switch {name!r}")
                setattr(self.faults, name, value)

    def wait_idle(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not self.in_flight:
                    return
            time.sleep(0.01)

    def translate_requests(self, to: str | None = None) -> list[dict]:
        """The answered ``/translate`` requests, optionally for one target language."""
        with self.lock:
            return [
                entry
                for entry in self.log
                if entry["path"] == "/translate"
                and entry["status"] == 200
                and (to is None or to in entry["to"])
            ]

    # The API --------------------------------------------------------------------------
    def check_auth(self, headers) -> None:
        if self.keys is None:
            return
        if headers.get("Ocp-Apim-Subscription-Key", "") not in self.keys:
            raise ApiError(401, *ERRORS[401])

    def languages(self, query: dict) -> dict:
        scopes = set(",".join(query.get("scope", ["translation"])).split(","))
        answer = {}
        if "translation" in scopes:
            answer["translation"] = {
                code: {"name": name, "nativeName": native, "dir": direction}
                for code, name, native, direction in LANGUAGES
            }
        return answer

    def translate(self, query: dict, body: bytes, entry: dict) -> list[dict]:
        targets = query.get("to", [])
        entry["to"] = targets
        if not targets:
            raise ApiError(400, 400036, "The target language is not valid.")
        known = {code for code, *_rest in LANGUAGES}
        if any(target not in known for target in targets):
            raise ApiError(400, 400036, "The target language is not valid.")
        source = (query.get("from") or [""])[0]
        if source and source not in known:
            raise ApiError(400, 400035, "The source language is not valid.")
        text_type = (query.get("textType") or ["plain"])[0]
        entry["textType"] = text_type
        try:
            items = json.loads(body or b"null")
            texts = [item["Text"] if "Text" in item else item["text"] for item in items]
        except (ValueError, TypeError, KeyError) as error:
            raise ApiError(400, 400074, "The body of the request is not valid JSON.") from error
        entry["texts"] = list(texts)
        if len(texts) > MAX_ELEMENTS:
            raise ApiError(400, 400077, "The maximum request size has been exceeded.")
        characters = sum(len(text) for text in texts)
        entry["characters"] = characters
        if characters > MAX_CHARACTERS:
            raise ApiError(400, 400077, "The maximum request size has been exceeded.")
        with self.lock:
            faults = Faults(**vars(self.faults))
        answers = []
        for text in texts:
            translations = []
            for target in targets:
                shown = target
                if faults.wrong_script:
                    shown = "so" if target in SCRIPTS else "ti"
                result = pseudo_translate(text, shown, html_text=text_type == "html")
                if faults.empty_answer:
                    result = ""
                translations.append({"text": result, "to": target})
            answer = {"translations": translations}
            if not source:
                answer["detectedLanguage"] = {"language": "sv", "score": 1.0}
            answers.append(answer)
        with self.lock:
            self.character_count += characters * len(targets)
        entry["metered"] = characters * len(targets)
        return answers


def _make_handler(server: LocalAzureServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # the stdlib's naming
            if not server.quiet:
                super().log_message(format, *args)

        def _send(self, status: int, payload, headers=None) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-RequestId", str(uuid.uuid4()))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _handle(self, method: str) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(parsed.query)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            entry = {
                "path": parsed.path,
                "method": method,
                "to": [],
                "status": 0,
                "region": self.headers.get("Ocp-Apim-Subscription-Region"),
            }
            with server.lock:
                server.in_flight += 1
            try:
                if parsed.path.startswith("/_admin/"):
                    status, payload, headers = 200, self._admin(method, parsed.path, body), {}
                else:
                    status, payload, headers = self._api(method, parsed.path, query, body, entry)
            except ApiError as error:
                status, headers = error.status, error.headers
                payload = {"error": {"code": error.code, "message": error.message}}
            finally:
                with server.lock:
                    server.in_flight -= 1
            entry["status"] = status
            if not parsed.path.startswith("/_admin/"):
                with server.lock:
                    server.log.append(entry)
            with contextlib.suppress(ConnectionError):  # the client gave up (timeout)
                self._send(status, payload, headers)

        def _api(self, method, path, query, body, entry):
            if (query.get("api-version") or [""])[0] != API_VERSION:
                raise ApiError(400, 400021, "The API version parameter is missing or invalid.")
            if path == "/languages" and method == "GET":
                return 200, server.languages(query), {}
            if path == "/translate" and method == "POST":
                server.check_auth(self.headers)
                with server.lock:
                    failure = server.faults.fail_next.pop(0) if server.faults.fail_next else None
                    faults = Faults(**vars(server.faults))
                if faults.slow_seconds:
                    time.sleep(faults.slow_seconds)
                if failure is not None:
                    code, message = ERRORS.get(failure, (failure * 1000, "Failure."))
                    headers = {}
                    if failure == 403 and faults.quota_exceeded:
                        code, message = 403001, "The free tier's character quota is spent."
                    if failure == 429 and faults.retry_after is not None:
                        headers["Retry-After"] = str(faults.retry_after)
                    raise ApiError(failure, code, message, headers)
                answers = server.translate(query, body, entry)
                return 200, answers, {"X-Metered-Usage": str(entry["metered"])}
            raise ApiError(404, 404001, "The requested resource was not found.")

        def _admin(self, method: str, path: str, body: bytes):
            """/_admin/faults (POST JSON switches), /_admin/reset (POST), /_admin/log (GET)."""
            if path == "/_admin/log" and method == "GET":
                with server.lock:
                    return {"requests": list(server.log), "characters": server.character_count}
            if path == "/_admin/reset" and method == "POST":
                server.reset(keys=json.loads(body or b"{}").get("keys"))
                return {"ok": True}
            if path == "/_admin/faults" and method == "POST":
                try:
                    server.set_faults(**json.loads(body or b"{}"))
                except (ValueError, TypeError) as error:
                    raise ApiError(400, 400000, str(error)) from error
                return {"ok": True}
            raise ApiError(404, 404001, "Not found.")

        def do_GET(self):  # the stdlib's naming
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

    return Handler
