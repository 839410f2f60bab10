-- Appended to every benchmark script (Wrk.prepare): the one result line Wrk.Result reads, with requests,
-- duration (µs), p50 and p99 latency (µs) and errors (socket errors and non-2xx answers).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.1f %.1f %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors))
end
