import { fileURLToPath } from "node:url"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { expect, it } from "vitest"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from ".."
import {
  createProfileLinkTable,
  CUSTOMER_MODULE_MIGRATIONS,
  migratePluginModules,
  moduleTestDatabase,
  withKnex,
} from "../../../utils/__tests__/module-database"
import { addCustomers, type CustomerRecord } from "../../../utils/__tests__/module-database/customer-records"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PROFILE_LINK_TABLE } from "../../../db/tables"
import primaryContacts from "../../../migration-scripts/primary-contacts"
import DirectoryEntry from "../models/directory-entry"
import type { DirectoryFilters } from "../service"

/**
 * The directory's SQL against a real database, without the app: the refresh that summarises each
 * customer into a row, and the search staff type into. Only the directory module is loaded; the
 * tables its refresh reads come from their own modules' migrations.
 */
const db = moduleTestDatabase("customer_directory")

moduleIntegrationTestRunner<CustomerDirectoryModuleService>({
  moduleName: CUSTOMER_DIRECTORY_MODULE,
  resolve: fileURLToPath(new URL("..", import.meta.url)),
  moduleModels: [DirectoryEntry],
  dbName: db.dbName,
  pathToMigrations: CUSTOMER_MODULE_MIGRATIONS,
  hooks: {
    beforeModuleInit: async () => {
      await migratePluginModules(db.clientUrl, [
        "customer-profile",
        "business-profile",
        "custom-fields",
        "booking",
        "customer-merge",
        "invoices",
        "customer-directory",
      ])
      await createProfileLinkTable(db.clientUrl)
    },
  },
  testSuite: ({ service }) => {
    /** Writes the customers, brings their directory rows up to date, and returns their ids. */
    const listed = async (customers: CustomerRecord[]) => {
      const ids = await withKnex(db.clientUrl, (knex) => addCustomers(knex, customers))
      await service.refreshAllEntries()
      return ids
    }
    const search = async (filters: DirectoryFilters) =>
      (await service.searchDirectory(filters, { limit: 20, offset: 0, order: "name" })).rows.map((row) => row.id)

    it("finds a customer by part of an email, a phone number written another way, a name or a postcode", async () => {
      const [wilma, bert, cara] = await listed([
        {
          first_name: "Wilhelmina",
          last_name: "Quaxley",
          email: "wilma@example.test",
          phone: "+44 7700 900123",
          contacts: [
            { kind: "email", value: "Accounts@Wilma-Works.test" },
            { kind: "phone", value: "01632 960001" },
          ],
        },
        { first_name: "Bert", last_name: "Abbott", email: "bert@example.test", addresses: [{ address_1: "14 Larch Avenue", postal_code: "BS6 7QT" }] },
        { first_name: "Cara", last_name: "Mendez", email: "cara@example.test", company_name: "Cara Co" },
      ])

      expect(await search({ q: "wilma@exam" })).toEqual([wilma])
      expect(await search({ q: "accounts@wilma" })).toEqual([wilma])
      // Stored as "+44 7700 900123", typed the national way; the extra landline typed as +44.
      expect(await search({ q: "07700 900123" })).toEqual([wilma])
      expect(await search({ q: "+44 1632 960001" })).toEqual([wilma])
      // Several words, any order and case; a short one narrows what the index found.
      expect(await search({ q: "QUAXLEY wilhel" })).toEqual([wilma])
      expect(await search({ q: "cara co" })).toEqual([cara])
      expect(await search({ q: "BS6 7QT" })).toEqual([bert])
      // The postcode without its space, the street.
      expect(await search({ q: "bs67qt" })).toEqual([bert])
      expect(await search({ q: "larch avenue" })).toEqual([bert])
      expect(await search({ q: "nobody" })).toEqual([])
      // Staff type "%" and "_" as characters, not wildcards.
      expect(await search({ q: "wilm%" })).toEqual([])
    })

    it("lists active and blocked customers by default, and the others when their status is asked for", async () => {
      const [active, blocked, archived, deleted] = await listed([
        { first_name: "Ada", last_name: "Active", email: "ada@example.test" },
        { first_name: "Bo", last_name: "Blocked", email: "bo@example.test", status: "blocked" },
        { first_name: "Cy", last_name: "Archived", email: "cy@example.test", status: "archived" },
        { first_name: "Di", last_name: "Deleted", email: "di@example.test", deleted_at: new Date() },
      ])

      // Ordered by last name.
      expect(await search({})).toEqual([active, blocked])
      expect(await search({ statuses: ["archived"] })).toEqual([archived])
      expect(await search({ statuses: ["deleted"] })).toEqual([deleted])
      expect(await search({ q: "example.test", statuses: ["blocked", "archived"] })).toEqual([archived, blocked])
      const page = await service.searchDirectory({ statuses: ["active", "blocked", "archived", "deleted"] }, { limit: 2, offset: 0, order: "-name" })
      expect(page).toMatchObject({ count: 4, count_capped: false })
      expect(page.rows.map((row) => row.status)).toEqual(["deleted", "blocked"])
    })

    it("counts up to 10,000, but only up to 1,000 under a tag or custom-field filter", async () => {
      await withKnex(db.clientUrl, (knex) =>
        knex.raw(`INSERT INTO customer_directory_entry (id, customer_id, email, search_text, sort_name, customer_created_at, tags, custom_values)
          SELECT 'cdir_bulk' || g, 'cus_bulk' || g, 'bulk' || g || '@example.test', 'bulk', 'bulk ' || lpad(g::text, 5, '0'), now(),
                 CASE WHEN g <= 3 THEN ARRAY['Bulk', 'Rare'] ELSE ARRAY['Bulk'] END, '{"plan": "gold"}'::jsonb
            FROM generate_series(1, 1005) g`)
      )
      const count = (filters: DirectoryFilters) => service.searchDirectory(filters, { limit: 5, offset: 0, order: "name" })
      expect(await count({})).toMatchObject({ count: 1005, count_capped: false })
      expect(await count({ tags: ["Bulk"] })).toMatchObject({ count: 1000, count_capped: true })
      expect(await count({ custom_values: { plan: "gold" } })).toMatchObject({ count: 1000, count_capped: true })
      const rare = await count({ tags: ["Rare", "Bulk"] })
      expect(rare).toMatchObject({ count: 3, count_capped: false })
      expect(rare.rows.map((row) => row.id)).toEqual(["cus_bulk1", "cus_bulk2", "cus_bulk3"])
    })

    it("finds customers with an overdue invoice until it is paid; one due tomorrow isn't overdue", async () => {
      const [late, soon, settled] = await listed([
        { first_name: "Lou", last_name: "Late", email: "lou@example.test" },
        { first_name: "Sam", last_name: "Soon", email: "sam@example.test" },
        { first_name: "Pat", last_name: "Paid", email: "pat@example.test" },
      ])
      const day = 86_400_000
      const invoice = (customer_id: string, status: string, due: number) => ({
        id: `inv_${customer_id}_${status}`,
        status,
        customer_id,
        currency_code: "gbp",
        issued_at: new Date(Date.now() - 40 * day),
        due_at: new Date(Date.now() + due),
        bill_to: {},
        seller: {},
      })
      await withKnex(db.clientUrl, (knex) =>
        knex("invoice").insert([
          invoice(late, "partially_paid", -3 * day),
          // A later one still owed: the oldest decides.
          invoice(late, "issued", 20 * day),
          invoice(soon, "issued", day),
          invoice(settled, "paid", -10 * day),
          { ...invoice(settled, "void", -10 * day), id: `inv_${settled}_void2` },
        ])
      )
      await service.refreshEntries([late, soon, settled])
      expect(await search({ has_overdue_invoices: true })).toEqual([late])
      expect(await search({ has_overdue_invoices: false })).toEqual([settled, soon])
      const [row] = (await service.searchDirectory({ has_overdue_invoices: true }, { limit: 1, offset: 0, order: "name" })).rows
      expect(row.open_invoice_due_at?.getTime()).toBeLessThan(Date.now())

      await withKnex(db.clientUrl, (knex) => knex("invoice").where({ customer_id: late, status: "partially_paid" }).update({ status: "paid" }))
      await service.refreshEntries([late])
      expect(await search({ has_overdue_invoices: true })).toEqual([])
      expect(await search({ has_overdue_invoices: false })).toEqual([late, settled, soon])
    })

    it("counts a visit held for the bank's card check as upcoming only once it is confirmed", async () => {
      const [held] = await listed([{ first_name: "Hal", last_name: "Held", email: "hal@example.test" }])
      const day = 86_400_000
      const starts = new Date(Date.now() + 5 * day)
      await withKnex(db.clientUrl, (knex) =>
        knex("booking").insert({
          id: `bkg_${held}`,
          booking_number: `BK-${held}`,
          customer_id: held,
          email: "hal@example.test",
          status: "requested",
          service_title: "Oven clean",
          starts_at: starts,
          ends_at: new Date(starts.getTime() + 3_600_000),
          cart_id: `cart_${held}`,
        })
      )
      await service.refreshEntries([held])
      expect(await search({ has_upcoming_booking: true })).not.toContain(held)
      await withKnex(db.clientUrl, (knex) =>
        knex("booking")
          .where({ id: `bkg_${held}` })
          .update({ status: "confirmed", order_id: `order_${held}` })
      )
      await service.refreshEntries([held])
      expect(await search({ has_upcoming_booking: true })).toContain(held)
    })

    it("follows a customer's changes when their row is refreshed", async () => {
      const [ana] = await listed([{ first_name: "Ana", last_name: "Before", email: "ana@example.test" }])
      await withKnex(db.clientUrl, (knex) => knex("customer").where({ id: ana }).update({ last_name: "Afterwards" }))
      expect(await search({ q: "afterwards" })).toEqual([])
      await service.refreshEntries([ana])
      expect(await search({ q: "afterwards" })).toEqual([ana])
      // A customer removed from the database altogether leaves the directory.
      await withKnex(db.clientUrl, (knex) => knex("customer").where({ id: ana }).delete())
      await service.refreshEntries([ana])
      expect(await search({ statuses: ["active", "blocked", "archived", "deleted"] })).toEqual([])
    })

    it("moves existing data to one place of truth: a marked number fills an empty phone, repeats of the own email and phone go", async () => {
      const [noPhone, withPhone] = await listed([
        {
          first_name: "Nia",
          last_name: "Nophone",
          email: "nia@example.test",
          contacts: [
            { kind: "phone", value: "0117 496 0001" },
            { kind: "mobile", value: "07700 900301", is_primary: true },
          ],
        },
        {
          first_name: "Wes",
          last_name: "Withphone",
          email: "wes@example.test",
          phone: "+44 7700 900302",
          contacts: [
            { kind: "mobile", value: "07700 900302", is_primary: true },
            { kind: "email", value: "WES@example.test", is_primary: true },
            { kind: "email", value: "wes.work@example.test" },
          ],
        },
      ])
      const run = () =>
        withKnex(db.clientUrl, (knex) =>
          primaryContacts({
            container: { resolve: (key: string) => (key === ContainerRegistrationKeys.PG_CONNECTION ? knex : service) } as unknown as MedusaContainer,
          })
        )
      await run()
      // A second run changes nothing.
      await run()
      const state = await withKnex(db.clientUrl, async (knex) => ({
        phones: await knex("customer").whereIn("id", [noPhone, withPhone]).orderBy("id").pluck("phone"),
        methods: await knex("customer_contact_method as m")
          .join(`${PROFILE_LINK_TABLE} as l`, "l.customer_profile_id", "m.profile_id")
          .whereIn("l.customer_id", [noPhone, withPhone])
          .orderBy("m.value")
          .select("l.customer_id", "m.value", "m.is_primary"),
      }))
      expect(state.phones).toEqual(["07700 900301", "+44 7700 900302"])
      expect(state.methods).toEqual([
        { customer_id: noPhone, value: "0117 496 0001", is_primary: false },
        { customer_id: withPhone, value: "wes.work@example.test", is_primary: false },
      ])
      expect((await service.searchDirectory({ q: "nophone" }, { limit: 5, offset: 0, order: "name" })).rows[0]).toMatchObject({ phone: "07700 900301" })
    })
  },
})
