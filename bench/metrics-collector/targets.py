#!/usr/bin/env python3
"""Serves N simulated health endpoints from one process: GET /t/<n>/health.

Every 50th target answers 503 (a dead backend, backed off by the collector's breakers); every 10th takes
20-60 ms; the others answer at once. Usage: targets.py PORT
"""
import json
import random
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) != 3 or parts[0] != "t" or parts[2] != "health" or not parts[1].isdigit():
            return self.answer(404, {"error": "no such target"})
        n = int(parts[1])
        if n % 50 == 0:
            return self.answer(503, {"status": "DOWN"})
        if n % 10 == 0:
            time.sleep(random.uniform(0.02, 0.06))
        return self.answer(200, {"status": "UP"})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The collector closing a kept-alive connection (e.g. when it stops) is not an error here.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
