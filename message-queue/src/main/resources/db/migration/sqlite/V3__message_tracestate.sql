-- The W3C tracestate (vendor trace data) that came with the publish request's traceparent, handed to consumers.
ALTER TABLE messages ADD COLUMN tracestate TEXT;
