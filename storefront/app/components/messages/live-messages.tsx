import { useRevalidator } from "@remix-run/react"
import { useEffect, useRef } from "react"

/** How often the page reloads its data when the live stream can't be had. */
const POLL_MS = 30_000

/**
 * With JavaScript, a new message reloads the page's data (the menu's badge, the list, the open
 * thread) without a reload: the portal's /messages/stream passes on the API's server-sent events.
 * When the stream is refused or closed for good, the data is reloaded every 30 s instead.
 */
export function LiveMessages() {
  const { revalidate } = useRevalidator()
  const latest = useRef(revalidate)
  latest.current = revalidate
  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | null = null
    let pending: ReturnType<typeof setTimeout> | null = null
    const refresh = () => {
      // Several messages at once (a reply with files, two tabs) reload once.
      if (pending) return
      pending = setTimeout(() => {
        pending = null
        if (document.visibilityState === "visible") latest.current()
      }, 250)
    }
    const fallBack = () => {
      if (!poll) poll = setInterval(refresh, POLL_MS)
    }
    if (typeof EventSource === "undefined") {
      fallBack()
    } else {
      const source = new EventSource("/messages/stream")
      source.addEventListener("message", refresh)
      source.addEventListener("error", () => {
        if (source.readyState === EventSource.CLOSED) fallBack()
      })
      // Back on the tab: what came meanwhile.
      const onVisible = () => document.visibilityState === "visible" && refresh()
      document.addEventListener("visibilitychange", onVisible)
      return () => {
        source.close()
        document.removeEventListener("visibilitychange", onVisible)
        if (poll) clearInterval(poll)
        if (pending) clearTimeout(pending)
      }
    }
    return () => {
      if (poll) clearInterval(poll)
      if (pending) clearTimeout(pending)
    }
  }, [])
  return null
}
