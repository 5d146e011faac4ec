-- Consume then ack: each connection alternates GET consume and POST ack of the receipt it got.
-- Every ack answered 200 is one message fully processed; count them in done() (msg/s = acks / duration).
local queue = os.getenv("QUEUE") or "bench-batch"
local threads = {}
-- Per-thread globals (read back in done() through thread:get).
pending = {}
acks = 0
empty = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local receipt = table.remove(pending)
  if receipt then
    return wrk.format("POST", "/api/v1/queue/" .. queue .. "/ack", nil, '{"receiptHandle":"' .. receipt .. '"}')
  end
  return wrk.format("GET", "/api/v1/queue/" .. queue .. "/consume")
end

function response(status, headers, body)
  if status == 200 then
    local receipt = string.match(body, '"receiptHandle":"([^"]+)"')
    if receipt then
      table.insert(pending, receipt)
    elseif string.find(body, '"status":"acked"', 1, true) then
      acks = acks + 1
    end
  elseif status == 204 then
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local total, nothing = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("acks")
    nothing = nothing + thread:get("empty")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("acked messages: %d in %.1f s = %.0f msg/s (empty consumes: %d, errors: %d)\n",
    total, seconds, total / seconds, nothing, summary.errors.status))
end
