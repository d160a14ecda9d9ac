import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import AdditionalContact from "./models/additional-contact"
import ContactMethod from "./models/contact-method"
import CustomerActivity from "./models/customer-activity"
import CustomerProfile from "./models/customer-profile"
import { insertNew } from "../../utils/bulk-insert"
import { escapeLike, sqlManager } from "../../utils/sql-manager"
import { ACTIVITY_TABLE, CONTACT_METHOD_TABLE, type NewActivity, type NewContactMethod, type NewProfile, PROFILE_TABLE } from "./bulk-tables"

class CustomerProfileModuleService extends MedusaService({
  CustomerProfile,
  ContactMethod,
  AdditionalContact,
  CustomerActivity,
}) {
  /**
   * The tags in use, most used first, with how many customers carry each: one entry per tag
   * whatever its case ("vip" is "VIP"), spelled as most customers have it. `prefix` matches the
   * start of a tag, ignoring case; `count` is how many tags match.
   */
  @InjectManager()
  async listTagsInUse(
    prefix: string | undefined,
    page: { limit: number; offset: number } = { limit: 50, offset: 0 },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ tags: { value: string; count: number }[]; count: number }> {
    const manager = sqlManager(sharedContext)
    const params: unknown[] = []
    let where = "p.deleted_at IS NULL"
    if (prefix) {
      where += " AND lower(tag) LIKE ? ESCAPE '\\'"
      params.push(escapeLike(prefix.toLowerCase()) + "%")
    }
    params.push(page.limit, page.offset)
    // A customer carries a tag once whatever its case (the tag rules), so the spellings' counts add up.
    const rows = await manager.execute(
      `WITH spelled AS (
         SELECT tag, count(*) AS n FROM customer_profile p, unnest(p.tags) AS tag WHERE ${where} GROUP BY tag
       ), tagged AS (
         SELECT (array_agg(tag ORDER BY n DESC, tag ASC))[1] AS value, sum(n)::int AS count FROM spelled GROUP BY lower(tag)
       )
       SELECT value, count, count(*) OVER ()::int AS total FROM tagged ORDER BY count DESC, value ASC LIMIT ? OFFSET ?`,
      params
    )
    const tags = rows.map((row) => ({ value: String(row.value), count: Number(row.count) }))
    // Past the last page no row carries the total: count the tags on their own.
    const total = rows.length ? Number(rows[0].total) : page.offset > 0 ? (await this.listTagsInUse(prefix, { limit: 1, offset: 0 }, sharedContext)).count : 0
    return { tags, count: total }
  }

  /**
   * Creates many profiles in one statement (the CSV import's thousand-row batches), with the
   * model's defaults for what a row leaves out. Returns the new ids in the order given.
   */
  // One statement, so atomic without a transaction of its own.
  @InjectManager()
  async insertProfiles(profiles: NewProfile[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return insertNew(sqlManager(sharedContext), PROFILE_TABLE, profiles)
  }

  /** Adds many emails and numbers, already normalised, in one statement; returns their ids. */
  // One statement, so atomic without a transaction of its own.
  @InjectManager()
  async insertContactMethods(methods: NewContactMethod[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return insertNew(sqlManager(sharedContext), CONTACT_METHOD_TABLE, methods)
  }

  /** Adds many lines of history in one statement (no ORM entities); returns their ids in the order given. */
  // One statement, so atomic without a transaction of its own.
  @InjectManager()
  async insertActivities(activities: NewActivity[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return insertNew(sqlManager(sharedContext), ACTIVITY_TABLE, activities)
  }

  /** The contact, only if it is on this profile; otherwise "not found" (never "forbidden"). */
  async retrieveOwnedAdditionalContact(profileId: string, id: string) {
    const [contact] = await this.listAdditionalContacts({ id, profile_id: profileId }, { take: 1 })
    if (!contact) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact ${id} was not found`)
    return contact
  }
}

export default CustomerProfileModuleService
