#!/usr/bin/env python3
"""Uploads files through MediaVault's library surface (create, PUT, confirm) over keep-alive connections, with
several uploads in flight, then waits until every media is processed. Prints three numbers: seconds until all
were uploaded, seconds until all were ready (status SUCCESS), and seconds until every ready image also had its
large preview (thumb-1024 in the preview URL; equals the second figure for other kinds).

Usage: library_upload.py BASE_URL TOKEN PARALLEL FILE...   (UPLOAD_ONLY=1: print the first number and stop)"""
import http.client, json, mimetypes, os, sys, threading, time, urllib.parse

base, token, parallel, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
host = urllib.parse.urlsplit(base)
auth = {"Authorization": f"Bearer {token}"}


def connect():
    # Bodies go out in 1 MiB writes (http.client's default is 8 KiB: ~430 Python-level reads and sends per 3.5 MB file,
    # 2-4 ms of this client's CPU per image on the two cores the server and the peer use too).
    return http.client.HTTPConnection(host.hostname, host.port, timeout=120, blocksize=1 << 20)


def call(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers={**auth, **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:200]!r}")
    return json.loads(data) if data else None


ids, lock, queue, errors = [], threading.Lock(), list(files), []


def worker():
    try:
        upload_all()
    except BaseException as error:  # a failed thread must fail the run, not vanish
        errors.append(error)


def upload_all():
    conn = connect()
    while True:
        with lock:
            if not queue:
                return
            path = queue.pop()
        size = os.path.getsize(path)
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        created = call(conn, "POST", "/v2/media", json.dumps({"name": os.path.basename(path), "type": kind, "fileSize": size}),
                       {"Content-Type": "application/json"})
        upload = urllib.parse.urlsplit(created["uploadUrl"])
        with open(path, "rb") as body:
            conn.request("PUT", f"{upload.path}?{upload.query}", body=body, headers={"Content-Length": str(size)})
            response = conn.getresponse()
            response.read()
            if response.status >= 300:
                raise SystemExit(f"PUT: {response.status}")
        call(conn, "PATCH", f"/v2/media/{created['id']}")
        with lock:
            ids.append(created["id"])


start = time.monotonic()
threads = [threading.Thread(target=worker) for _ in range(parallel)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if errors:
    raise SystemExit(f"upload failed: {errors[0]}")
uploaded = time.monotonic() - start
if os.environ.get("UPLOAD_ONLY"):
    print(f"{uploaded:.3f}")
    sys.exit(0)

def listed(conn, wanted):
    """The tenant's newest media, through keyset pages of 100, until every wanted id was seen (ours are the newest)."""
    items, cursor, seen = [], None, 0
    while True:
        page = call(conn, "GET", "/v2/media?limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
        items += page["data"]
        seen += sum(1 for m in page["data"] if m["id"] in wanted)
        cursor = page["pagination"].get("nextCursor")
        if not cursor or seen == len(wanted):
            return items


conn, ready_at, wanted = connect(), None, set(ids)
while True:
    mine = [m for m in listed(conn, wanted) if m["id"] in wanted]
    failed = [m for m in mine if m["status"] == "ERROR"]
    if failed:
        raise SystemExit(f"media {failed[0]['id']} failed: {failed[0].get('reason')}")
    if ready_at is None and all(m["status"] == "SUCCESS" for m in mine):
        ready_at = time.monotonic() - start
    if ready_at is not None and all(not (m.get("type") or "").startswith("image/") or "thumb-1024" in (m.get("preview") or "") for m in mine):
        break
    time.sleep(0.1)
print(f"{uploaded:.3f} {ready_at:.3f} {time.monotonic() - start:.3f}")
