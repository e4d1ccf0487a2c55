"""The local DeepL-compatible HTTP server (standard library only).

See the package docstring for what it implements. One ``LocalDeepLServer`` holds the whole
state (usage, glossaries, fault switches, request log) behind a lock; every request is
answered by a ``ThreadingHTTPServer`` thread.
"""

import csv
import io
import json
import os
import re
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler

from ..loopback_server import LoopbackServer, QuietHTTPServer
from .pseudo import billed_characters, pseudo_translate, strip_markup

MAX_TEXTS = 50
MAX_REQUEST_BYTES = 128 * 1024
QUOTA_EXCEEDED = 456

# (code, name, supports_formality): the target languages of the real API, Persian included.
TARGET_LANGUAGES = [
    ("AR", "Arabic", False),
    ("BG", "Bulgarian", False),
    ("CS", "Czech", False),
    ("DA", "Danish", False),
    ("DE", "German", True),
    ("EL", "Greek", False),
    ("EN-GB", "English (British)", False),
    ("EN-US", "English (American)", False),
    ("ES", "Spanish", True),
    ("ET", "Estonian", False),
    ("FA", "Persian", False),
    ("FI", "Finnish", False),
    ("FR", "French", True),
    ("HU", "Hungarian", False),
    ("ID", "Indonesian", False),
    ("IT", "Italian", True),
    ("JA", "Japanese", True),
    ("KO", "Korean", False),
    ("LT", "Lithuanian", False),
    ("LV", "Latvian", False),
    ("NB", "Norwegian Bokmål", False),
    ("NL", "Dutch", True),
    ("PL", "Polish", True),
    ("PT-BR", "Portuguese (Brazilian)", True),
    ("PT-PT", "Portuguese (European)", True),
    ("RO", "Romanian", False),
    ("RU", "Russian", True),
    ("SK", "Slovak", False),
    ("SL", "Slovenian", False),
    ("SV", "Swedish", False),
    ("TR", "Turkish", False),
    ("UK", "Ukrainian", False),
    ("ZH", "Chinese (simplified)", False),
]
SOURCE_LANGUAGES = sorted(
    {(code.split("-")[0], name.split(" (")[0]) for code, name, _f in TARGET_LANGUAGES}
)
# Languages for which glossaries can be made (any pair of them). Persian is left out, as in
# the real API where new languages get glossary support later.
GLOSSARY_LANGUAGES = sorted({code for code, _n in SOURCE_LANGUAGES} - {"FA"})
# Languages translated as plain text: tag handling does not apply, tags are text like any other;
# they have no glossaries either. ``LOCAL_DEEPL_TEXT_ONLY=FA,UK`` (or ``--text-only``, or
# ``POST /_admin/languages``) makes the server report and treat others so.
TEXT_ONLY_TARGETS = {"FA"}
TEXT_ONLY_ENV = "LOCAL_DEEPL_TEXT_ONLY"
_PLACEHOLDER = re.compile(r"⟪\d+⟫")


def _codes(value) -> set[str]:
    if isinstance(value, str):
        value = value.split(",")
    return {str(code).strip().upper() for code in value or () if str(code).strip()}


def default_text_only_targets() -> set[str]:
    configured = os.environ.get(TEXT_ONLY_ENV)
    return _codes(configured) if configured is not None else set(TEXT_ONLY_TARGETS)


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Faults:
    """Fault switches. ``fail_next`` answers the next translate requests with these statuses;
    ``glossary_fail_next`` the next glossary requests (language pairs, v2 and v3);
    ``no_v3_glossaries`` answers 404 on ``/v3/glossaries``, as a server without them does;
    ``placeholder_fault`` ("drop" or "duplicate") spoils the first placeholder ``⟪N⟫`` of
    each text-only translation."""

    fail_next: list[int] = field(default_factory=list)
    drop_connection_next: int = 0
    slow_seconds: float = 0.0
    drop_markup: bool = False
    glossary_fail_next: list[int] = field(default_factory=list)
    no_v3_glossaries: bool = False
    # 404 on /v3/languages, as a server without the (beta) endpoint answers.
    no_v3_languages: bool = False
    # In text-only output, "drop" the first placeholder ⟪N⟫ or "duplicate" it.
    placeholder_fault: str | None = None


@dataclass
class Glossary:
    glossary_id: str
    name: str
    created: str
    # (source, target) -> {term: translation}
    dictionaries: dict[tuple[str, str], dict[str, str]]
    multilingual: bool


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"


def _parse_entries(entries: str, entries_format: str) -> dict[str, str]:
    if entries_format == "csv":
        rows = csv.reader(io.StringIO(entries))
        return {row[0]: row[1] for row in rows if len(row) >= 2}
    result = {}
    for line in entries.splitlines():
        if not line.strip():
            continue
        source, _tab, target = line.partition("\t")
        if not target:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Invalid glossary entries.")
        result[source] = target
    return result


class LocalDeepLServer(LoopbackServer):
    """A DeepL API stand-in on loopback. ``with LocalDeepLServer() as server: server.url``."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        character_limit: int = 1_000_000_000,
        auth_keys: set[str] | None = None,
        faults: Faults | None = None,
        quiet: bool = True,
        text_only_targets=None,
        no_glossary_targets=(),
    ):
        self.default_text_only = (
            _codes(text_only_targets)
            if text_only_targets is not None
            else default_text_only_targets()
        )
        self.text_only_targets = set(self.default_text_only)
        self.no_glossary_targets = _codes(no_glossary_targets)
        self.character_limit = character_limit
        self.character_count = 0
        self.auth_keys = auth_keys
        self.faults = faults or Faults()
        self.glossaries: dict[str, Glossary] = {}
        self.log: list[dict] = []
        self.quiet = quiet
        self.lock = threading.RLock()
        self.in_flight = 0
        self.httpd = QuietHTTPServer((host, port), _make_handler(self))

    # Test controls --------------------------------------------------------------------
    def reset(self, *, character_limit: int | None = None) -> None:
        with self.lock:
            self.faults = Faults()
            self.text_only_targets = set(self.default_text_only)
            self.no_glossary_targets = set()
            self.character_count = 0
            if character_limit is not None:
                self.character_limit = character_limit
            self.glossaries.clear()
            self.log.clear()

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no request is being answered (a slow answer from an earlier test)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not self.in_flight:
                    return
            time.sleep(0.01)

    def set_faults(self, **changes) -> None:
        with self.lock:
            for name, value in changes.items():
                if not hasattr(self.faults, name):
                    raise ValueError(f"unknown fault switch {name!r}")
                setattr(self.faults, name, value)

    def set_languages(self, *, text_only=None, no_glossary=None) -> None:
        """Report (and treat) these target codes as text-only, or as without glossaries."""
        with self.lock:
            if text_only is not None:
                self.text_only_targets = _codes(text_only)
            if no_glossary is not None:
                self.no_glossary_targets = _codes(no_glossary)

    def translate_requests(self, target_lang: str | None = None) -> list[dict]:
        """The answered /v2/translate requests, optionally for one target language."""
        with self.lock:
            return [
                entry
                for entry in self.log
                if entry["path"] == "/v2/translate"
                and entry["status"] == 200
                and (target_lang is None or entry["target_lang"] == target_lang)
            ]

    # The API --------------------------------------------------------------------------
    def check_auth(self, headers) -> None:
        value = headers.get("Authorization", "")
        prefix = "DeepL-Auth-Key "
        key = value[len(prefix) :] if value.startswith(prefix) else ""
        if not key or (self.auth_keys is not None and key not in self.auth_keys):
            raise ApiError(HTTPStatus.FORBIDDEN, "Authorization failure, check auth_key.")

    def translate(self, params: dict) -> dict:
        texts = params.get("text")
        if isinstance(texts, str):
            texts = [texts]
        if not texts:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Parameter 'text' not specified.")
        if len(texts) > MAX_TEXTS:
            raise ApiError(HTTPStatus.BAD_REQUEST, f"Too many texts: at most {MAX_TEXTS}.")
        target = str(_single(params.get("target_lang", ""))).upper()
        if target in ("EN", "PT"):
            raise ApiError(HTTPStatus.BAD_REQUEST, f"target_lang={target!r} is deprecated.")
        if target not in {code for code, _n, _f in TARGET_LANGUAGES}:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Value for 'target_lang' not supported.")
        source = str(_single(params.get("source_lang", "")) or "").upper()
        tag_handling = _single(params.get("tag_handling")) or None
        if tag_handling not in (None, "html", "xml"):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Invalid tag_handling value.")
        formality = _single(params.get("formality")) or None
        supports_formality = {code for code, _n, f in TARGET_LANGUAGES if f}
        if formality in ("less", "more") and target not in supports_formality:
            raise ApiError(HTTPStatus.BAD_REQUEST, "'formality' is not supported for target.")
        ignore_tags = params.get("ignore_tags") or []
        if isinstance(ignore_tags, str):
            ignore_tags = ignore_tags.split(",")
        with self.lock:
            text_only = target in self.text_only_targets
            placeholder_fault = self.faults.placeholder_fault
        if text_only:
            tag_handling, ignore_tags = None, []
        if _single(params.get("glossary_id")) and not self.has_glossary(target):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Glossaries are not supported for target.")
        terms = self._glossary_terms(params, source, target)

        billed = [billed_characters(text, tag_handling) for text in texts]
        with self.lock:
            if self.character_count + sum(billed) > self.character_limit:
                raise ApiError(QUOTA_EXCEEDED, "Quota exceeded.")
            self.character_count += sum(billed)
            drop_markup = self.faults.drop_markup
        translations = []
        for text, count in zip(texts, billed, strict=True):
            result = pseudo_translate(
                text, target, tag_handling=tag_handling, glossary=terms, ignore_tags=ignore_tags
            )
            if drop_markup:
                result = strip_markup(result)
            if text_only and placeholder_fault:
                result = _spoil_placeholder(result, placeholder_fault)
            translations.append(
                {"detected_source_language": source or "SV", "text": result}
                | ({"billed_characters": count} if params.get("show_billed_characters") else {})
            )
        return {"translations": translations}

    def _glossary_terms(self, params: dict, source: str, target: str) -> dict[str, str]:
        glossary_id = _single(params.get("glossary_id"))
        if not glossary_id:
            return {}
        if not source:
            raise ApiError(HTTPStatus.BAD_REQUEST, "source_lang is required with a glossary.")
        with self.lock:
            glossary = self.glossaries.get(glossary_id)
            if glossary is None:
                raise ApiError(HTTPStatus.NOT_FOUND, "Glossary not found.")
            terms = glossary.dictionaries.get((source, target.split("-")[0]))
        if terms is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Glossary has no dictionary for this pair.")
        return dict(terms)

    def has_glossary(self, target: str) -> bool:
        base = target.split("-")[0]
        with self.lock:
            excluded = self.text_only_targets | self.no_glossary_targets
        return base in GLOSSARY_LANGUAGES and target not in excluded and base not in excluded

    def languages_v3(self, params: dict) -> list[dict]:
        """``GET /v3/languages?resource=translate_text`` (beta; first called ``product``)."""
        resource = _single(params.get("resource")) or _single(params.get("product"))
        if not resource:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Parameter 'resource' not specified.")
        if resource != "translate_text":
            raise ApiError(HTTPStatus.BAD_REQUEST, "Unsupported resource.")
        with self.lock:
            text_only = set(self.text_only_targets)
        targets = {code: (name, formality) for code, name, formality in TARGET_LANGUAGES}
        sources = dict(SOURCE_LANGUAGES)
        languages = []
        for code in sorted(set(targets) | set(sources)):
            name = targets[code][0] if code in targets else sources[code]
            features = {}
            if code not in text_only:
                features["tag_handling"] = {}
            if code in targets and targets[code][1]:
                features["formality"] = {}
            if self.has_glossary(code):
                features["glossary"] = {}
            languages.append(
                {
                    "lang": code,
                    "name": name,
                    "usable_as_source": code in sources,
                    "usable_as_target": code in targets,
                    "features": features,
                }
            )
        return languages

    def languages(self, params: dict) -> list[dict]:
        if _single(params.get("type")) == "target":
            return [
                {"language": code, "name": name, "supports_formality": formality}
                for code, name, formality in TARGET_LANGUAGES
            ]
        return [{"language": code, "name": name} for code, name in SOURCE_LANGUAGES]

    def usage(self) -> dict:
        with self.lock:
            return {
                "character_count": self.character_count,
                "character_limit": self.character_limit,
            }

    def create_glossary(self, params: dict, *, multilingual: bool) -> dict:
        name = _single(params.get("name"))
        if not name:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Missing glossary name.")
        specs = (params.get("dictionaries") or []) if multilingual else [params]
        dictionaries = {}
        for spec in specs:
            pair = self._glossary_pair(spec)
            dictionaries[pair] = _parse_entries(
                _single(spec.get("entries")) or "", _single(spec.get("entries_format")) or "tsv"
            )
        if not dictionaries:
            raise ApiError(HTTPStatus.BAD_REQUEST, "A glossary needs at least one dictionary.")
        glossary = Glossary(secrets.token_hex(8), name, _now(), dictionaries, multilingual)
        with self.lock:
            self.glossaries[glossary.glossary_id] = glossary
        return self.glossary_json(glossary)

    def _glossary_pair(self, spec: dict) -> tuple[str, str]:
        source = str(_single(spec.get("source_lang")) or "").upper()
        target = str(_single(spec.get("target_lang")) or "").upper()
        if source not in GLOSSARY_LANGUAGES or target not in GLOSSARY_LANGUAGES:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Unsupported glossary language pair.")
        return source, target

    def glossary_json(self, glossary: Glossary) -> dict:
        if glossary.multilingual:
            return {
                "glossary_id": glossary.glossary_id,
                "name": glossary.name,
                "creation_time": glossary.created,
                "dictionaries": [
                    {"source_lang": s, "target_lang": t, "entry_count": len(entries)}
                    for (s, t), entries in glossary.dictionaries.items()
                ],
            }
        ((source, target), entries) = next(iter(glossary.dictionaries.items()))
        return {
            "glossary_id": glossary.glossary_id,
            "name": glossary.name,
            "ready": True,
            "source_lang": source,
            "target_lang": target,
            "creation_time": glossary.created,
            "entry_count": len(entries),
        }

    def get_glossary(self, glossary_id: str, *, multilingual: bool) -> Glossary:
        with self.lock:
            glossary = self.glossaries.get(glossary_id)
        if glossary is None or glossary.multilingual != multilingual:
            raise ApiError(HTTPStatus.NOT_FOUND, "Glossary not found.")
        return glossary


def _spoil_placeholder(text: str, how: str) -> str:
    """The "placeholder_fault" switch: drop or duplicate the first placeholder."""
    match = _PLACEHOLDER.search(text)
    if match is None:
        return text
    kept = match.group(0) * 2 if how == "duplicate" else ""
    return text[: match.start()] + kept + text[match.end() :]


def _single(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _make_handler(server: LocalDeepLServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "LocalDeepL/1.0"

        def log_message(self, format, *args):  # the stdlib's signature
            if not server.quiet:
                super().log_message(format, *args)

        # Plumbing ----------------------------------------------------------------
        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _params(self, body: bytes) -> dict:
            parsed = urllib.parse.urlsplit(self.path)
            params: dict = {
                key: values if len(values) > 1 or key == "text" else values[0]
                for key, values in urllib.parse.parse_qs(parsed.query).items()
            }
            if not body:
                return params
            content_type = self.headers.get("Content-Type", "")
            if content_type.startswith("application/json"):
                try:
                    data = json.loads(body)
                except ValueError as err:
                    raise ApiError(HTTPStatus.BAD_REQUEST, "Invalid JSON body.") from err
                if not isinstance(data, dict):
                    raise ApiError(HTTPStatus.BAD_REQUEST, "JSON body must be an object.")
                params.update(data)
            else:
                for key, values in urllib.parse.parse_qs(body.decode("utf-8")).items():
                    multi = key in ("text", "ignore_tags", "splitting_tags")
                    params[key] = values if multi or len(values) > 1 else values[0]
            return params

        def _send(self, status: int, payload=None, *, content_type="application/json"):
            if payload is None:
                data = b""
            elif isinstance(payload, str):
                data = payload.encode("utf-8")
            else:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            if data:
                self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if data:
                self.wfile.write(data)

        def _handle(self, method: str):
            with server.lock:
                server.in_flight += 1
            try:
                self._answer(method)
            finally:
                with server.lock:
                    server.in_flight -= 1

        def _answer(self, method: str):
            path = urllib.parse.urlsplit(self.path).path
            body = self._body()
            entry = {"method": method, "path": path, "status": None, "at": time.time()}
            try:
                if path.startswith("/_admin/"):
                    status, payload = self._admin(method, path, body)
                else:
                    server.check_auth(self.headers)
                    if len(body) > MAX_REQUEST_BYTES:
                        raise ApiError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Request too large.")
                    params = self._params(body)
                    if path == "/v2/translate" and method == "POST":
                        if self._fault(entry):
                            return
                        texts = params.get("text") or []
                        entry.update(
                            target_lang=str(_single(params.get("target_lang", ""))).upper(),
                            texts=len(texts) if isinstance(texts, list) else 1,
                            bytes=len(body),
                            glossary_id=_single(params.get("glossary_id")),
                            formality=_single(params.get("formality")),
                            tag_handling=_single(params.get("tag_handling")),
                            context=_single(params.get("context")),
                            sent=list(texts) if isinstance(texts, list) else [texts],
                        )
                    self._glossary_fault(path)
                    status, payload = self._route(method, path, params)
                    if path == "/v2/translate":
                        entry["billed"] = sum(
                            t.get("billed_characters", 0) for t in payload["translations"]
                        )
            except ApiError as err:
                status, payload = err.status, {"message": err.message}
            entry["status"] = status
            if not path.startswith("/_admin/"):
                with server.lock:
                    server.log.append(entry)
            if isinstance(payload, tuple):  # (text, content type)
                self._send(status, payload[0], content_type=payload[1])
            else:
                self._send(status, payload)

        def _fault(self, entry: dict) -> bool:
            """Apply the switched-on faults; True when the request has been answered."""
            with server.lock:
                faults = server.faults
                dropped = faults.drop_connection_next > 0
                if dropped:
                    faults.drop_connection_next -= 1
                failure = faults.fail_next.pop(0) if faults.fail_next else None
                slow = faults.slow_seconds
            if slow:
                time.sleep(slow)
            if dropped:
                entry["status"] = "dropped"
                with server.lock:
                    server.log.append(entry)
                self.close_connection = True
                self.connection.close()
                return True
            if failure is not None:
                raise ApiError(failure, f"Fault switched on: {failure}.")
            return False

        def _glossary_fault(self, path: str) -> None:
            if not (path.startswith(("/v2/glossar", "/v3/glossaries"))):
                return
            with server.lock:
                faults = server.faults
                failure = faults.glossary_fail_next.pop(0) if faults.glossary_fail_next else None
                no_v3 = faults.no_v3_glossaries
            if failure is not None:
                raise ApiError(failure, f"Fault switched on: {failure}.")
            if no_v3 and path.startswith("/v3/"):
                raise ApiError(HTTPStatus.NOT_FOUND, "Not found.")

        def _route(self, method: str, path: str, params: dict):
            parts = [part for part in path.split("/") if part]
            if path == "/v2/translate" and method == "POST":
                return 200, server.translate(params)
            if path == "/v2/languages" and method in ("GET", "POST"):
                return 200, server.languages(params)
            if path == "/v3/languages" and method == "GET":
                with server.lock:
                    missing = server.faults.no_v3_languages
                if missing:
                    raise ApiError(HTTPStatus.NOT_FOUND, "Not found.")
                return 200, server.languages_v3(params)
            if path == "/v2/usage" and method in ("GET", "POST"):
                return 200, server.usage()
            if path == "/v2/glossary-language-pairs" and method == "GET":
                pairs = [
                    {"source_lang": s.lower(), "target_lang": t.lower()}
                    for s in GLOSSARY_LANGUAGES
                    for t in GLOSSARY_LANGUAGES
                    if s != t
                ]
                return 200, {"supported_languages": pairs}
            if parts[:2] in (["v2", "glossaries"], ["v3", "glossaries"]):
                return self._glossaries(method, parts, params, multilingual=parts[0] == "v3")
            raise ApiError(HTTPStatus.NOT_FOUND, "Not found.")

        def _glossaries(self, method: str, parts: list[str], params: dict, *, multilingual):
            if len(parts) == 2:
                if method == "POST":
                    return 201, server.create_glossary(params, multilingual=multilingual)
                if method == "GET":
                    with server.lock:
                        found = [
                            server.glossary_json(g)
                            for g in server.glossaries.values()
                            if g.multilingual == multilingual
                        ]
                    return 200, {"glossaries": found}
            glossary = server.get_glossary(parts[2], multilingual=multilingual)
            if len(parts) == 3:
                if method == "GET":
                    return 200, server.glossary_json(glossary)
                if method == "DELETE":
                    with server.lock:
                        server.glossaries.pop(glossary.glossary_id, None)
                    return 204, None
                if method == "PATCH" and multilingual:
                    if params.get("name"):
                        glossary.name = params["name"]
                    for spec in params.get("dictionaries") or []:
                        pair = server._glossary_pair(spec)
                        entries = _parse_entries(spec.get("entries", ""), "tsv")
                        glossary.dictionaries.setdefault(pair, {}).update(entries)
                    return 200, server.glossary_json(glossary)
            if len(parts) == 4 and parts[3] == "entries" and method == "GET":
                if not multilingual:
                    entries = next(iter(glossary.dictionaries.values()))
                    tsv = "\n".join(f"{s}\t{t}" for s, t in entries.items())
                    return 200, (tsv, "text/tab-separated-values")
                pair = server._glossary_pair(params)
                entries = glossary.dictionaries.get(pair)
                if entries is None:
                    raise ApiError(HTTPStatus.NOT_FOUND, "Dictionary not found.")
                tsv = "\n".join(f"{s}\t{t}" for s, t in entries.items())
                return 200, {
                    "dictionaries": [
                        {
                            "source_lang": pair[0],
                            "target_lang": pair[1],
                            "entries": tsv,
                            "entries_format": "tsv",
                        }
                    ]
                }
            if len(parts) == 4 and parts[3] == "dictionaries" and multilingual:
                pair = server._glossary_pair(params)
                if method == "PUT":
                    glossary.dictionaries[pair] = _parse_entries(
                        params.get("entries", ""), params.get("entries_format", "tsv")
                    )
                    entry_count = len(glossary.dictionaries[pair])
                    return 200, {
                        "source_lang": pair[0],
                        "target_lang": pair[1],
                        "entry_count": entry_count,
                    }
                if method == "DELETE":
                    glossary.dictionaries.pop(pair, None)
                    return 204, None
            raise ApiError(HTTPStatus.NOT_FOUND, "Not found.")

        def _admin(self, method: str, path: str, body: bytes):
            """/_admin/faults (POST JSON switches), /_admin/languages (POST ``text_only``,
            ``no_glossary``: lists of codes), /_admin/reset (POST), /_admin/log (GET)."""
            if path == "/_admin/log" and method == "GET":
                with server.lock:
                    return 200, {"requests": list(server.log), **server.usage()}
            if path == "/_admin/reset" and method == "POST":
                data = json.loads(body or b"{}")
                server.reset(character_limit=data.get("character_limit"))
                return 200, {"ok": True}
            if path == "/_admin/languages" and method == "POST":
                data = json.loads(body or b"{}")
                server.set_languages(
                    text_only=data.get("text_only"), no_glossary=data.get("no_glossary")
                )
                return 200, {"ok": True}
            if path == "/_admin/faults" and method == "POST":
                data = json.loads(body or b"{}")
                limit = data.pop("character_limit", None)
                try:
                    server.set_faults(**data)
                except ValueError as err:
                    raise ApiError(HTTPStatus.BAD_REQUEST, str(err)) from err
                if limit is not None:
                    with server.lock:
                        server.character_limit = int(limit)
                return 200, {"ok": True}
            raise ApiError(HTTPStatus.NOT_FOUND, "Not found.")

        def do_GET(self):  # the stdlib's naming
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

        def do_PUT(self):
            self._handle("PUT")

        def do_PATCH(self):
            self._handle("PATCH")

        def do_DELETE(self):
            self._handle("DELETE")

    return Handler
