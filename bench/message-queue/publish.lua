-- Single publishes: one ~100-byte JSON job per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"job":"resize","image":"s3://bucket/images/0001.png","sizes":[64,128,256],"priority":"normal"}'
wrk.path = "/api/v1/queue/bench-publish/publish"
