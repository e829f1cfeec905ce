"""`make serve`: a local preview that rebuilds the site whenever a content or theme file is saved."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable



def snapshot(folders: list[Path]) -> dict[Path, float]:
    """Every file's modification time, to notice a save."""
    return {path: path.stat().st_mtime for folder in folders for path in folder.rglob("*") if path.is_file()}


def preview(content: Path, out: Path, theme: Path, port: int, rebuild: Callable[[], int]) -> int:
    """Build, serve `out` on 127.0.0.1, and rebuild after every change until interrupted.
    A failed rebuild prints its errors and keeps serving the last good site."""
    rebuild()
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"preview at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops it)", flush=True)
    seen = snapshot([content, theme])
    try:
        while True:
            time.sleep(1)
            now = snapshot([content, theme])
            if now != seen:
                seen = now
                print("change saved; rebuilding", flush=True)
                rebuild()
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
