-- wrk script: POST one small ETL job (20 records, filter + group + 3 aggregates) per request.
local records = {}
for i = 1, 20 do
  records[#records + 1] = string.format('{"region":"%s","amount":%d,"status":"%s"}',
    (i % 3 == 0) and "us" or "eu", i * 7, (i % 4 == 0) and "refunded" or "paid")
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"bench","records":[' .. table.concat(records, ",") .. '],'
  .. '"filter":{"field":"status","equals":"paid"},"groupBy":"region",'
  .. '"aggregates":[{"op":"count"},{"op":"sum","field":"amount"},{"op":"avg","field":"amount"}]}'

