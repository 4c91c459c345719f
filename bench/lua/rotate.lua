-- The load test: every request takes the next path from a list (one per line, in the file named
-- by the first argument after `--`), each thread starting at its own place in it, and done()
-- prints the same JSON line as measure.lua. Which address a response answered is not known
-- here (wrk's hooks do not say which connection a response came on): the runner names the
-- addresses of any 5xx from gunicorn's access log.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("thread_number", counter)
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   local file = assert(io.open(args[1], "r"), "cannot read the path list " .. tostring(args[1]))
   for line in file:lines() do
      if line ~= "" then
         table.insert(paths, line)
      end
   end
   file:close()
   assert(#paths > 0, "the path list is empty")
   -- Threads start spread over the list so they do not ask for the same address at once.
   position = ((thread_number or 1) * 7919) % #paths
   statuses = {}
end

function request()
   position = position % #paths + 1
   return wrk.format(nil, paths[position])
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

local function json_string(text)
   return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local function json_object(map)
   local parts = {}
   for key, value in pairs(map) do
      table.insert(parts, json_string(key) .. ": " .. string.format("%d", value))
   end
   return "{" .. table.concat(parts, ", ") .. "}"
end

local function gather(name)
   local totals = {}
   for _, thread in ipairs(threads) do
      for key, count in pairs(thread:get(name) or {}) do
         totals[key] = (totals[key] or 0) + count
      end
   end
   return totals
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}, ' ..
      '"statuses": %s}\n',
      summary.requests, summary.duration, summary.bytes,
      errors.connect, errors.read, errors.write, errors.status, errors.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      latency.mean, json_object(gather("statuses"))))
end
