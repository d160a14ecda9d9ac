import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BigNumber } from "bignumber.js"
import { invoiceTotals, lineAmounts, roundMoney, type LineAmounts, type LineInput } from "../invoices/totals"

/** A line as quotes keep it: amounts by the invoices' rounding rule, so a quote and its invoice agree. */
export type QuoteLineInput = LineInput & { optional?: boolean }

/** An option's totals: its required lines, plus the optional lines ticked. */
export function optionTotals(lines: (QuoteLineInput & { id?: string })[], currencyCode: string, tickedIds: readonly string[] = []): LineAmounts {
  const counted = lines.filter((line) => !line.optional || (line.id !== undefined && tickedIds.includes(line.id)))
  return invoiceTotals(counted.map((line) => lineAmounts(line, currencyCode)))
}

export type QuoteSelectionError = "unknown_option" | "not_optional"

/**
 * What the customer picked, checked against the version: exactly one of its options, and only that
 * option's optional lines. Returns the totals, or why the pick is not possible.
 */
export function selectionTotals<L extends QuoteLineInput & { id: string }>(
  options: { id: string; lines: L[] }[],
  optionId: string,
  optionalLineIds: readonly string[],
  currencyCode: string
): { option: { id: string; lines: L[] }; totals: LineAmounts } | { error: QuoteSelectionError } {
  const option = options.find((candidate) => candidate.id === optionId)
  if (!option) return { error: "unknown_option" }
  const optional = new Set(option.lines.filter((line) => line.optional).map((line) => line.id))
  if (optionalLineIds.some((id) => !optional.has(id))) return { error: "not_optional" }
  return { option, totals: optionTotals(option.lines, currencyCode, optionalLineIds) }
}

/** The deposit asked for on a total: an amount (never more than the total) or a percent of it, rounded to the coin. */
export function depositAmount(
  deposit: { kind: "none" | "amount" | "percent"; value: BigNumberInput | null },
  total: BigNumberInput,
  currencyCode: string
): InstanceType<typeof BigNumber> {
  if (deposit.kind === "none" || deposit.value === null) return new BigNumber(0)
  const asked =
    deposit.kind === "amount" ? roundMoney(deposit.value, currencyCode) : roundMoney(MathBN.div(MathBN.mult(total, deposit.value), 100), currencyCode)
  const whole = new BigNumber(MathBN.convert(total).toString())
  return asked.isGreaterThan(whole) ? whole : asked
}
