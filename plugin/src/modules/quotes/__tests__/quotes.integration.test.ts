import { fileURLToPath } from "node:url"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { expect, it } from "vitest"
import { QUOTES_MODULE, type QuotesModuleService } from ".."
import { CUSTOMER_MODULE_MIGRATIONS, migratePluginModules, moduleTestDatabase } from "../../../utils/__tests__/module-database"
import Quote from "../models/quote"
import QuoteAcceptance from "../models/quote-acceptance"
import QuoteAttachment from "../models/quote-attachment"
import QuoteEvent from "../models/quote-event"
import QuoteLine from "../models/quote-line"
import QuoteOption from "../models/quote-option"
import QuoteVersion from "../models/quote-version"

/** The quotes module's tables as its migration makes them, read and written through its models. */
const db = moduleTestDatabase("quotes_module")

moduleIntegrationTestRunner<QuotesModuleService>({
  moduleName: QUOTES_MODULE,
  resolve: fileURLToPath(new URL("..", import.meta.url)),
  moduleModels: [Quote, QuoteVersion, QuoteOption, QuoteLine, QuoteAcceptance, QuoteEvent, QuoteAttachment],
  dbName: db.dbName,
  pathToMigrations: CUSTOMER_MODULE_MIGRATIONS,
  hooks: {
    beforeModuleInit: async () => {
      await migratePluginModules(db.clientUrl, ["quotes"])
    },
  },
  testSuite: ({ service }) => {
    const party = { name: "Ada Lovelace", company: null, email: "ada@example.com", address_lines: [], tax_id: null }
    const newQuote = () =>
      service.createQuotes({ title: "End of tenancy clean", customer_id: "cus_1", currency_code: "gbp", bill_to: party, seller: { name: "Brightside" } })

    it("keeps a version's options and lines, with amounts exact to the penny", async () => {
      const quote = await newQuote()
      const version = await service.createQuoteVersions({ quote_id: quote.id, version: 1 })
      const option = await service.createQuoteOptions({ version_id: version.id, title: "Better", subtotal: 300.1, tax_total: 60.02, total: 360.12 })
      await service.createQuoteLines({
        option_id: option.id,
        description: "Carpet clean, 3 rooms",
        quantity: 3,
        unit_price: 100.0333,
        tax_rate: 17.5,
        optional: true,
        subtotal: 300.1,
        tax_total: 52.52,
        total: 352.62,
      })
      const read = await service.retrieveQuote(quote.id, { relations: ["versions.options.lines"] })
      const line = read.versions[0].options[0].lines[0]
      expect(read.status).toBe("draft")
      expect(line.optional).toBe(true)
      expect(Number(line.tax_rate)).toBe(17.5)
      expect(Number(read.versions[0].options[0].total)).toBe(360.12)
    })

    it("numbers quotes from a sequence that never repeats, in the year sent", async () => {
      const first = await service.nextQuoteNumber(new Date("2026-03-01T00:00:00Z"))
      const second = await service.nextQuoteNumber(new Date("2027-01-02T00:00:00Z"))
      expect(first).toMatch(/^QUO-2026-\d{6}$/)
      expect(second).toMatch(/^QUO-2027-\d{6}$/)
      expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1)
    })

    it("refuses a second acceptance of one quote and a second version 1", async () => {
      const quote = await newQuote()
      await service.createQuoteVersions({ quote_id: quote.id, version: 1 })
      await expect(service.createQuoteVersions({ quote_id: quote.id, version: 1 })).rejects.toThrow()
      const acceptance = {
        quote_id: quote.id,
        version: 1,
        option_id: "quoo_1",
        option_title: "Good",
        signed_name: "Ada",
        accepted_at: new Date(),
        subtotal: 10,
        tax_total: 2,
        total: 12,
      }
      await service.createQuoteAcceptances(acceptance)
      await expect(service.createQuoteAcceptances(acceptance)).rejects.toThrow()
    })
  },
})
