#!/usr/bin/env python3
"""Uploads one file through MediaVault's library surface (create, PUT, confirm) on one keep-alive connection, then
asks for the media every POLL_MS milliseconds (default 10) on that connection until it is SUCCESS. Prints the seconds
from the create request to the answer that said SUCCESS; fails when the media says ERROR. Timed inside one process,
so the figure holds the HTTP requests and the server's work, not the client's own process starts.

Usage: upload_until_ready.py BASE_URL TOKEN FILE MIME_TYPE"""
import http.client, json, os, sys, time, urllib.parse

base, token, path, kind = sys.argv[1:5]
poll = int(os.environ.get("POLL_MS", "10")) / 1000
host = urllib.parse.urlsplit(base)
auth = {"Authorization": f"Bearer {token}"}
size = os.path.getsize(path)
with open(path, "rb") as f:
    body = f.read()  # read before the clock starts: the peer's tools find the file in the page cache too
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)


def call(method, target, payload=None, headers=None):
    conn.request(method, target, body=payload, headers={**auth, **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {target}: {response.status} {data[:200]!r}")
    return json.loads(data) if data else None


start = time.monotonic()
created = call("POST", "/v2/media", json.dumps({"name": os.path.basename(path), "type": kind, "fileSize": size}),
               {"Content-Type": "application/json"})
upload = urllib.parse.urlsplit(created["uploadUrl"])
conn.request("PUT", f"{upload.path}?{upload.query}", body=body, headers={"Content-Length": str(size)})
response = conn.getresponse()
response.read()
if response.status >= 300:
    raise SystemExit(f"PUT: {response.status}")
call("PATCH", f"/v2/media/{created['id']}")
while True:
    media = call("GET", f"/v2/media/{created['id']}")
    if media["status"] == "SUCCESS":
        break
    if media["status"] == "ERROR":
        raise SystemExit(f"media {created['id']} failed processing: {media.get('reason')}")
    time.sleep(poll)
print(f"{time.monotonic() - start:.3f}")
