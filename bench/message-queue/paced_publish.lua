-- Publishes paced per connection: each connection waits DELAY_MS before each request, so the offered rate is
-- about connections * 1000 / (DELAY_MS + latency). wrk reports latency without the pause; the achieved rate is
-- its Requests/sec. (wrk is closed-loop: a slow answer delays the next request instead of queueing it.)
local pause = tonumber(os.getenv("DELAY_MS") or "20")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"job":"resize","image":"s3://bucket/images/0001.png","sizes":[64,128,256],"priority":"normal"}'
wrk.path = "/api/v1/queue/bench-paced/publish"

function delay()
  return pause
end
