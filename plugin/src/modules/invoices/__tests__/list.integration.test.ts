import { fileURLToPath } from "node:url"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { expect, it } from "vitest"
import { INVOICES_MODULE, type InvoicesModuleService } from ".."
import { CUSTOMER_MODULE_MIGRATIONS, migratePluginModules, moduleTestDatabase, withKnex } from "../../../utils/__tests__/module-database"
import type { InvoiceListCursor, InvoiceListFilters, InvoiceListOrder } from "../service"
import BillingSettings from "../models/billing-settings"
import CreditNote from "../models/credit-note"
import Invoice from "../models/invoice"
import InvoiceCheckout from "../models/invoice-checkout"
import InvoiceLine from "../models/invoice-line"
import InvoicePayment from "../models/invoice-payment"

/**
 * The staff list's SQL against a real database: the export walks the list batch by batch from
 * where the last stopped, and must give exactly the list's rows in the list's order, whatever
 * the order, with ties, drafts (no number, no dates) and timestamps finer than a millisecond.
 */
const db = moduleTestDatabase("invoices_list")

moduleIntegrationTestRunner<InvoicesModuleService>({
  moduleName: INVOICES_MODULE,
  resolve: fileURLToPath(new URL("..", import.meta.url)),
  moduleModels: [Invoice, InvoiceLine, InvoicePayment, CreditNote, BillingSettings, InvoiceCheckout],
  dbName: db.dbName,
  pathToMigrations: CUSTOMER_MODULE_MIGRATIONS,
  hooks: {
    beforeModuleInit: async () => {
      await migratePluginModules(db.clientUrl, ["invoices"])
    },
  },
  testSuite: ({ service }) => {
    const now = new Date("2026-06-15T12:00:00Z")
    /** 60 invoices: a tenth drafts, totals and due dates repeating (ties), created microseconds apart. */
    const seed = () =>
      withKnex(db.clientUrl, (knex) =>
        knex.raw(`INSERT INTO invoice (id, number, status, customer_id, currency_code, issued_at, due_at, bill_to, seller,
                    subtotal, tax_total, total, raw_subtotal, raw_tax_total, raw_total, raw_paid_total, raw_credited_total, created_at, updated_at)
          SELECT 'inv_list' || lpad(g::text, 3, '0'),
                 CASE WHEN g % 10 = 0 THEN NULL ELSE 'T-' || lpad(((g * 37) % 61)::text, 3, '0') END,
                 CASE WHEN g % 10 = 0 THEN 'draft' WHEN g % 3 = 0 THEN 'paid' ELSE 'issued' END,
                 'cus_' || (g % 4), 'gbp',
                 CASE WHEN g % 10 = 0 THEN NULL ELSE timestamptz '2026-05-01' + (g % 7) * interval '1 day' END,
                 CASE WHEN g % 10 = 0 THEN NULL ELSE timestamptz '2026-06-01' + (g % 5) * interval '1 day' END,
                 '{}'::jsonb, '{}'::jsonb, (g % 6) * 10, 0, (g % 6) * 10,
                 '{"value":"0","precision":20}'::jsonb, '{"value":"0","precision":20}'::jsonb,
                 jsonb_build_object('value', ((g % 6) * 10)::text, 'precision', 20),
                 '{"value":"0","precision":20}'::jsonb, '{"value":"0","precision":20}'::jsonb,
                 timestamptz '2026-05-01 09:00:00' + (g % 20) * interval '1.000123 second', now()
            FROM generate_series(1, 60) g`)
      )

    const walk = async (filters: InvoiceListFilters, order: InvoiceListOrder) => {
      const ids: string[] = []
      let cursor: InvoiceListCursor | null = null
      for (;;) {
        const batch = await service.listInvoiceIdsAfter(filters, order, cursor, 7, now)
        if (!batch.length) return ids
        ids.push(...batch.map((row) => row.id))
        cursor = batch[batch.length - 1].cursor
      }
    }

    it("exports batch after batch exactly the list's invoices in the list's order, for every order and filter", async () => {
      await seed()
      const orders: InvoiceListOrder[] = ["created_at", "-created_at", "due_at", "-due_at", "total", "-total", "number", "-number"]
      const filters: InvoiceListFilters[] = [
        {},
        { status: "paid" },
        { overdue: true },
        { issued_from: new Date("2026-05-03"), issued_to: new Date("2026-05-06") },
      ]
      for (const filter of filters) {
        for (const order of orders) {
          const listed = await service.listInvoicePage(filter, { order, limit: 100, offset: 0 }, now)
          expect(listed.ids.length, `${JSON.stringify(filter)} ${order}`).toBeGreaterThan(3)
          expect(await walk(filter, order), `${JSON.stringify(filter)} ${order}`).toEqual(listed.ids)
        }
      }
    })
  },
})
