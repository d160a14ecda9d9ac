import type { Logger } from "@medusajs/framework/types"

/** What a live page hears about a new message (the stream routes pick what each reader may see). */
export type MessagePostedSignal = { conversation_id: string; message_id: string; customer_id: string }

type Listener = (signal: MessagePostedSignal) => void
type RedisClient = {
  publish: (channel: string, message: string) => Promise<number>
  subscribe: (channel: string) => Promise<unknown>
  on: (event: string, handler: (...args: unknown[]) => void) => unknown
  quit: () => Promise<unknown>
}

const CHANNEL = "fieldservice:conversation-messages"
const listeners = new Set<Listener>()
let publisher: RedisClient | null = null
let subscriber: Promise<RedisClient> | null = null

const redisUrl = () => process.env.REDIS_URL || null

async function connect(url: string): Promise<RedisClient> {
  // ioredis comes with Medusa's Redis modules; only loaded when REDIS_URL is set.
  const { default: Redis } = (await import("ioredis")) as unknown as { default: new (url: string, options: object) => RedisClient }
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false })
}

function deliver(signal: MessagePostedSignal) {
  for (const listener of listeners) {
    try {
      listener(signal)
    } catch {
      // One closed stream must not stop the others.
    }
  }
}

/**
 * Tells every open stream, on every instance, about a new message. Medusa's Redis event bus
 * gives each event to one instance (often a worker with no browsers attached), so with REDIS_URL
 * the news goes through Redis pub/sub to every server; without it, this process is the only one.
 */
export async function broadcastMessagePosted(signal: MessagePostedSignal, logger?: Logger) {
  const url = redisUrl()
  if (!url) return deliver(signal)
  try {
    publisher ??= await connect(url)
    await publisher.publish(CHANNEL, JSON.stringify(signal))
  } catch (error) {
    logger?.warn(`Live message updates: Redis publish failed (${(error as Error).message}); telling this instance only`)
    deliver(signal)
  }
}

function ensureSubscribed(logger?: Logger) {
  const url = redisUrl()
  if (!url || subscriber) return
  subscriber = connect(url).then(async (client) => {
    client.on("message", (channel, text) => {
      if (channel !== CHANNEL) return
      try {
        deliver(JSON.parse(String(text)) as MessagePostedSignal)
      } catch {
        // Not ours.
      }
    })
    await client.subscribe(CHANNEL)
    return client
  })
  subscriber.catch((error) => {
    logger?.warn(`Live message updates: Redis subscribe failed (${(error as Error).message})`)
    subscriber = null
  })
}

/** Starts hearing about new messages (subscribing to Redis on this instance's first stream); returns the way to stop. */
export function listenForMessages(listener: Listener, logger?: Logger): () => void {
  ensureSubscribed(logger)
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** How many streams this process has open (tests and diagnostics). */
export const openStreamCount = () => listeners.size
