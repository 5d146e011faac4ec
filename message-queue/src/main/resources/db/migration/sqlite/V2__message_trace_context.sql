-- The W3C trace context (traceparent) of the request that published the message, handed to its consumers.
ALTER TABLE messages ADD COLUMN traceparent TEXT;
