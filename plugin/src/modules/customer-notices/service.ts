import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import NoticeRead from "./models/notice-read"
import NoticesReadUpTo from "./models/notices-read-up-to"
import { sqlManager } from "../../utils/sql-manager"

/** Medusa's Notification module's table; the portal feed is its "feed" channel. */
const NOTIFICATION = "notification"

export type FeedRow = {
  id: string
  data: Record<string, unknown> | null
  resource_id: string | null
  resource_type: string | null
  created_at: Date
  read_at: Date | null
}

// A feed notice is unread when it came after the customer's "mark all read" and has no read of its own.
const UNREAD = `n.created_at > coalesce((select u.read_at from notices_read_up_to u where u.customer_id = n.receiver_id and u.deleted_at is null), '-infinity')
  and not exists (select 1 from notice_read r where r.customer_id = n.receiver_id and r.notification_id = n.id and r.deleted_at is null)`
const FEED = `n.receiver_id = ? and n.channel = 'feed' and n.deleted_at is null`
// Each notice with when it was read: its own read, else the "mark all read" time when it came before it.
const WITH_READ = `select n.id, n.data, n.resource_id, n.resource_type, n.created_at,
    coalesce(r.created_at, case when n.created_at <= u.read_at then u.read_at end) as read_at
  from ${NOTIFICATION} n
  left join notice_read r on r.customer_id = n.receiver_id and r.notification_id = n.id and r.deleted_at is null
  left join notices_read_up_to u on u.customer_id = n.receiver_id and u.deleted_at is null`

/**
 * The read state of a customer's portal notifications, beside Medusa's Notification module (whose
 * rows have no read flag): single reads, and one "read up to" time for "mark all read".
 */
class CustomerNoticesModuleService extends MedusaService({ NoticeRead, ReadAllMark: NoticesReadUpTo }) {
  /** A page of the customer's feed, newest first, each with when it was read (or null). */
  @InjectManager()
  async listFeed(customerId: string, page: { limit: number; offset: number }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const rows = await manager.execute(`${WITH_READ} where ${FEED} order by n.created_at desc, n.id desc limit ? offset ?`, [
      customerId,
      page.limit,
      page.offset,
    ])
    const [counts] = await manager.execute(
      `select count(*)::int as count, (count(*) filter (where ${UNREAD}))::int as unread from ${NOTIFICATION} n where ${FEED}`,
      [customerId]
    )
    return { rows: rows as FeedRow[], count: Number(counts?.count ?? 0), unread: Number(counts?.unread ?? 0) }
  }

  /** How many of the customer's notifications are unread (the portal's bell). */
  @InjectManager()
  async unreadCount(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const [row] = await sqlManager(sharedContext).execute(`select count(*)::int as unread from ${NOTIFICATION} n where ${FEED} and ${UNREAD}`, [customerId])
    return Number(row?.unread ?? 0)
  }

  /** One of the customer's own feed notices, with its read time; null for anyone else's. */
  @InjectManager()
  async retrieveFeedNotice(customerId: string, notificationId: string, @MedusaContext() sharedContext: Context = {}) {
    const [row] = await sqlManager(sharedContext).execute(`${WITH_READ} where ${FEED} and n.id = ?`, [customerId, notificationId])
    return (row as FeedRow | undefined) ?? null
  }
}

export default CustomerNoticesModuleService
