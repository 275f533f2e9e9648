-- wrk script for search-benchmark.sh: rotates through a file of pre-generated request paths
-- (one URL-encoded path per line; the file is the argument after "--") and prints one
-- machine-readable RESULT line. Each thread starts at a different offset.
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

-- SEARCH_THINK_MS: pause of each connection between its requests (soak.sh: residents at their own
-- pace); unset or 0 = closed loop, as fast as the server answers (search-benchmark.sh).
local think = tonumber(os.getenv("SEARCH_THINK_MS") or "0") or 0

function delay()
    return think
end

local paths = {}
local i = 0

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then paths[#paths + 1] = line end
    end
    i = ((id or 1) - 1) * math.floor(#paths / 7)
end

function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.status + e.timeout
    io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d errors=%d non2xx=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, summary.requests, errors, e.status))
end
