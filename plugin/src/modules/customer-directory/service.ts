import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { DEFAULT_DIRECTORY_STATUSES, type DirectoryStatus, RESTORE_WINDOW_DAYS } from "@fieldservice/contract"
import { type SqlManager, sqlManager } from "../../utils/sql-manager"
import { PROFILE_LINK_TABLE } from "../../db/tables"
import DirectoryEntry from "./models/directory-entry"
import { businessCallingCode, parseDirectorySearch } from "./search-terms"

export const DIRECTORY_ORDERS = {
  name: "e.sort_name ASC, e.customer_id ASC",
  "-name": "e.sort_name DESC, e.customer_id DESC",
  email: "e.email ASC, e.customer_id ASC",
  "-email": "e.email DESC, e.customer_id DESC",
  created_at: "e.customer_created_at ASC, e.customer_id ASC",
  "-created_at": "e.customer_created_at DESC, e.customer_id DESC",
  last_booking_at: "e.last_booking_at ASC NULLS LAST, e.customer_id ASC",
  "-last_booking_at": "e.last_booking_at DESC NULLS LAST, e.customer_id DESC",
} as const
export type DirectoryOrder = keyof typeof DIRECTORY_ORDERS

export type DirectoryFilters = {
  q?: string
  statuses?: DirectoryStatus[]
  /** Customers carrying every one of these tags. */
  tags?: string[]
  /** Custom-field values by field key, already in the field's stored type. */
  custom_values?: Record<string, string | number | boolean>
  has_upcoming_booking?: boolean
  last_booking_from?: Date
  last_booking_to?: Date
  /** true: an open invoice's due date has passed; false: none has. */
  has_overdue_invoices?: boolean
}

/** Counting stops here: "10,000+ customers" is as useful as the exact figure and costs far less. */
export const DIRECTORY_COUNT_CAP = 10_000
/**
 * Under a tag or custom-field filter counting stops sooner: those filters use GIN indexes, which
 * can't count without reading each matching row (docs/decisions/directory-filters.md).
 */
export const DIRECTORY_GIN_COUNT_CAP = 1_000
/**
 * A search gathers at most this many matches, then orders them: sorting every match of a short
 * search is slow, and staff narrow such a search by typing on ("1,000+ customers";
 * docs/decisions/directory-search.md).
 */
export const DIRECTORY_SEARCH_CAP = 1_000

export type DirectoryRow = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string
  phone: string | null
  company_name: string | null
  business_names: string | null
  kind: string
  status: DirectoryStatus
  tags: string[]
  custom_values: Record<string, unknown>
  has_account: boolean
  created_at: Date
  deleted_at: Date | null
  last_booking_at: Date | null
  next_booking_at: Date | null
  booking_count: number
  open_invoice_due_at: Date | null
}

const ROW_COLUMNS = `e.customer_id AS id, e.first_name, e.last_name, e.email, e.phone, e.company_name, e.business_names, e.kind,
  e.status, e.tags, e.custom_values, e.has_account, e.customer_created_at AS created_at, e.customer_deleted_at AS deleted_at,
  e.last_booking_at, e.next_booking_at, e.booking_count, e.open_invoice_due_at`

/** A stored phone number (digits) in the search text's two forms; `digits` is an SQL expression. */
function phoneFormsSql(digits: string, code: string) {
  return `${digits} || CASE
      WHEN ${digits} ~ '^0[1-9]' THEN ' ${code}' || substr(${digits}, 2)
      WHEN ${digits} ~ '^${code}' AND length(${digits}) > ${code.length + 6} THEN ' 0' || substr(${digits}, ${code.length + 1})
      ELSE '' END`
}

/**
 * Rebuilds the directory rows of the given customers from the tables they summarise, in one
 * statement; customers gone for good lose their row. The same statement backs a full rebuild.
 * Last and next visit follow upcomingOrPast (modules/booking): the next visit is open and not over
 * (one in progress included), the last one completed or over; cancelled visits and those held for
 * the bank's card check are neither. The oldest open invoice's due date is stored rather than
 * "overdue", so days passing change nothing; an invoice counts for whoever pays it (its bill payer,
 * else its customer).
 */
function refreshSql(scope: "ids" | "all") {
  const code = businessCallingCode()
  const digits = (column: string) => `regexp_replace(coalesce(${column}, ''), '\\D', '', 'g')`
  const source =
    scope === "ids"
      ? `(SELECT c.* FROM customer c WHERE c.id IN (SELECT jsonb_array_elements_text(?::jsonb)))`
      : `(SELECT c.* FROM customer c WHERE c.id > ? ORDER BY c.id LIMIT ?)`
  return `
  INSERT INTO customer_directory_entry (id, customer_id, first_name, last_name, email, phone, company_name, business_names, kind,
    status, tags, custom_values, search_text, sort_name, has_account, customer_created_at, customer_deleted_at,
    last_booking_at, next_booking_at, booking_count, open_invoice_due_at, created_at, updated_at)
  SELECT 'cdir_' || c.id, c.id, c.first_name, c.last_name, c.email,
    nullif(c.phone, ''), c.company_name, biz.names, coalesce(p.kind::text, 'personal'),
    CASE WHEN c.deleted_at IS NULL THEN coalesce(p.status::text, 'active')
      WHEN EXISTS (SELECT 1 FROM customer_merge m WHERE m.secondary_customer_id = c.id AND m.deleted_at IS NULL) THEN 'merged' ELSE 'deleted' END,
    coalesce(p.tags, '{}'), coalesce(fields.custom_values, '{}'::jsonb),
    lower(concat_ws(' ', c.first_name, c.last_name, c.email, c.company_name,
      nullif(${phoneFormsSql(digits("c.phone"), code)}, ''),
      (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(p.additional_names) = 'array' THEN p.additional_names ELSE '[]'::jsonb END) AS value),
      contact.search, biz.search, addresses.search)),
    lower(coalesce(nullif(trim(concat_ws(' ', c.last_name, c.first_name)), ''), nullif(c.company_name, ''), c.email)),
    c.has_account, c.created_at, c.deleted_at, visits.last_at, visits.next_at, coalesce(visits.total, 0), invoices.due_at, now(), now()
  FROM ${source} c
  LEFT JOIN ${PROFILE_LINK_TABLE} link ON link.customer_id = c.id AND link.deleted_at IS NULL
  LEFT JOIN customer_profile p ON p.id = link.customer_profile_id AND p.deleted_at IS NULL
  LEFT JOIN LATERAL (
    SELECT string_agg(CASE WHEN m.kind = 'email' THEN m.normalized ELSE ${phoneFormsSql("m.normalized", code)} END, ' ') AS search
      FROM customer_contact_method m WHERE m.profile_id = p.id AND m.deleted_at IS NULL
  ) contact ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(b.name, '; ' ORDER BY b.created_at) AS names, string_agg(b.name || ' ' || b.billing_email, ' ') AS search
      FROM business_profile b WHERE b.customer_id = c.id AND b.deleted_at IS NULL
  ) biz ON true
  LEFT JOIN LATERAL (
    -- Streets, towns and postcodes, each postcode also without its space ("bs67qt" finds "BS6 7QT").
    SELECT string_agg(DISTINCT concat_ws(' ', a.address_1, a.address_2, a.city, a.postal_code,
        nullif(regexp_replace(coalesce(a.postal_code, ''), '[[:space:]]', '', 'g'), a.postal_code)), ' ') AS search
      FROM customer_address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL
  ) addresses ON true
  LEFT JOIN LATERAL (
    SELECT jsonb_object_agg(f.key, v.value) AS custom_values
      FROM custom_field_value v JOIN custom_field f ON f.id = v.field_id AND f.deleted_at IS NULL AND f.target_type = 'customer'
     WHERE v.owner_type = 'customer' AND v.owner_id = c.id AND v.deleted_at IS NULL
  ) fields ON true
  LEFT JOIN LATERAL (
    SELECT max(bk.starts_at) FILTER (WHERE bk.status = 'completed' OR bk.ends_at < now()) AS last_at,
           min(bk.starts_at) FILTER (WHERE bk.status <> 'completed' AND bk.ends_at >= now()) AS next_at, count(*) AS total
      FROM booking bk WHERE bk.customer_id = c.id AND bk.deleted_at IS NULL AND bk.status <> 'cancelled'
        -- A booking held for the bank's card check (a cart, no order yet) isn't a visit until confirmed.
        AND NOT (bk.status = 'requested' AND bk.order_id IS NULL AND bk.cart_id IS NOT NULL)
  ) visits ON true
  LEFT JOIN LATERAL (
    SELECT min(i.due_at) AS due_at FROM invoice i
     WHERE (i.payer_id = c.id OR (i.payer_id IS NULL AND i.customer_id = c.id)) AND i.deleted_at IS NULL AND i.status IN ('issued', 'partially_paid')
  ) invoices ON true
  ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET
    first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email, phone = excluded.phone,
    company_name = excluded.company_name, business_names = excluded.business_names, kind = excluded.kind, status = excluded.status,
    tags = excluded.tags, custom_values = excluded.custom_values, search_text = excluded.search_text, sort_name = excluded.sort_name,
    has_account = excluded.has_account, customer_created_at = excluded.customer_created_at,
    customer_deleted_at = excluded.customer_deleted_at, last_booking_at = excluded.last_booking_at,
    next_booking_at = excluded.next_booking_at, booking_count = excluded.booking_count,
    open_invoice_due_at = excluded.open_invoice_due_at, updated_at = now()
  RETURNING customer_id`
}

/**
 * Brings these customers' directory rows in line with their records, through any SQL manager: the
 * module's own, or a transaction spanning several modules' tables (the erasure of a customer).
 */
export async function refreshDirectoryEntries(manager: SqlManager, customerIds: string[]): Promise<number> {
  const ids = [...new Set(customerIds.filter(Boolean))]
  if (!ids.length) return 0
  const refreshed = await manager.execute(refreshSql("ids"), [JSON.stringify(ids)])
  if (refreshed.length < ids.length) {
    // Customers removed from the database altogether (not soft-deleted) leave the directory.
    await manager.execute(
      `DELETE FROM customer_directory_entry e WHERE e.customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))
         AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = e.customer_id)`,
      [JSON.stringify(ids)]
    )
  }
  return refreshed.length
}

class CustomerDirectoryModuleService extends MedusaService({ DirectoryEntry }) {
  /** Brings these customers' directory rows in line with their records. */
  @InjectManager()
  async refreshEntries(customerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return refreshDirectoryEntries(sqlManager(sharedContext), customerIds)
  }

  /** Rebuilds every row, `batchSize` customers at a time (after installing, or to repair). */
  @InjectManager()
  async refreshAllEntries(batchSize = 5_000, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sqlManager(sharedContext)
    let after = ""
    let total = 0
    for (;;) {
      const rows = await manager.execute(refreshSql("all"), [after, batchSize])
      if (!rows.length) break
      total += rows.length
      after = rows
        .map((row) => String(row.customer_id))
        .sort()
        .at(-1)!
    }
    await manager.execute(`DELETE FROM customer_directory_entry e WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = e.customer_id)`)
    return total
  }

  /**
   * Rows whose next visit has started: once it is over their last/next visit move on. (Its end
   * isn't stored, so a visit under way is looked at again on each run until it is over or done.)
   */
  @InjectManager()
  async refreshPassedVisits(limit = 5_000, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT customer_id FROM customer_directory_entry WHERE next_booking_at <= now() AND deleted_at IS NULL LIMIT ?`,
      [limit]
    )
    return this.refreshEntries(
      rows.map((row) => String(row.customer_id)),
      sharedContext
    )
  }

  /** Customers with no directory row yet (written before the directory existed, or by bulk SQL). */
  @InjectManager()
  async addMissingEntries(limit = 5_000, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT c.id FROM customer c WHERE NOT EXISTS (SELECT 1 FROM customer_directory_entry e WHERE e.customer_id = c.id AND e.deleted_at IS NULL) LIMIT ?`,
      [limit]
    )
    return this.refreshEntries(
      rows.map((row) => String(row.id)),
      sharedContext
    )
  }

  /** One page of the directory, and how many match (counted up to a cap: DIRECTORY_COUNT_CAP, …_GIN_…, or DIRECTORY_SEARCH_CAP when searching). */
  @InjectManager()
  async searchDirectory(
    filters: DirectoryFilters,
    page: { limit: number; offset: number; order: DirectoryOrder },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: DirectoryRow[]; count: number; count_capped: boolean }> {
    const { where, params, indexedSearch } = whereClause(filters)
    if (indexedSearch) return this.searchMatches_(where, params, page, sharedContext)
    const manager = sqlManager(sharedContext)
    const order = DIRECTORY_ORDERS[page.order]
    const cap = filters.tags?.length || Object.keys(filters.custom_values ?? {}).length ? DIRECTORY_GIN_COUNT_CAP : DIRECTORY_COUNT_CAP
    const [rows, counted] = await Promise.all([
      // The page's ids first, then their rows: the walk down the order's index (skipped rows
      // included) then reads only the index, which carries the columns filters test most.
      manager.execute(
        `SELECT ${ROW_COLUMNS} FROM (SELECT e.customer_id FROM customer_directory_entry e WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?) page
           JOIN customer_directory_entry e ON e.customer_id = page.customer_id AND e.deleted_at IS NULL ORDER BY ${order}`,
        [...params, page.limit, page.offset]
      ),
      manager.execute(`SELECT count(*)::int AS count FROM (SELECT 1 FROM customer_directory_entry e WHERE ${where} LIMIT ?) matched`, [...params, cap + 1]),
    ])
    const count = Number(counted[0]?.count ?? 0)
    return { rows: rows.map(toRow), count: Math.min(count, cap), count_capped: count > cap }
  }

  /**
   * A search through the trigram index: the matches (up to DIRECTORY_SEARCH_CAP) are gathered
   * once, counted, and only the page's rows are read in full. The planner is kept on the index:
   * its guess at how many rows a LIKE '%…%' matches is poor, and with ORDER BY … LIMIT it would
   * rather walk the whole name index hoping to meet 20 matches early (docs/decisions/directory-search.md).
   */
  @InjectTransactionManager()
  protected async searchMatches_(
    where: string,
    params: unknown[],
    page: { limit: number; offset: number; order: DirectoryOrder },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: DirectoryRow[]; count: number; count_capped: boolean }> {
    const manager = sqlManager(sharedContext)
    await manager.execute("SET LOCAL enable_seqscan = off")
    await manager.execute("SET LOCAL enable_indexscan = off")
    const order = DIRECTORY_ORDERS[page.order]
    const rows = await manager.execute(
      `WITH matched AS MATERIALIZED (
         SELECT e.id, e.customer_id, e.sort_name, e.email, e.customer_created_at, e.last_booking_at
           FROM customer_directory_entry e WHERE ${where} LIMIT ?
       ), page AS (
         SELECT e.id, row_number() OVER (ORDER BY ${order}) AS position FROM matched e ORDER BY ${order} LIMIT ? OFFSET ?
       )
       SELECT counted.matched_count, listed.* FROM (SELECT count(*)::int AS matched_count FROM matched) counted
       LEFT JOIN LATERAL (
         SELECT ${ROW_COLUMNS}, page.position FROM page JOIN customer_directory_entry e ON e.id = page.id
       ) listed ON true
       ORDER BY listed.position`,
      [...params, DIRECTORY_SEARCH_CAP + 1, page.limit, page.offset]
    )
    const count = Number(rows[0]?.matched_count ?? 0)
    return {
      rows: rows.filter((row) => row.id).map(({ matched_count: _count, position: _position, ...row }) => toRow(row)),
      count: Math.min(count, DIRECTORY_SEARCH_CAP),
      count_capped: count > DIRECTORY_SEARCH_CAP,
    }
  }

  /** The rows matching the filters in customer id order, `batchSize` after `after` (for streaming exports). */
  @InjectManager()
  async listDirectoryRowsAfter(
    filters: DirectoryFilters,
    after: string,
    batchSize: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DirectoryRow[]> {
    const { where, params } = whereClause(filters)
    const rows = await sqlManager(sharedContext).execute(
      `SELECT ${ROW_COLUMNS} FROM customer_directory_entry e WHERE ${where} AND e.customer_id > ? ORDER BY e.customer_id LIMIT ?`,
      [...params, after, batchSize]
    )
    return rows.map(toRow)
  }
}

function whereClause(filters: DirectoryFilters) {
  const clauses = ["e.deleted_at IS NULL"]
  const params: unknown[] = []
  const statuses = filters.statuses?.length ? filters.statuses : DEFAULT_DIRECTORY_STATUSES
  const listed = statuses.filter((status) => status !== "deleted" && status !== "merged")
  const statusClauses: string[] = []
  if (listed.length) {
    statusClauses.push(`e.status IN (${listed.map(() => "?").join(", ")})`)
    params.push(...listed)
  }
  // Merged customers are listed whenever asked for: their record says where their data went.
  if (statuses.includes("merged")) statusClauses.push("e.status = 'merged'")
  if (statuses.includes("deleted")) {
    statusClauses.push(`(e.status = 'deleted' AND e.customer_deleted_at > now() - interval '${RESTORE_WINDOW_DAYS} days')`)
  }
  clauses.push(statusClauses.length === 1 ? statusClauses[0] : `(${statusClauses.join(" OR ")})`)

  const search = parseDirectorySearch(filters.q ?? "")
  if (search?.prefix) {
    clauses.push("(e.sort_name LIKE ? OR e.email LIKE ?)")
    params.push(search.prefix, search.prefix)
  }
  for (const pattern of search?.indexed ?? []) {
    clauses.push("e.search_text LIKE ?")
    params.push(pattern)
  }
  for (const token of search?.short ?? []) {
    clauses.push("strpos(e.search_text, ?) > 0")
    params.push(token)
  }
  if (filters.tags?.length) {
    clauses.push("e.tags @> ?::text[]")
    params.push(`{${filters.tags.map((tag) => `"${tag.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(",")}}`)
  }
  if (filters.custom_values && Object.keys(filters.custom_values).length) {
    clauses.push("e.custom_values @> ?::jsonb")
    params.push(JSON.stringify(filters.custom_values))
  }
  // The row's next visit is open and not over (kept so by the upkeep job).
  if (filters.has_upcoming_booking === true) clauses.push("e.next_booking_at IS NOT NULL")
  if (filters.has_upcoming_booking === false) clauses.push("e.next_booking_at IS NULL")
  if (filters.last_booking_from) {
    clauses.push("e.last_booking_at >= ?")
    params.push(filters.last_booking_from)
  }
  if (filters.last_booking_to) {
    clauses.push("e.last_booking_at < ?")
    params.push(filters.last_booking_to)
  }
  if (filters.has_overdue_invoices === true) clauses.push("e.open_invoice_due_at < now()")
  if (filters.has_overdue_invoices === false) clauses.push("(e.open_invoice_due_at IS NULL OR e.open_invoice_due_at >= now())")
  return { where: clauses.join(" AND "), params, indexedSearch: !!search?.indexed.length }
}

function toRow(row: Record<string, unknown>): DirectoryRow {
  return {
    ...(row as unknown as DirectoryRow),
    tags: (row.tags as string[] | null) ?? [],
    custom_values: (row.custom_values as Record<string, unknown> | null) ?? {},
    booking_count: Number(row.booking_count ?? 0),
  }
}

export default CustomerDirectoryModuleService
