import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import CustomerMerge from "./models/customer-merge"
import { sqlManager, type SqlManager } from "../../utils/sql-manager"
import { addressKey, addressKeyComplete, compareKeys, emailKey, NAME_SIMILARITY, normalizedEmailKey, phoneKey, phoneLongEnough } from "./duplicate-keys"
import { PROFILE_LINK_TABLE } from "../../db/tables"

/** Why two customers look like the same person, strongest first. */
export const DUPLICATE_REASONS = ["email", "phone", "name_address"] as const
export type DuplicateReasonKind = (typeof DUPLICATE_REASONS)[number]

export type DuplicateReason =
  | { kind: "email"; email: string }
  | { kind: "phone"; phones: [string, string] }
  | { kind: "name_address"; names: [string, string]; address: string; similarity: number }

export type DuplicateCustomer = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  company_name: string | null
  created_at: string
}

/** A suggested merge: the older customer as the one to keep, and every reason they match. */
export type DuplicatePair = { primary: DuplicateCustomer; secondary: DuplicateCustomer; reasons: DuplicateReason[] }

/** Where the next page starts: a reason's stream and the last key read in it. */
export type DuplicateCursor = { stage: number; key: string }

/** A key shared by more than one customer (at most GROUP_MEMBERS of them are read). */
type Group = { key: string; ids: string[] }

type Member = DuplicateCustomer & {
  name: string
  emails: Set<string>
  phones: Map<string, string>
  addresses: Map<string, string>
}

/** Customers sharing one key beyond this many (a shared office inbox) are read only this far. */
const GROUP_MEMBERS = 20
/**
 * Index entries read per walk and window. A window that finds nothing doubles the next one (up to
 * SCAN_MAX), so stretches without duplicates are crossed quickly; a request reads at most
 * ENTRY_BUDGET entries per walk, so it stays bounded.
 */
const SCAN_MIN = 5_000
const SCAN_MAX = 40_000
const ENTRY_BUDGET = 100_000

/**
 * One index walk: (key, customer id) or (key, profile id) rows from `after` on, in key order.
 * `op` is ">" for a window, "=" to read a single key.
 */
type Walk = (op: ">" | "=") => string

/** Per reason, the walks over the account's own values and over the profile's extra ones. */
const WALKS: Record<DuplicateReasonKind, { customers: Walk; profiles?: Walk }> = {
  email: {
    customers: (op) => `
      SELECT ${emailKey("email")} AS key, id AS ref FROM customer
       WHERE deleted_at IS NULL AND email IS NOT NULL AND ${emailKey("email")} ${op} ?
       ORDER BY 1, 2 LIMIT ?`,
    profiles: (op) => `
      SELECT ${normalizedEmailKey("normalized")} AS key, profile_id AS ref FROM customer_contact_method
       WHERE deleted_at IS NULL AND kind = 'email' AND ${normalizedEmailKey("normalized")} ${op} ?
       ORDER BY 1, 2 LIMIT ?`,
  },
  phone: {
    customers: (op) => `
      SELECT ${phoneKey("phone")} AS key, id AS ref FROM customer
       WHERE deleted_at IS NULL AND phone IS NOT NULL AND ${phoneLongEnough("phone")} AND ${phoneKey("phone")} ${op} ?
       ORDER BY 1, 2 LIMIT ?`,
    profiles: (op) => `
      SELECT ${phoneKey("normalized", true)} AS key, profile_id AS ref FROM customer_contact_method
       WHERE deleted_at IS NULL AND kind <> 'email' AND ${phoneLongEnough("normalized", true)} AND ${phoneKey("normalized", true)} ${op} ?
       ORDER BY 1, 2 LIMIT ?`,
  },
  name_address: {
    customers: (op) => `
      SELECT ${addressKey("a")} AS key, a.customer_id AS ref FROM customer_address a
       WHERE a.deleted_at IS NULL AND ${addressKeyComplete("a")} AND ${addressKey("a")} ${op} ?
       ORDER BY 1, 2 LIMIT ?`,
  },
}

/** A customer's name as compared: first and last, lower case. */
const nameOf = (alias: string) => `lower(btrim(concat_ws(' ', nullif(btrim(${alias}.first_name), ''), nullif(btrim(${alias}.last_name), ''))))`

/**
 * Living at one address is not enough (families, flatmates): two of the customers must have alike
 * names. Checked in the window query, so households of strangers never leave the database.
 */
const SIMILAR_NAMES_AMONG = (ids: string) => `EXISTS (
  SELECT 1 FROM customer a JOIN customer b ON a.id < b.id
   WHERE a.id = ANY(${ids}) AND b.id = ANY(${ids}) AND a.deleted_at IS NULL AND b.deleted_at IS NULL
     AND ${nameOf("a")} <> '' AND ${nameOf("b")} <> ''
     AND (${nameOf("a")} = ${nameOf("b")} OR similarity(${nameOf("a")}, ${nameOf("b")}) >= ${NAME_SIMILARITY}))`

const placeholders = (values: unknown[]) => values.map(() => "?").join(", ")
const fullName = (first: string | null, last: string | null) =>
  [first, last]
    .filter((part) => part?.trim())
    .join(" ")
    .trim()
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value))

class CustomerMergeModuleService extends MedusaService({ CustomerMerge }) {
  /**
   * Suggested duplicate pairs, a page at a time: customers sharing an email (the account email or
   * an extra one), then a phone number, then an address with a similar name. Each reason walks its
   * indexes in key order from the cursor, a window of entries at a time, so a page costs the same
   * however many customers there are (a request reads at most ENTRY_BUDGET entries per walk; it may
   * then return fewer pairs, with a cursor to go on from). A pair is listed once, under its
   * strongest reason, with all its reasons.
   */
  @InjectManager()
  async listDuplicatePairs(
    input: { limit: number; cursor?: DuplicateCursor | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ pairs: DuplicatePair[]; next_cursor: DuplicateCursor | null }> {
    const manager = sqlManager(sharedContext)
    const pairs: DuplicatePair[] = []
    let stage = input.cursor?.stage ?? 0
    let key = input.cursor?.key ?? ""
    let scan = SCAN_MIN
    let read = 0

    while (stage < DUPLICATE_REASONS.length) {
      if (read >= ENTRY_BUDGET) return { pairs, next_cursor: { stage, key } }
      const reason = DUPLICATE_REASONS[stage]
      const window = await this.readWindow(manager, reason, key, scan)
      read += scan
      scan = window.groups.length ? SCAN_MIN : Math.min(scan * 2, SCAN_MAX)
      const grouped = await this.pairsOfGroups(manager, reason, window.groups)
      for (const [index, { group, found }] of grouped.entries()) {
        // Whole groups only, so the cursor can sit between them; a page is never empty for a big group.
        if (pairs.length && pairs.length + found.length > input.limit) return { pairs, next_cursor: { stage, key } }
        pairs.push(...found)
        key = group.key
        if (pairs.length >= input.limit) {
          if (index < grouped.length - 1) return { pairs, next_cursor: { stage, key } }
          // The rest of the window holds no more pairs: the next page starts after it.
          if (window.last !== null) return { pairs, next_cursor: { stage, key: window.last } }
          return { pairs, next_cursor: stage + 1 < DUPLICATE_REASONS.length ? { stage: stage + 1, key: "" } : null }
        }
      }
      if (window.last === null) {
        stage += 1
        key = ""
        scan = SCAN_MIN
      } else {
        key = window.last
      }
    }
    return { pairs, next_cursor: null }
  }

  /**
   * The keys after `after` that more than one live customer shares, from one window of each walk.
   * The grouping happens in the database, so only shared keys come back. `last` is the key up to
   * which every walk has been read completely (null: to the end).
   */
  private async readWindow(manager: SqlManager, reason: DuplicateReasonKind, after: string, scan: number): Promise<{ groups: Group[]; last: string | null }> {
    const walks = WALKS[reason]
    const profiles = walks.profiles
      ? walks.profiles(">")
      : `SELECT NULL::text COLLATE "C" AS key, NULL::text AS ref WHERE ?::text IS NULL AND ?::int IS NULL AND false`
    const rows = await manager.execute(
      `WITH own AS MATERIALIZED (${walks.customers(">")}),
            extra AS MATERIALIZED (${profiles}),
            -- A full walk may hold more rows of its last key: only keys before the smaller of those are complete.
            bound AS (
              SELECT CASE WHEN o.n < ? AND e.n < ? THEN NULL
                          WHEN o.n < ? THEN e.last WHEN e.n < ? THEN o.last
                          ELSE least(o.last, e.last) END AS key
                FROM (SELECT count(*) AS n, max(key) AS last FROM own) o, (SELECT count(*) AS n, max(key) AS last FROM extra) e
            ),
            done AS (
              SELECT entry.* FROM (SELECT key, ref, true AS own FROM own UNION ALL SELECT key, ref, false FROM extra) entry, bound
               WHERE bound.key IS NULL OR entry.key < bound.key
            )
       SELECT false AS meta, key, customers, profiles, NULL AS last
         FROM (SELECT key, array_agg(ref) FILTER (WHERE own) AS customers, array_agg(ref) FILTER (WHERE NOT own) AS profiles
                 FROM done GROUP BY key HAVING count(*) > 1) AS shared
        WHERE ${reason === "name_address" ? SIMILAR_NAMES_AMONG("shared.customers") : "true"}
       UNION ALL
       SELECT true, (SELECT key FROM bound), NULL, NULL, (SELECT max(key) FROM done)`,
      [after, scan, after, scan, scan, scan, scan, scan]
    )
    const meta = rows.find((row) => row.meta === true)!
    const bound = (meta.key as string | null) ?? null
    const lastComplete = (meta.last as string | null) ?? null
    let shared = rows
      .filter((row) => row.meta !== true)
      .map((row) => ({ key: String(row.key), customers: (row.customers as string[] | null) ?? [], profiles: (row.profiles as string[] | null) ?? [] }))
    let last: string | null = null
    if (bound !== null) {
      if (lastComplete !== null) {
        last = lastComplete
      } else {
        // One key fills a whole window (thousands share it): read just enough of that key.
        const read = async (walk: Walk | undefined) =>
          walk ? (await manager.execute(walk("="), [bound, GROUP_MEMBERS + 1])).map((row) => String(row.ref)) : []
        const [customers, extra] = await Promise.all([read(walks.customers), read(walks.profiles)])
        shared = customers.length + extra.length > 1 ? [{ key: bound, customers, profiles: extra }] : []
        last = bound
      }
    }
    if (!shared.length) return { groups: [], last }

    // Extra emails and phones belong to profiles: find their customers.
    const profileIds = [...new Set(shared.flatMap((group) => group.profiles))]
    const owners = new Map<string, string>()
    if (profileIds.length) {
      const links = await manager.execute(
        `SELECT customer_profile_id AS profile_id, customer_id FROM ${PROFILE_LINK_TABLE}
          WHERE deleted_at IS NULL AND customer_profile_id IN (${placeholders(profileIds)})`,
        profileIds
      )
      for (const link of links) owners.set(String(link.profile_id), String(link.customer_id))
    }
    const members = (group: (typeof shared)[number]) => [
      ...new Set([...group.customers, ...group.profiles.flatMap((profile) => (owners.has(profile) ? [owners.get(profile)!] : []))]),
    ]
    // Deleted customers keep their profile (and their addresses until the delete cascades): only live ones count.
    const candidates = [...new Set(shared.flatMap(members))]
    const live = new Set(
      candidates.length
        ? (await manager.execute(`SELECT id FROM customer WHERE deleted_at IS NULL AND id IN (${placeholders(candidates)})`, candidates)).map((row) =>
            String(row.id)
          )
        : []
    )
    const groups = shared
      .map((group) => ({
        key: group.key,
        ids: members(group)
          .filter((id) => live.has(id))
          .slice(0, GROUP_MEMBERS),
      }))
      .filter((group) => group.ids.length > 1)
      .sort((a, b) => compareKeys(a.key, b.key))
    return { groups, last }
  }

  /** The pairs each group suggests, in group order (a group can suggest none). */
  private async pairsOfGroups(manager: SqlManager, reason: DuplicateReasonKind, groups: Group[]) {
    const members = await this.loadMembers(manager, [...new Set(groups.flatMap((group) => group.ids))])
    const candidates = groups.map((group) => {
      const people = group.ids
        .map((id) => members.get(id))
        .filter((member): member is Member => !!member)
        .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
      const pairs: [Member, Member][] = []
      if (reason === "name_address") {
        // Living at one address is not enough (families, flatmates): the names must be alike too.
        for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) pairs.push([people[i], people[j]])
      } else {
        // Everyone sharing the key is suggested with the oldest record.
        for (const other of people.slice(1)) pairs.push([people[0], other])
      }
      return { group, pairs }
    })
    const similarity = await this.nameSimilarity(
      manager,
      candidates.flatMap(({ pairs }) => pairs.filter(([a, b]) => sharedAddresses(a, b).length > 0))
    )
    return candidates.map(({ group, pairs }) => ({
      group,
      found: pairs.flatMap(([primary, secondary]) => {
        const reasons = reasonsFor(primary, secondary, similarity.get(pairKey(primary.id, secondary.id)) ?? 0)
        // Listed once, under its strongest reason (that stream lists it, or pairs both with an older record).
        if (!reasons.length || reasons[0].kind !== reason) return []
        return [{ primary: summary(primary), secondary: summary(secondary), reasons }]
      }),
    }))
  }

  /** The customers with every email, phone and address key they can match on. */
  private async loadMembers(manager: SqlManager, ids: string[]): Promise<Map<string, Member>> {
    const members = new Map<string, Member>()
    if (!ids.length) return members
    const list = placeholders(ids)
    const [customers, methods, addresses] = await Promise.all([
      manager.execute(
        `SELECT id, first_name, last_name, email, phone, company_name, created_at,
                ${emailKey("email")} AS email_key,
                CASE WHEN phone IS NOT NULL AND ${phoneLongEnough("phone")} THEN ${phoneKey("phone")} END AS phone_key
           FROM customer WHERE id IN (${list}) AND deleted_at IS NULL`,
        ids
      ),
      manager.execute(
        `SELECT l.customer_id, m.kind, m.value, m.normalized,
                CASE WHEN m.kind <> 'email' AND ${phoneLongEnough("m.normalized", true)} THEN ${phoneKey("m.normalized", true)} END AS phone_key
           FROM ${PROFILE_LINK_TABLE} l
           JOIN customer_contact_method m ON m.profile_id = l.customer_profile_id AND m.deleted_at IS NULL
          WHERE l.customer_id IN (${list}) AND l.deleted_at IS NULL`,
        ids
      ),
      manager.execute(
        `SELECT a.customer_id, ${addressKey("a")} AS key, a.address_1, a.postal_code
           FROM customer_address a
          WHERE a.customer_id IN (${list}) AND a.deleted_at IS NULL AND ${addressKeyComplete("a")}`,
        ids
      ),
    ])
    for (const row of customers) {
      const member: Member = {
        id: String(row.id),
        first_name: (row.first_name as string | null) ?? null,
        last_name: (row.last_name as string | null) ?? null,
        email: (row.email as string | null) ?? null,
        phone: (row.phone as string | null) ?? null,
        company_name: (row.company_name as string | null) ?? null,
        created_at: iso(row.created_at),
        name: fullName(row.first_name as string | null, row.last_name as string | null),
        emails: new Set(row.email_key ? [String(row.email_key)] : []),
        phones: new Map(row.phone_key ? [[String(row.phone_key), String(row.phone)]] : []),
        addresses: new Map(),
      }
      members.set(member.id, member)
    }
    for (const row of methods) {
      const member = members.get(String(row.customer_id))
      if (!member) continue
      if (row.kind === "email") member.emails.add(String(row.normalized))
      else if (row.phone_key && !member.phones.has(String(row.phone_key))) member.phones.set(String(row.phone_key), String(row.value))
    }
    for (const row of addresses) {
      const member = members.get(String(row.customer_id))
      if (member && !member.addresses.has(String(row.key))) {
        member.addresses.set(String(row.key), `${String(row.address_1).trim()}, ${String(row.postal_code).trim()}`)
      }
    }
    return members
  }

  /** pg_trgm's similarity of each pair's names (pairs where either has no name are left out). */
  private async nameSimilarity(manager: SqlManager, pairs: [Member, Member][]) {
    const scores = new Map<string, number>()
    const named = pairs.filter(([a, b]) => a.name && b.name)
    if (!named.length) return scores
    const rows = await manager.execute(
      `SELECT x.a, x.b, CASE WHEN lower(x.na) = lower(x.nb) THEN 1 ELSE similarity(lower(x.na), lower(x.nb)) END AS score
         FROM jsonb_to_recordset(?::jsonb) AS x(a text, b text, na text, nb text)`,
      [JSON.stringify(named.map(([a, b]) => ({ a: a.id, b: b.id, na: a.name, nb: b.name })))]
    )
    for (const row of rows) scores.set(pairKey(String(row.a), String(row.b)), Number(row.score))
    return scores
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

const sharedAddresses = (a: Member, b: Member) => [...a.addresses.keys()].filter((key) => b.addresses.has(key))

function reasonsFor(a: Member, b: Member, nameSimilarity: number): DuplicateReason[] {
  const reasons: DuplicateReason[] = []
  const email = [...a.emails].find((value) => b.emails.has(value))
  if (email) reasons.push({ kind: "email", email })
  const phone = [...a.phones.keys()].find((key) => b.phones.has(key))
  if (phone) reasons.push({ kind: "phone", phones: [a.phones.get(phone)!, b.phones.get(phone)!] })
  const address = sharedAddresses(a, b)[0]
  if (address && nameSimilarity >= NAME_SIMILARITY) {
    reasons.push({
      kind: "name_address",
      names: [a.name, b.name],
      address: a.addresses.get(address)!,
      similarity: Math.round(nameSimilarity * 100) / 100,
    })
  }
  return reasons
}

const summary = ({ id, first_name, last_name, email, phone, company_name, created_at }: Member): DuplicateCustomer => ({
  id,
  first_name,
  last_name,
  email,
  phone,
  company_name,
  created_at,
})

export default CustomerMergeModuleService
