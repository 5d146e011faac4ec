-- Times are epoch milliseconds. A message is ready when visible_at <= now, in flight when it has a receipt and
-- visible_at > now, delayed when it has no receipt and visible_at > now.
CREATE TABLE queues (
    name                  TEXT    NOT NULL PRIMARY KEY,
    visibility_timeout_ms BIGINT  NOT NULL,
    max_deliveries        INTEGER NOT NULL,
    retention_ms          BIGINT  NOT NULL,
    created_at            BIGINT  NOT NULL
);

CREATE TABLE messages (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue          TEXT    NOT NULL,
    payload        TEXT    NOT NULL,
    enqueued_at    BIGINT  NOT NULL,
    visible_at     BIGINT  NOT NULL,
    delivery_count INTEGER NOT NULL DEFAULT 0,
    receipt        TEXT
);
-- One index, in delivery (FIFO) order: a consumer reads the queue's first rows and skips the few in flight at the
-- head. An index on visible_at would tempt the planner into sorting every ready row by id to find the first one.
CREATE INDEX messages_by_queue_and_id ON messages (queue, id);

-- Totals are split over shards so that concurrent transactions do not queue on one row lock.
CREATE TABLE queue_counters (
    queue     TEXT    NOT NULL,
    shard     INTEGER NOT NULL,
    published BIGINT  NOT NULL DEFAULT 0,
    delivered BIGINT  NOT NULL DEFAULT 0,
    acked     BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (queue, shard)
);

CREATE TABLE idempotency_keys (
    queue      TEXT   NOT NULL,
    idem_key   TEXT   NOT NULL,
    message_id BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (queue, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
