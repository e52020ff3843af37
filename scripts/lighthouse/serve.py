"""A static server for the Lighthouse run: the built site on 127.0.0.1, text compressed with gzip as
the hosting guides configure nginx, Apache and IIS. Prints its address, then serves until killed."""

from __future__ import annotations

import gzip
import http.server
import sys
from functools import partial

COMPRESS = {".html", ".css", ".js", ".json", ".svg", ".vtt", ".xml", ".txt"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not any(path.endswith(s) for s in COMPRESS):
            return super().send_head()
        try:
            with open(path, "rb") as file:
                body = gzip.compress(file.read(), 6)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        return None


def main() -> None:
    site = sys.argv[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=site))
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
