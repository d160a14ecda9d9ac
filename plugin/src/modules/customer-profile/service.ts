import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import AdditionalContact from "./models/additional-contact"
import ContactMethod from "./models/contact-method"
import CustomerActivity from "./models/customer-activity"
import CustomerProfile from "./models/customer-profile"
import { bulkInsert } from "../../utils/bulk-insert"
import { escapeLike, sqlManager } from "../../utils/sql-manager"
import type { ContactMethodKind } from "./models/contact-method"
import type { ProfileKind, ProfileStatus } from "./models/customer-profile"

/** A new profile for insertProfiles: what the import knows; the rest takes the model's defaults. */
export type NewProfile = {
  kind?: ProfileKind
  status?: ProfileStatus
  status_changed_at?: Date | null
  tags?: string[]
  internal_notes?: string | null
  marketing_emails?: boolean
  reminder_emails?: boolean
  tax_exempt?: boolean
  payment_terms_days?: number | null
}

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
    const rows = profiles.map((profile) => ({
      id: generateEntityId(undefined, "cprof"),
      kind: profile.kind ?? "personal",
      status: profile.status ?? "active",
      status_changed_at: profile.status_changed_at ?? null,
      tags: profile.tags ?? [],
      internal_notes: profile.internal_notes ?? null,
      marketing_emails: profile.marketing_emails ?? false,
      reminder_emails: profile.reminder_emails ?? true,
      tax_exempt: profile.tax_exempt ?? false,
      payment_terms_days: profile.payment_terms_days ?? null,
      billing_same_as_booking: true,
    }))
    await bulkInsert(
      sqlManager(sharedContext),
      "customer_profile",
      {
        id: "text",
        kind: "text",
        status: "text",
        status_changed_at: "timestamptz",
        tags: "text[]",
        internal_notes: "text",
        marketing_emails: "boolean",
        reminder_emails: "boolean",
        tax_exempt: "boolean",
        payment_terms_days: "integer",
        billing_same_as_booking: "boolean",
      },
      rows
    )
    return rows.map((row) => row.id)
  }

  /** Adds many emails and numbers, already normalised, in one statement; returns their ids. */
  // One statement, so atomic without a transaction of its own.
  @InjectManager()
  async insertContactMethods(
    methods: { profile_id: string; kind: ContactMethodKind; value: string; normalized: string; is_primary: boolean }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const rows = methods.map((method) => ({ id: generateEntityId(undefined, "cmeth"), ...method }))
    await bulkInsert(
      sqlManager(sharedContext),
      "customer_contact_method",
      { id: "text", profile_id: "text", kind: "text", value: "text", normalized: "text", is_primary: "boolean" },
      rows
    )
    return rows.map((row) => row.id)
  }

  /** The contact, only if it is on this profile; otherwise "not found" (never "forbidden"). */
  async retrieveOwnedAdditionalContact(profileId: string, id: string) {
    const [contact] = await this.listAdditionalContacts({ id, profile_id: profileId }, { take: 1 })
    if (!contact) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact ${id} was not found`)
    return contact
  }
}

export default CustomerProfileModuleService
