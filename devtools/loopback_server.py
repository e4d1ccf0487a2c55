"""What the local DeepL and Azure servers share: a threaded HTTP server on loopback and its
life cycle (start in a thread, stop, use as a context manager, or serve in the foreground).

The two servers differ in their API, faults and log; how they listen and stop is the same,
and a fix to one (a client that hangs up mid-answer is no traceback) belongs to both.
"""

import sys
import threading
from http.server import ThreadingHTTPServer


class QuietHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up (timeout) closes its socket: not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """A local engine server's life cycle; the subclass sets ``self.httpd`` in ``__init__``."""

    httpd: QuietHTTPServer
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def serve_until_interrupted(self, name: str) -> None:
        """Serve in the foreground (``python -m translation.…_server``) until Ctrl-C."""
        print(f"{name} on {self.url} (pseudo-translations)", flush=True)
        try:
            self.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self.httpd.server_close()
