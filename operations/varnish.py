"""Start Varnish with ``deploy/varnish/portal.vcl`` in front of a local backend.

One implementation for the tests (through-the-cache tests), ``make bench-site``,
``make serve-cached`` and ``make topology``:

    python -m operations.varnish --listen 8171 --backend 8170 --admin 8173

runs Varnish in the foreground until interrupted. Debian's ``varnish`` package provides
``varnishd``; ``scripts/test-setup.sh`` installs it.
"""

import argparse
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "portal.vcl"


def varnishd_path() -> str | None:
    return shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vcl_for(backends: list[int]) -> str:
    """The shipped VCL with its backend on ``backends`` (round robin when several)."""
    text = VCL.read_text()
    if len(backends) == 1:
        return text.replace('.port = "8000";', f'.port = "{backends[0]}";')
    definitions = "\n".join(
        f'backend app{i} {{ .host = "127.0.0.1"; .port = "{port}"; }}'
        for i, port in enumerate(backends)
    )
    director = "    set req.backend_hint = vdir.backend();"
    adds = "\n".join(f"    vdir.add_backend(app{i});" for i in range(len(backends)))
    text = text.replace("import std;", "import std;\nimport directors;")
    text = text.replace(
        "acl purgers {",
        f"{definitions}\n\nsub vcl_init {{\n    new vdir = directors.round_robin();\n{adds}\n}}\n\n"
        "acl purgers {",
    )
    return text.replace("sub vcl_recv {", f"sub vcl_recv {{\n{director}", 1)


class Varnish:
    """A running ``varnishd`` (foreground child), stopped by ``stop()``."""

    def __init__(self, listen: int, backends: list[int], admin: int | None = None, memory="64m"):
        binary = varnishd_path()
        if binary is None:
            raise FileNotFoundError("varnishd is not installed (Debian package varnish)")
        self.listen = listen
        self.workdir = tempfile.mkdtemp(prefix="portal-varnish-")
        # varnishd reads the VCL as its own unprivileged user.
        Path(self.workdir).chmod(0o755)
        vcl = Path(self.workdir) / "portal.vcl"
        vcl.write_text(vcl_for(backends))
        vcl.chmod(0o644)
        command = [
            binary,
            "-F",
            "-a",
            f"127.0.0.1:{listen}",
            "-T",
            f"127.0.0.1:{admin or free_port()}",
            "-f",
            str(vcl),
            "-s",
            f"malloc,{memory}",
            "-n",
            str(Path(self.workdir) / "n"),
            # Bans are checked by the lurker soon after a purge; the check at lookup is
            # immediate anyway.
            "-p",
            "ban_lurker_sleep=0.1",
        ]
        self.process = subprocess.Popen(  # noqa: S603 - fixed command line
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self._wait_until_listening()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen}"

    def _wait_until_listening(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace")
                raise RuntimeError(f"varnishd exited: {error}")
            try:
                with socket.create_connection(("127.0.0.1", self.listen), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("varnishd did not start listening")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--backend", type=int, action="append", required=True)
    parser.add_argument("--admin", type=int)
    arguments = parser.parse_args()
    varnish = Varnish(arguments.listen, arguments.backend, arguments.admin)
    print(f"Varnish on {varnish.url} in front of {arguments.backend}", flush=True)

    def terminate(*_args):
        # Leave the wait below; stopping happens in ``finally``, not in the handler (a
        # handler waiting on the child while the main thread waits on it would deadlock).
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, terminate)
    try:
        varnish.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        varnish.stop()


if __name__ == "__main__":
    main()
