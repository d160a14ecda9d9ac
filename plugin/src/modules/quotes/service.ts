import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import { formatDocumentNumber } from "../invoices/service"
import Quote from "./models/quote"
import QuoteAcceptance from "./models/quote-acceptance"
import QuoteAttachment from "./models/quote-attachment"
import QuoteEvent from "./models/quote-event"
import QuoteLine from "./models/quote-line"
import QuoteOption from "./models/quote-option"
import QuoteVersion from "./models/quote-version"

/** Quote numbers: "QUO-2026-000123", from their own sequence (created by the module's migration). */
export const QUOTE_NUMBER_PREFIX = "QUO-{YYYY}-"

class QuotesModuleService extends MedusaService({ Quote, QuoteVersion, QuoteOption, QuoteLine, QuoteAcceptance, QuoteEvent, QuoteAttachment }) {
  /** The next quote number; a value is never handed out twice, even if its transaction rolls back. */
  @InjectManager()
  async nextQuoteNumber(sentAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const [row] = await sqlManager(sharedContext).execute(`SELECT nextval('quote_number_seq') AS value`)
    return formatDocumentNumber(QUOTE_NUMBER_PREFIX, Number(row.value), sentAt)
  }

  /**
   * Moves the quote to `to` only while its status is one of `from`, in one statement, so two
   * requests racing (two tabs accepting, two first views) change it once. True when this one did.
   */
  @InjectManager()
  async moveQuoteStatus(
    id: string,
    from: readonly string[],
    to: string,
    viewedAt: Date | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await sqlManager(sharedContext).execute(
      `UPDATE "quote" SET status = ?, viewed_at = COALESCE(viewed_at, ?::timestamptz), updated_at = now()
        WHERE id = ? AND status IN (${from.map(() => "?").join(", ")}) AND deleted_at IS NULL RETURNING id`,
      [to, viewedAt, id, ...from]
    )
    return rows.length === 1
  }
}

export default QuotesModuleService
