import net from "node:net"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { freePort } from "../../scripts/lib/database.mjs"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { startMedusa } from "../../scripts/lib/stack.mjs"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, eventually, signUpCustomer, uniqueEmail } from "../support/api"
import { openStream } from "../support/conversations"
import { sql } from "../support/db"

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"

async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) })
    socket.setTimeout(1000)
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (data) => {
      resolve(data.toString().startsWith("+PONG"))
      socket.destroy()
    })
    socket.on("error", () => resolve(false))
    socket.on("timeout", () => {
      resolve(false)
      socket.destroy()
    })
  })
}

// Scale-out mode needs a Redis server; CI and developer machines run one. Without Redis the
// suite reports itself skipped rather than pretending.
const hasRedis = await redisAnswers(REDIS_URL)

describe.runIf(hasRedis)("scale-out mode (REDIS_URL): a server and a worker sharing Redis", () => {
  const running: { stop: () => Promise<void> }[] = []
  let serverUrl = ""

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl")
    const env = { REDIS_URL, MEDUSA_ADMIN_DISABLED: "true", NODE_ENV: "development" }
    const serverPort: number = await freePort()
    const workerPort: number = await freePort()
    const quiet = () => {}
    running.push(await startMedusa({ databaseUrl, port: serverPort, mode: "start", output: quiet, env: { ...env, MEDUSA_WORKER_MODE: "server" } }))
    running.push(await startMedusa({ databaseUrl, port: workerPort, mode: "start", output: quiet, env: { ...env, MEDUSA_WORKER_MODE: "worker" } }))
    serverUrl = `http://localhost:${serverPort}`
  }, 240_000)

  afterAll(async () => {
    await Promise.all(running.map((proc) => proc.stop()))
  })

  it("hands the sign-up event from the server to the worker, which creates the profile", async () => {
    const email = uniqueEmail("scaleout")
    const registered = await fetch(`${serverUrl}/auth/customer/emailpass/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "scale-out-password" }),
    }).then((response) => response.json())
    const created = await fetch(`${serverUrl}/store/customers`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${registered.token}`,
        "x-publishable-api-key": inject("publishableKey"),
      },
      body: JSON.stringify({ email, first_name: "Scale", last_name: "Out" }),
    })
    expect(created.status).toBe(200)
    const { customer } = await created.json()

    const rows = await eventually(async () => {
      const found = await sql(
        `select p.kind from customer_profile p
           join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id
          where l.customer_id = $1`,
        [customer.id]
      )
      expect(found).toHaveLength(1)
      return found
    }, 20_000)
    expect(rows[0]).toEqual({ kind: "personal" })
  })

  it("pushes a staff reply posted on the server to the customer's stream, through the worker's subscriber and Redis", async () => {
    // A customer and a staff session made through the app under test: the instances share its database and secret.
    const json = { "content-type": "application/json" }
    const store = { "x-publishable-api-key": inject("publishableKey") }
    const customer = (await signUpCustomer({ first_name: "Stream", last_name: "Out" })).token
    const staff = await adminToken()
    const started = await fetch(`${serverUrl}/store/customers/me/conversations`, {
      method: "POST",
      headers: { ...json, ...store, authorization: `Bearer ${customer}` },
      body: JSON.stringify({ subject_type: "general", body: "Anyone there?" }),
    })
    expect(started.status).toBe(201)
    const { conversation } = await started.json()

    const stream = await openStream(`${serverUrl}/store/customers/me/conversations/stream`, { ...store, authorization: `Bearer ${customer}` })
    try {
      expect(stream.status).toBe(200)
      const replied = await fetch(`${serverUrl}/admin/conversations/${conversation.id}/messages`, {
        method: "POST",
        headers: { ...json, authorization: `Bearer ${staff}` },
        body: JSON.stringify({ body: "Yes, from the worker's side of things." }),
      })
      expect(replied.status).toBe(201)
      const reply = (await replied.json()).conversation.messages.at(-1)
      await eventually(async () => {
        expect(stream.events).toContainEqual({ event: "message", data: { conversation_id: conversation.id, message_id: reply.id } })
      }, 5_000)
    } finally {
      await stream.close()
    }
  })
})
