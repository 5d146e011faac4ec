-- Batch publishes: 100 messages of ~100 bytes per request. msg/s = requests/s * 100.
local entries = {}
for i = 1, 100 do
  entries[i] = '{"payload":{"job":"resize","image":"s3://bucket/images/' .. i .. '.png","sizes":[64,128,256]}}'
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"messages":[' .. table.concat(entries, ",") .. ']}'
wrk.path = "/api/v1/queue/" .. (os.getenv("QUEUE") or "bench-batch") .. "/publish-batch"
