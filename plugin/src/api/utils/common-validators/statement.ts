import { STATEMENT_PERIOD_API_WORDS, statementPeriod } from "@fieldservice/contract"
import type { z } from "@medusajs/framework/zod"

/**
 * A statement's period, for staff (`?from=…&to=…`, or the email's body) and the portal alike:
 * days like 2026-01-31, from not after to, at most ten years; either may be left out.
 */
export const StatementPeriodParams = statementPeriod(STATEMENT_PERIOD_API_WORDS)
export type StatementPeriodParamsType = z.infer<typeof StatementPeriodParams>
