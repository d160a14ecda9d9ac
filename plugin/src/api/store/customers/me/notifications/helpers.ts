import type { StoreNotification } from "@fieldservice/contract"
import type { FeedRow } from "../../../../../modules/customer-notices"
import { isoDate, isoDateOrNull } from "../../../../../utils/json-dates"

type FeedData = { title?: string; message?: string; url?: string }

/** A feed row as the portal gets it: the subscribers' title, message and url, and its read time. */
export function presentNotice(row: FeedRow): StoreNotification {
  // The module types data only as an object; on the feed channel it is the subscribers' title, message and url.
  const data = (row.data ?? {}) as FeedData
  return {
    id: row.id,
    title: data.title ?? "",
    message: data.message ?? "",
    url: data.url ?? "/notifications",
    resource_id: row.resource_id ?? null,
    resource_type: row.resource_type ?? null,
    created_at: isoDate(row.created_at),
    read_at: isoDateOrNull(row.read_at),
  }
}
