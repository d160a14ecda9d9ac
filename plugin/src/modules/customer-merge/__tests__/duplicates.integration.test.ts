import { fileURLToPath } from "node:url"
import type { MedusaContainer } from "@medusajs/framework/types"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { expect, it } from "vitest"
import { CUSTOMER_MERGE_MODULE, type CustomerMergeModuleService, type DuplicatePair } from ".."
import crmDuplicateIndexes from "../../../migration-scripts/crm-duplicate-indexes"
import {
  createProfileLinkTable,
  CUSTOMER_MODULE_MIGRATIONS,
  migratePluginModules,
  moduleTestDatabase,
  withKnex,
} from "../../../utils/__tests__/module-database"
import { addCustomers, type CustomerRecord } from "../../../utils/__tests__/module-database/customer-records"
import CustomerMerge from "../models/customer-merge"

/**
 * Suggested duplicates against a real database, without the app: the index walks, the grouping in
 * SQL and the name similarity (pg_trgm) that decide which customers look like the same person.
 */
const db = moduleTestDatabase("customer_merge")

moduleIntegrationTestRunner<CustomerMergeModuleService>({
  moduleName: CUSTOMER_MERGE_MODULE,
  resolve: fileURLToPath(new URL("..", import.meta.url)),
  moduleModels: [CustomerMerge],
  dbName: db.dbName,
  pathToMigrations: CUSTOMER_MODULE_MIGRATIONS,
  hooks: {
    beforeModuleInit: async () => {
      await migratePluginModules(db.clientUrl, ["customer-profile", "customer-merge"])
      await createProfileLinkTable(db.clientUrl)
      // The indexes (and pg_trgm) the walks read, as `db:migrate` makes them after the migrations.
      await withKnex(db.clientUrl, (knex) => crmDuplicateIndexes({ container: { resolve: () => knex } as unknown as MedusaContainer }))
    },
  },
  testSuite: ({ service }) => {
    const add = (customers: CustomerRecord[]) => withKnex(db.clientUrl, (knex) => addCustomers(knex, customers))
    /** Every suggested pair, page after page. */
    const allPairs = async (limit = 50) => {
      const pairs: DuplicatePair[] = []
      let cursor = null
      do {
        const page: Awaited<ReturnType<CustomerMergeModuleService["listDuplicatePairs"]>> = await service.listDuplicatePairs({ limit, cursor })
        pairs.push(...page.pairs)
        cursor = page.next_cursor
      } while (cursor)
      return pairs
    }
    const ids = (pair: DuplicatePair) => [pair.primary.id, pair.secondary.id]
    const street = { address_1: "12 Merge Lane", postal_code: "BS1 4DJ" }

    it("pairs customers by email (account or extra, any case), by phone (any format) and by a similar name at the same address, and nothing else", async () => {
      const [emma, emily, tom, tim, joanne, jo] = await add([
        { first_name: "Emma", last_name: "Dupont", email: "emma.dup@example.test", phone: "+44 7700 900201" },
        { first_name: "Emily", last_name: "Other", email: "emily@example.test", contacts: [{ kind: "email", value: "EMMA.DUP@Example.test" }] },
        { first_name: "Tom", last_name: "Phone", email: "tom@example.test", phone: "+44 7700 900111" },
        { first_name: "Timothy", last_name: "Caller", email: "tim@example.test", phone: "07700 900111" },
        { first_name: "Joanne", last_name: "Smithson", email: "joanne@example.test", addresses: [street] },
        { first_name: "Jo", last_name: "Smithson", email: "jo@example.test", addresses: [{ address_1: "12 MERGE LANE,", postal_code: "bs14dj" }] },
      ])
      await add([
        // A flatmate with another name is no duplicate.
        { first_name: "Rupert", last_name: "Blackwood", email: "rupert@example.test", addresses: [street] },
        // A deleted customer with Emma's email is never suggested.
        {
          first_name: "Gone",
          last_name: "Dupont",
          email: "gone@example.test",
          deleted_at: new Date(),
          contacts: [{ kind: "email", value: "emma.dup@example.test" }],
        },
        // Strangers: a different email, number and address.
        {
          first_name: "Una",
          last_name: "Related",
          email: "una@example.test",
          phone: "+44 7700 900999",
          addresses: [{ address_1: "1 Far Road", postal_code: "EH1 1AA" }],
        },
      ])

      const pairs = await allPairs()

      expect(pairs.map(ids)).toEqual([
        [emma, emily],
        [tom, tim],
        [joanne, jo],
      ])
      // The older record is suggested as the one to keep; each pair says why.
      expect(pairs[0].reasons).toEqual([{ kind: "email", email: "emma.dup@example.test" }])
      expect(pairs[1].reasons).toEqual([{ kind: "phone", phones: ["+44 7700 900111", "07700 900111"] }])
      expect(pairs[2].reasons).toEqual([
        expect.objectContaining({ kind: "name_address", names: ["Joanne Smithson", "Jo Smithson"], address: "12 Merge Lane, BS1 4DJ" }),
      ])
      expect((pairs[2].reasons[0] as { similarity: number }).similarity).toBeGreaterThanOrEqual(0.5)
    })

    it("lists a pair once with every reason it matches, under the strongest", async () => {
      const [first, second] = await add([
        {
          first_name: "Alice",
          last_name: "Twice",
          email: "alice@example.test",
          phone: "+44 7700 900301",
          addresses: [{ address_1: "1 Twice Road", postal_code: "BS2 0JA" }],
        },
        {
          first_name: "Alice",
          last_name: "Twice",
          email: "alice.second@example.test",
          phone: "07700 900301",
          contacts: [{ kind: "email", value: "ALICE@example.test" }],
          addresses: [{ address_1: "1 twice road", postal_code: "BS2 0JA" }],
        },
      ])
      const pairs = await allPairs()
      expect(pairs.map(ids)).toEqual([[first, second]])
      expect(pairs[0].reasons.map((reason) => reason.kind)).toEqual(["email", "phone", "name_address"])
    })

    it("pages with a cursor, each pair on one page", async () => {
      await add([
        { first_name: "Ann", last_name: "One", email: "ann@example.test", phone: "+44 7700 900401" },
        { first_name: "Andy", last_name: "Other", email: "andy@example.test", phone: "07700 900401" },
        { first_name: "Bea", last_name: "Two", email: "bea@example.test", phone: "+44 7700 900402" },
        { first_name: "Ben", last_name: "Other", email: "ben@example.test", phone: "07700 900402" },
        { first_name: "Cat", last_name: "Three", email: "cat@example.test", phone: "+44 7700 900403" },
        { first_name: "Cal", last_name: "Other", email: "cal@example.test", phone: "07700 900403" },
      ])
      const first = await service.listDuplicatePairs({ limit: 1 })
      expect(first.pairs).toHaveLength(1)
      expect(first.next_cursor).not.toBeNull()
      const paged = await allPairs(1)
      expect(paged).toHaveLength(3)
      expect(paged[0]).toEqual(first.pairs[0])
      expect(new Set(paged.map((pair) => ids(pair).join())).size).toBe(3)
      expect(paged).toEqual(await allPairs())
    })
  },
})
