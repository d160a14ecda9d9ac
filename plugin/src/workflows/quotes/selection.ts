import { MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { depositAmount, selectionTotals, type QuoteRow } from "../../modules/quotes"

type Raw = { raw_unit_price?: BigNumberInput; raw_tax_rate?: BigNumberInput }

/** The latest sent version's options and lines (never a draft's), with exact amounts. */
export function currentOptions(quote: QuoteRow) {
  const version = (quote.versions ?? []).find((candidate) => candidate.version === quote.current_version && candidate.status !== "draft")
  return (version?.options ?? []).map((option) => ({
    id: option.id,
    title: option.title,
    lines: (option.lines ?? []).map((line) => ({
      id: line.id,
      quantity: line.quantity,
      unit_price: ((line as Raw).raw_unit_price ?? line.unit_price) as BigNumberInput,
      tax_rate: ((line as Raw).raw_tax_rate ?? line.tax_rate) as BigNumberInput,
      optional: line.optional,
    })),
  }))
}

const SELECTION_ERRORS = {
  unknown_option: "Pick one of the options of the latest version of this quote.",
  not_optional: "Only the optional lines of the option you picked can be ticked.",
}

/**
 * The totals and deposit of what the customer picked, worked out on the server from the version
 * sent: exactly one of its options and only that option's optional lines, else a refusal in words.
 */
export function priceSelection(quote: QuoteRow, optionId: string, optionalLineIds: readonly string[]) {
  const picked = selectionTotals(currentOptions(quote), optionId, [...new Set(optionalLineIds)], quote.currency_code)
  if ("error" in picked) throw new MedusaError(MedusaError.Types.INVALID_DATA, SELECTION_ERRORS[picked.error])
  const option = picked.option as ReturnType<typeof currentOptions>[number]
  const deposit = depositAmount(
    { kind: quote.deposit_kind as "none" | "amount" | "percent", value: (quote.deposit_value ?? null) as BigNumberInput | null },
    picked.totals.total.toString(),
    quote.currency_code
  )
  return { option, totals: picked.totals, deposit, optional_line_ids: [...new Set(optionalLineIds)] }
}

/** The same as the API answers it: amounts in the currency's main unit. */
export function presentPrice(priced: ReturnType<typeof priceSelection>) {
  return {
    subtotal: priced.totals.subtotal.toNumber(),
    tax_total: priced.totals.tax_total.toNumber(),
    total: priced.totals.total.toNumber(),
    deposit: priced.deposit.toNumber(),
  }
}
