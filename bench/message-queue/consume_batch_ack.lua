-- Batch consume then batch ack: each connection asks for up to 10 messages (consume?max=10), then acks all it got
-- in one ack-batch request. msg/s = receipts answered "acked" per second (printed by done()).
local queue = os.getenv("QUEUE") or "bench-batch"
local threads = {}
-- Per-thread globals (read back in done() through thread:get). pending holds receipt batches waiting for their
-- ack-batch request; the connections of a thread share it.
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
  local receipts = table.remove(pending)
  if receipts then
    local body = '{"receiptHandles":["' .. table.concat(receipts, '","') .. '"]}'
    return wrk.format("POST", "/api/v1/queue/" .. queue .. "/ack-batch", nil, body)
  end
  return wrk.format("GET", "/api/v1/queue/" .. queue .. "/consume?max=10")
end

function response(status, headers, body)
  if status == 200 then
    if string.find(body, '"results"', 1, true) then
      for _ in string.gmatch(body, '"status":"acked"') do
        acks = acks + 1
      end
    else
      local receipts = {}
      for receipt in string.gmatch(body, '"receiptHandle":"([^"]+)"') do
        table.insert(receipts, receipt)
      end
      if #receipts > 0 then
        table.insert(pending, receipts)
      end
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
