import { MedusaError } from "@medusajs/framework/utils"
import { PROFILE_LINK_TABLE } from "../../db/tables"
import { newEntityId } from "../../utils/bulk-insert"
import type { SqlManager } from "../../utils/sql-manager"
import { actorColumns, type ActivityActor } from "../customer-profile/activity"

/**
 * Settings → Customer tags: renaming, merging and deleting a tag on every customer carrying it,
 * as set-based SQL (a business can have a million customers): the profiles' tags, the directory's
 * copy of them and one line of history per customer change in one statement.
 */

/** A rename (or merge, when `to` is in use) or, with `to` null, a delete. */
export type TagChange = { from: string; to: string | null; actor: ActivityActor }
/** `count`: how many customers carry the tag afterwards (0 after a delete). */
export type TagChangeResult = { spellings: string[]; to: string | null; merged: boolean; customer_count: number; count: number }

const LIST = "ARRAY(SELECT jsonb_array_elements_text(?::jsonb))"
const json = (value: unknown) => JSON.stringify(value)

/** Each spelling of a tag in use (its case can differ between customers), most used first. */
async function spellingsInUse(sql: SqlManager, tag: string): Promise<string[]> {
  const rows = await sql.execute(
    `SELECT tag FROM customer_profile p, unnest(p.tags) AS tag WHERE p.deleted_at IS NULL AND lower(tag) = lower(?) GROUP BY tag ORDER BY count(*) DESC, tag`,
    [tag]
  )
  return rows.map((row) => String(row.tag))
}

/** The old tags made new: the tag renamed (or dropped), then one of each tag whatever its case, in the order they were. */
const RENAMED_TAGS = `ARRAY(SELECT kept.tag FROM (
    SELECT DISTINCT ON (lower(renamed.tag)) renamed.tag, renamed.ord FROM (
      SELECT CASE WHEN lower(u.tag) = lower(?) THEN ? ELSE u.tag END AS tag, u.ord FROM unnest(p.tags) WITH ORDINALITY AS u(tag, ord)
    ) renamed ORDER BY lower(renamed.tag), renamed.ord
  ) kept ORDER BY kept.ord)`
const DROPPED_TAGS = `ARRAY(SELECT u.tag FROM unnest(p.tags) WITH ORDINALITY AS u(tag, ord) WHERE lower(u.tag) <> lower(?) ORDER BY u.ord)`

/**
 * Changes the tag on every customer carrying it (any case) in one statement: the profiles
 * (found through the tags index), their directory rows, and a "Tags" line in each customer's
 * history with the list before and after. Run it inside a transaction: the tag's spellings are
 * read first.
 */
export async function changeTag(sql: SqlManager, change: TagChange): Promise<TagChangeResult> {
  const spellings = await spellingsInUse(sql, change.from)
  if (!spellings.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No customer has the tag “${change.from}”.`)
  let to = change.to
  const renamed = to === null ? [] : to.toLowerCase() === change.from.toLowerCase() ? spellings : await spellingsInUse(sql, to)
  const merged = renamed !== spellings && renamed.length > 0
  // Merging onto a tag in use keeps that tag as most customers spell it.
  if (merged) to = renamed[0]
  if (to !== null && spellings.every((spelling) => spelling === to)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The tag is already called “${to}”.`)
  }
  const message =
    to === null ? `Tag “${spellings[0]}” deleted.` : merged ? `Tag “${spellings[0]}” merged into “${to}”.` : `Tag “${spellings[0]}” renamed to “${to}”.`
  const actor = actorColumns(change.actor)
  const [counted] = await sql.execute(
    `WITH old AS (
       SELECT p.id, p.tags, ${to === null ? DROPPED_TAGS : RENAMED_TAGS} AS after
         FROM customer_profile p WHERE p.deleted_at IS NULL AND p.tags && ${LIST} FOR UPDATE
     ), changed AS (
       -- Customers whose tags come out the same (already spelled so) are left alone.
       UPDATE customer_profile p SET tags = old.after, updated_at = now()
         FROM old WHERE p.id = old.id AND old.after IS DISTINCT FROM old.tags RETURNING p.id, old.tags AS before, p.tags AS after
     ), customers AS (
       SELECT link.customer_id, changed.before, changed.after FROM changed
         JOIN ${PROFILE_LINK_TABLE} link ON link.customer_profile_id = changed.id AND link.deleted_at IS NULL
     ), entries AS (
       UPDATE customer_directory_entry e SET tags = customers.after, updated_at = now()
         FROM customers WHERE e.customer_id = customers.customer_id AND e.deleted_at IS NULL RETURNING e.id
     ), lines AS (
       INSERT INTO customer_activity (id, customer_id, kind, message, data, changes, actor, actor_type, actor_id, actor_name)
       SELECT 'cact_' || ? || upper(substr(md5(random()::text || customers.customer_id), 1, 16)), customers.customer_id, 'tags_updated', ?,
         ?::jsonb, jsonb_build_array(jsonb_build_object('field', 'tags', 'label', 'Tags', 'before', to_jsonb(customers.before), 'after', to_jsonb(customers.after))),
         ?, ?, ?, ?
       FROM customers RETURNING id
     )
     SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM entries)::int AS entries, (SELECT count(*) FROM lines)::int AS lines`,
    [
      ...(to === null ? [change.from] : [change.from, to]),
      json(spellings),
      // A ULID's time part, so the lines' ids sort with other lines written now; the rest random.
      newEntityId("cact").slice(5, 15),
      message,
      json({ tag: spellings[0], renamed_to: to, merged }),
      actor.actor,
      actor.actor_type,
      actor.actor_id,
      actor.actor_name,
    ]
  )
  const [carrying] =
    to === null
      ? [{ count: 0 }]
      : await sql.execute(`SELECT count(*)::int AS count FROM customer_profile p WHERE p.deleted_at IS NULL AND p.tags && ${LIST}`, [json([...renamed, to])])
  return { spellings, to, merged, customer_count: Number(counted?.customers ?? 0), count: Number(carrying?.count ?? 0) }
}
