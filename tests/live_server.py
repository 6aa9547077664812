"""`atsmatch serve` as a real process on a free loopback port, for tests over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # the only address these tests ever talk to
START_SECONDS = 90.0  # spaCy and the vocabulary load before /healthz answers


@dataclass(frozen=True)
class LiveServer:
    """A running server: its base URL, process id and the file its log goes to."""

    url: str
    pid: int
    log: Path

    def peak_rss_kb(self) -> int:
        """The server process's peak resident memory (VmHWM), in kB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise AssertionError("no VmHWM in /proc status")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def live_server(log: Path, env: dict[str, str]) -> Iterator[LiveServer]:
    """Start `python -m atsmatch serve` on a free port, wait for /healthz, stop it after."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "atsmatch", "serve", "--host", HOST, "--port", str(port)],
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                raise AssertionError(f"server exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("server did not answer /healthz in time")
            time.sleep(0.2)
        yield LiveServer(url, process.pid, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
