-- wrk script for alert-benchmark.sh: POST /api/v1/alerts as many partners.
-- Arguments after "--": a file of Authorization header values (one per line; requests rotate
-- through them, so every account submits) and a run id that makes every Idempotency-Key unique
-- (run-thread-counter). Counts 201/200/other responses and prints one machine-readable RESULT line;
-- with ALERT_RECEIPTS set, appends the receipt number of every 201 to that file.
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

local auths = {}
local run = "run"
local n = 0
created = 0
replayed = 0
other = 0
receipts = {}

local addresses = {
    "ひだまり市若葉2-3-5", "ひだまり市若葉二丁目8番1号", "みらい県ひだまり市中山12-4", "ひだまり市柳沢3-1",
    "ひだまり市宮前1丁目2-3", "ひだまり市旭町２－５－１", "ひだまり市桜ケ丘三丁目9", "ひだまり市西原1-14-2",
    "ひだまり市南台2-7", "ひだまり市花園3丁目1番", "どこにもない町1-1",
}
local anomalies = { '"mail_piling_up","no_response"', '"not_seen"', '"shutters_closed","lights_abnormal"', '"unwell"' }
local urgencies = { "urgent", "info", "urgent", "info" }

-- ALERT_THINK_MS: pause of each connection between its requests (a partner does not file back to
-- back); 0 = closed loop, as fast as the server answers.
local think = tonumber(os.getenv("ALERT_THINK_MS") or "0") or 0

function delay()
    return think
end

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then auths[#auths + 1] = line end
    end
    run = args[2] or run
end

function request()
    n = n + 1
    local k = n + (id or 1) * 7
    local body = '{"address":"' .. addresses[k % #addresses + 1] .. '","observedAt":"2026-11-23T09:40:00+09:00",'
        .. '"anomalies":[' .. anomalies[k % #anomalies + 1] .. '],"urgency":"' .. urgencies[k % #urgencies + 1] .. '",'
        .. '"personDescription":"80代女性、一人暮らしの様子","details":"新聞が3日分たまっています。",'
        .. '"reporterName":"ベンチ","reporterPhone":"099-000-0000"}'
    return wrk.format("POST", "/api/v1/alerts", {
        ["Authorization"] = auths[k % #auths + 1],
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = run .. "-" .. (id or 1) .. "-" .. n,
    }, body)
end

function response(status, headers, body)
    if status == 201 then
        created = created + 1
        receipts[#receipts + 1] = string.match(body, '"receiptNo":"([^"]+)"') or "?"
    elseif status == 200 then
        replayed = replayed + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local c, r, o = 0, 0, 0
    local file = os.getenv("ALERT_RECEIPTS") and io.open(os.getenv("ALERT_RECEIPTS"), "a")
    for _, t in ipairs(threads) do
        c = c + t:get("created")
        r = r + t:get("replayed")
        o = o + t:get("other")
        if file then
            for _, receipt in ipairs(t:get("receipts")) do file:write(receipt, "\n") end
        end
    end
    if file then file:close() end
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout
    io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d created=%d replayed=%d other=%d socket_errors=%d timeouts=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, summary.requests, c, r, o, errors, e.timeout))
end
