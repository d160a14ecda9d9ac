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
   * The tags in use, most used first, for suggestions while typing; `prefix` matches the
   * start of a tag, ignoring case.
   */
  @InjectManager()
  async listTagsInUse(prefix: string | undefined, limit = 50, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const params: unknown[] = []
    let where = "deleted_at IS NULL"
    if (prefix) {
      where += " AND lower(tag) LIKE ? ESCAPE '\\'"
      params.push(escapeLike(prefix.toLowerCase()) + "%")
    }
    params.push(limit)
    const rows = await manager.execute(
      `SELECT tag AS value, count(*)::int AS count FROM customer_profile, unnest(tags) AS tag WHERE ${where} GROUP BY tag ORDER BY count DESC, tag ASC LIMIT ?`,
      params
    )
    return rows.map((row) => ({ value: String(row.value), count: Number(row.count) }))
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
