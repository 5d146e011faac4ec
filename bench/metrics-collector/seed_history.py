#!/usr/bin/env python3
"""Writes HOURS simulated hours of history (a sample every 10 s per target) into the collector's database, ending
now, so that the collector can be measured as if it had been running for an hour.

The collector must have created the schema first (start it once). Usage: seed_history.py DB SERVICES INSTANCES TARGET_PORT [HOURS]
"""
import os
import random
import sqlite3
import sys
import time

db, services, instances, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
hours = int(sys.argv[5]) if len(sys.argv) > 5 else 1
now_ms = int(time.time() * 1000)
connection = sqlite3.connect(db)
total = 0
n = 0
for s in range(services):
    for i in range(instances):
        names = os.environ.get("NAMES", "").split(",")
        service = names[s] if s < len(names) and names[s] else f"svc-{s:02d}"
        instance = f"127.0.0.1:{port}/t/{n}"
        dead = n % 50 == 0
        rows = []
        for k in range(360 * hours):
            at = now_ms - hours * 3_600_000 + k * 10_000
            if dead:
                rows.append((service, instance, at, "DOWN", 503, 2, "HTTP 503 (status DOWN)"))
            else:
                # A daily-ish wave plus noise, so that a chart of it looks like a service's latency.
                base = 8 + 6 * (s % 3) + 4 * ((k // 90) % 2)
                rows.append((service, instance, at, "UP", 200, max(1, int(random.gauss(base, base / 3))), None))
        connection.executemany(
            "INSERT INTO sample (service, instance, at, status, http_status, response_ms, error) "
            "VALUES (?,?,?,?,?,?,?)", rows)
        total += len(rows)
        n += 1
connection.commit()
print(f"seeded {total} samples ({hours} h)")
