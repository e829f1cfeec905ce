"""`make serve`: a local preview that rebuilds when a file is saved and reloads the browser.

File events (watchdog) start a rebuild; every page the preview serves carries a small script that
waits on `/__preview/events` (saying which page it is on) and reloads when the build has written
that page: a rebuild writes the pages being viewed first. While the content has errors, every
page is an error page listing them with `file:line`, so an editor sees at once why a change
does not show.
"""

from __future__ import annotations

import functools
import html
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Protocol
from urllib.parse import parse_qs, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

EVENTS = "/__preview/events"
SCRIPT = "/__preview/reload.js"
_QUIET = 0.05
"""Seconds without another file event before rebuilding: an editor's save is often several events."""
_RELOAD_JS = f"""// Reloads the page when the preview has rebuilt it; the server learns which page this is.
var events = new EventSource("{EVENTS}?page=" + encodeURIComponent(location.pathname));
events.addEventListener("build", function () {{ location.reload(); }});
events.addEventListener("open", function () {{ document.documentElement.dataset.preview = "connected"; }});
"""


class Rebuild(Protocol):
    def __call__(self, viewed: list[str], ready: Callable[[], None], pending: Callable[[], bool]) -> list[str]:
        """Build again, writing the pages at the paths `viewed` first and then calling `ready()`;
        stop early when `pending()` (another save came). The errors of a failed build, else none."""


class State:
    """What the browser should show: the number of the latest build, and its errors if it failed;
    and the pages open in browsers."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.build = 0
        self.errors: list[str] = []
        self.viewers: Counter[str] = Counter()

    def viewed(self) -> list[str]:
        """The paths of the pages open in a browser now."""
        with self.changed:
            return [path for path, count in self.viewers.items() if count > 0]

    def finish(self, errors: list[str]) -> None:
        with self.changed:
            self.build += 1
            self.errors = errors
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The latest build number, once it is past `seen` (or after `timeout` seconds)."""
        with self.changed:
            self.changed.wait_for(lambda: self.build > seen, timeout)
            return self.build


def error_page(errors: list[str]) -> bytes:
    """Every problem, escaped: file names and messages come from content."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in errors)
    return (f'<!doctype html><html lang="ru"><meta charset="utf-8"><title>Preview: errors</title>'
            f'<h1>The site was not rebuilt · Сайт не пересобран</h1><ol>{items}</ol>'
            f'<script src="{SCRIPT}"></script></html>').encode("utf-8")


class _Handler(SimpleHTTPRequestHandler):
    """Serves the built site, the reload script and its events, or the error page."""

    state: State

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            return self._events()
        if path == SCRIPT:
            return self._send(_RELOAD_JS.encode(), "text/javascript")
        if self.state.errors and (path.endswith("/") or path.endswith(".html")):
            return self._send(error_page(self.state.errors), "text/html; charset=utf-8", 500)
        if path.endswith("/") or path.endswith(".html"):
            return self._page()
        return super().do_GET()

    def _page(self) -> None:
        """An HTML page with the reload script added."""
        local = Path(self.translate_path(self.path))
        file = local / "index.html" if local.is_dir() else local
        if not file.is_file():
            return super().do_GET()
        page = file.read_bytes().replace(b"</body>", f'<script src="{SCRIPT}"></script></body>'.encode(), 1)
        self._send(page, "text/html; charset=utf-8")

    def _send(self, body: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: one `build` event each time a build has written the pages being viewed."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        page = parse_qs(urlsplit(self.path).query).get("page", [""])[0]
        with self.state.changed:
            self.state.viewers[page] += 1
            seen = self.state.build
        try:
            while True:
                latest = self.state.wait(seen, timeout=15)
                self.wfile.write(b"event: build\ndata: %d\n\n" % latest if latest > seen else b": still here\n\n")
                self.wfile.flush()
                seen = latest
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            with self.state.changed:
                self.state.viewers[page] -= 1


class _Saves(FileSystemEventHandler):
    """Wakes the rebuild loop on any change below the watched folders."""

    def __init__(self, wake: threading.Event) -> None:
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("opened", "closed_no_write"):
            self.wake.set()


def preview(out: Path, watched: list[Path], port: int, rebuild: Rebuild) -> int:
    """Build, serve `out` on 127.0.0.1, and rebuild after every save until interrupted."""
    state = State()
    state.finish(rebuild([], lambda: None, lambda: False))
    out.mkdir(parents=True, exist_ok=True)
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(out)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    wake = threading.Event()
    observer = Observer()
    for folder in watched:
        observer.schedule(_Saves(wake), str(folder), recursive=True)
    observer.start()
    print(f"preview at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops it)", flush=True)
    try:
        while True:
            wake.wait()
            while wake.is_set():
                wake.clear()
                time.sleep(_QUIET)
            print("change saved; rebuilding", flush=True)
            announced = []

            def ready() -> None:
                if not announced:
                    announced.append(True)
                    state.finish([])

            errors = rebuild(state.viewed(), ready, wake.is_set)
            if errors or not announced:
                state.finish(errors)
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        server.shutdown()
