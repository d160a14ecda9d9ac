#!/usr/bin/env node
// `npm run bench:messages`: issue #21's speed targets, each printed beside Medusa's own
// GET /admin/notifications over as many notifications as messages, in the same run.
// - The staff inbox's first page (GET /admin/conversations) for each filter, p95 ≤ 50 ms, at 100,000
//   conversations and 2,000,000 messages.
// - Opening a conversation (GET /admin/conversations/:id, its messages and notes), p95 ≤ 30 ms.
// - A message a customer posts reaches every one of 200 open staff inbox streams
//   (GET /admin/conversations/stream, server-sent events) within 2 s at p95.
// Every answer is checked (status, rows, the filter holding), so a fast wrong answer fails the run.
//
// Settings (environment): BENCH_CONVERSATIONS (100000), BENCH_MESSAGES_PER (20), BENCH_ROUNDS (30),
// BENCH_STREAMS (200), BENCH_POSTS (20), DATABASE_URL to use your PostgreSQL server.
import http from "node:http"
import os from "node:os"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { DEMO, readPortalKey } from "../../scripts/lib/stack.mjs"
import { generateMessages } from "./messages-data.mjs"
import { benchStack, httpClient, percentile, say } from "./stack.mjs"

const settings = {
  conversations: Number(process.env.BENCH_CONVERSATIONS ?? 100_000),
  messagesPer: Number(process.env.BENCH_MESSAGES_PER ?? 20),
  rounds: Number(process.env.BENCH_ROUNDS ?? 30),
  streams: Number(process.env.BENCH_STREAMS ?? 200),
  posts: Number(process.env.BENCH_POSTS ?? 20),
}
const TARGETS = { inbox: 50, open: 30, live: 2000 }
const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`
const summary = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95) })

/** One server-sent events stream; calls `onEvent(name, data, receivedAt)` for each event. */
function openStream(base, path, token, onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`))
      let buffer = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => {
        const at = performance.now()
        buffer += chunk
        let end
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const name = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (name && data) onEvent(name, JSON.parse(data), at)
        }
      })
      resolve({ close: () => req.destroy() })
    })
    req.on("error", (error) => (error.code === "ECONNRESET" ? null : reject(error)))
    req.end()
  })
}

const stack = await benchStack({ name: "messages-bench" })
try {
  const db = new pg.Client({ connectionString: stack.databaseUrl })
  await db.connect()
  const [staff] = (await db.query(`SELECT id FROM "user" WHERE email = $1`, [DEMO.adminEmail])).rows
  const total = settings.conversations * settings.messagesPer
  say(`Generating ${settings.conversations.toLocaleString("en-GB")} conversations, ${total.toLocaleString("en-GB")} messages and as many notifications`)
  const t0 = performance.now()
  const { customers, sampleWord } = await generateMessages(db, { ...settings, staffUserId: staff.id })
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  await db.end()
  const publishableKey = await readPortalKey(stack.databaseUrl)

  say("Starting Medusa (production mode, no admin)")
  const server = await stack.startServer()
  const { request, close } = httpClient(server.base, { headers: { "x-publishable-api-key": publishableKey }, maxSockets: 1 })
  const login = await request("POST", "/auth/user/emailpass", { body: { email: DEMO.adminEmail, password: DEMO.adminPassword } })
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${login.text}`)
  const token = login.json.token
  const failures = []
  const timed = async (name, path, check) => {
    const res = await request("GET", path, { token })
    const problem = res.status !== 200 ? `${res.status} ${res.text.slice(0, 200)}` : check?.(res)
    if (problem) failures.push(`${name}: ${problem}`)
    return res.ms
  }
  const sampleCustomer = `cus_msgbench${String(Math.ceil(customers / 2)).padStart(7, "0")}`
  const listed = (predicate, label) => (res) =>
    !res.json?.conversations?.length ? "no conversations listed" : res.json.conversations.every(predicate) ? null : `a conversation listed is not ${label}`
  const some = (key) => (res) => (res.json?.[key]?.length ? null : `no ${key} listed`)
  const notificationFields = "fields=id,to,channel,template,data,resource_id,resource_type,receiver_id,created_at"
  // Each inbox view with Medusa's notifications list nearest to it (null: core has no such filter).
  const cases = [
    ["all", "/admin/conversations?filter=all&limit=20", listed(() => true, ""), `/admin/notifications?limit=20&order=-created_at&${notificationFields}`],
    ["unassigned", "/admin/conversations?filter=unassigned&limit=20", listed((c) => c.assigned_to === null, "unassigned"), null],
    ["mine", "/admin/conversations?filter=mine&limit=20", listed((c) => c.assigned_to?.id === staff.id, "mine"), null],
    ["unread", "/admin/conversations?filter=all&unread=true&limit=20", listed((c) => c.unread_count > 0, "unread"), null],
    [
      "one customer's",
      `/admin/conversations?filter=all&customer_id=${sampleCustomer}&limit=20`,
      listed((c) => c.customer.id === sampleCustomer, "the customer's"),
      `/admin/notifications?limit=20&receiver_id=${sampleCustomer}&order=-created_at&${notificationFields}`,
    ],
    ["search a customer", `/admin/conversations?filter=all&q=msgbench${Math.ceil(customers / 3)}@&limit=20`, listed(() => true, ""), null],
    ["search message text", `/admin/conversations?filter=all&q=${sampleWord}%20at%20number%2077&limit=20`, listed(() => true, ""), null],
  ]
  say("Warming up")
  for (const [name, ours, check, core] of cases) {
    for (let i = 0; i < 2; i++) {
      await timed(name, ours, check)
      if (core) await timed(`core ${name}`, core, some("notifications"))
    }
  }

  say(`Inbox first page vs GET /admin/notifications, ${settings.rounds} rounds, alternating, one request at a time`)
  const rows = []
  let met = true
  for (const [name, ours, check, core] of cases) {
    const a = []
    const b = []
    for (let i = 0; i < settings.rounds; i++) {
      a.push(await timed(name, ours, check))
      if (core) b.push(await timed(`core ${name}`, core, some("notifications")))
    }
    const s = summary(a)
    const c = core ? summary(b) : null
    const ok = s.p95 <= TARGETS.inbox
    met &&= ok
    rows.push({
      "inbox first page": name,
      "p50 ms": s.p50.toFixed(1),
      "p95 ms": s.p95.toFixed(1),
      "core notifications p95 ms": c ? c.p95.toFixed(1) : "—",
      [`≤ ${TARGETS.inbox} ms`]: ok ? "met" : "NOT met",
    })
  }

  say("Opening a conversation vs GET /admin/notifications/:id")
  const openTimes = []
  const coreOpenTimes = []
  for (let i = 0; i < settings.rounds; i++) {
    const n = 1 + ((i * 7919) % settings.conversations)
    const id = `conv_mb${String(n).padStart(8, "0")}`
    const messages = (res) =>
      res.json?.conversation?.messages?.length === settings.messagesPer
        ? null
        : `${res.json?.conversation?.messages?.length} messages, not ${settings.messagesPer}`
    openTimes.push(await timed("open", `/admin/conversations/${id}`, messages))
    const noti = `noti_mb${String(n).padStart(8, "0")}001`
    coreOpenTimes.push(
      await timed("core open", `/admin/notifications/${noti}?${notificationFields}`, (res) => (res.json?.notification ? null : "no notification"))
    )
  }
  const open = summary(openTimes)
  const coreOpen = summary(coreOpenTimes)
  met &&= open.p95 <= TARGETS.open

  say(`A customer's message reaching ${settings.streams} open staff inbox streams, ${settings.posts} messages`)
  const customer = httpClient(server.base, { headers: { "x-publishable-api-key": publishableKey }, maxSockets: 1 })
  const signIn = await customer.request("POST", "/auth/customer/emailpass", { body: { email: DEMO.customerEmail, password: DEMO.customerPassword } })
  if (signIn.status !== 200) throw new Error(`Customer login failed: ${signIn.status} ${signIn.text}`)
  const customerToken = signIn.json.token
  const sentAt = new Map()
  const delays = []
  const received = new Map()
  const streams = []
  for (let i = 0; i < settings.streams; i++) {
    streams.push(
      await openStream(server.base, "/admin/conversations/stream", token, (name, data, at) => {
        if (name !== "message" || !sentAt.has(data.message_id)) return
        delays.push(at - sentAt.get(data.message_id))
        received.set(data.message_id, (received.get(data.message_id) ?? 0) + 1)
      })
    )
  }
  const started = await customer.request("POST", "/store/customers/me/conversations", {
    token: customerToken,
    body: { subject_type: "general", body: "Hello, a question about my next visit." },
  })
  if (started.status !== 201) throw new Error(`Starting a conversation failed: ${started.status} ${started.text}`)
  const conversationId = started.json.conversation.id
  for (let i = 0; i < settings.posts; i++) {
    const before = performance.now()
    const posted = await customer.request("POST", `/store/customers/me/conversations/${conversationId}/messages`, {
      token: customerToken,
      body: { body: `Bench message ${i + 1}: is 9am still fine?` },
    })
    if (posted.status !== 201) throw new Error(`Posting failed: ${posted.status} ${posted.text}`)
    const messages = posted.json.conversation.messages
    sentAt.set(messages[messages.length - 1].id, before)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await new Promise((resolve) => setTimeout(resolve, TARGETS.live + 1000))
  for (const stream of streams) stream.close()
  customer.close()
  const expected = settings.streams * settings.posts
  if (delays.length < expected) failures.push(`live: ${expected - delays.length} of ${expected} deliveries never arrived`)
  const live = delays.length ? summary(delays) : { p50: Infinity, p95: Infinity }
  met &&= live.p95 <= TARGETS.live && delays.length === expected

  console.log(`\n${settings.conversations.toLocaleString("en-GB")} conversations, ${total.toLocaleString("en-GB")} messages and notifications; ${machine()}`)
  console.table(rows)
  console.table([
    {
      measured: "opening a conversation",
      "p50 ms": open.p50.toFixed(1),
      "p95 ms": open.p95.toFixed(1),
      "core notification p95 ms": coreOpen.p95.toFixed(1),
      "target ms": TARGETS.open,
      result: open.p95 <= TARGETS.open ? "met" : "NOT met",
    },
    {
      measured: `message to ${settings.streams} open inboxes (${delays.length} deliveries)`,
      "p50 ms": live.p50.toFixed(1),
      "p95 ms": live.p95.toFixed(1),
      "core notification p95 ms": "—",
      "target ms": TARGETS.live,
      result: live.p95 <= TARGETS.live && delays.length === expected ? "met" : "NOT met",
    },
  ])
  console.log(met ? "All targets met." : "Some targets NOT met.")
  if (failures.length) console.error(`\n${failures.length} wrong answers, e.g.:\n  ${failures.slice(0, 5).join("\n  ")}`)
  if (!met || failures.length) process.exitCode = 1
  close()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
}
