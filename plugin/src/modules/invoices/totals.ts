import { BigNumber as MedusaBigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { BigNumber } from "bignumber.js"

type Amount = InstanceType<typeof BigNumber>

/** How many decimals the currency's smallest coin has (2 for GBP, 0 for JPY). */
export function currencyDecimals(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Half up, to the currency's smallest coin (docs/decisions/invoice-rounding.md). */
export const roundMoney = (value: BigNumberInput | Amount, currencyCode: string): Amount =>
  new BigNumber(MathBN.convert(value as BigNumberInput).toString()).decimalPlaces(currencyDecimals(currencyCode), BigNumber.ROUND_HALF_UP)

export type LineInput = { quantity: number; unit_price: BigNumberInput; tax_rate: BigNumberInput }
export type LineAmounts = { subtotal: Amount; tax_total: Amount; total: Amount }

/**
 * A line's amounts: the subtotal (quantity × unit price) and its tax are each rounded to the
 * coin, and the total is their sum, so every figure printed adds up.
 */
export function lineAmounts(line: LineInput, currencyCode: string): LineAmounts {
  const subtotal = roundMoney(MathBN.mult(line.unit_price, line.quantity), currencyCode)
  const tax_total = roundMoney(MathBN.div(MathBN.mult(subtotal.toString(), line.tax_rate), 100), currencyCode)
  return { subtotal, tax_total, total: subtotal.plus(tax_total) }
}

/** The invoice's totals: plain sums of the lines' rounded amounts (no second rounding). */
export function invoiceTotals(lines: LineAmounts[]): LineAmounts {
  const zero = new BigNumber(0)
  return lines.reduce(
    (sum, line) => ({ subtotal: sum.subtotal.plus(line.subtotal), tax_total: sum.tax_total.plus(line.tax_total), total: sum.total.plus(line.total) }),
    { subtotal: zero, tax_total: zero, total: zero }
  )
}

/**
 * Splits a credit (tax included) into its net and tax parts at the invoice's own ratio, so a
 * credit note for the whole invoice mirrors it exactly.
 */
export function splitCredit(amount: BigNumberInput, invoice: { total: BigNumberInput; tax_total: BigNumberInput }, currencyCode: string): LineAmounts {
  const total = roundMoney(amount, currencyCode)
  const tax_total = MathBN.eq(invoice.total, 0)
    ? new BigNumber(0)
    : roundMoney(MathBN.div(MathBN.mult(total.toString(), invoice.tax_total), invoice.total), currencyCode)
  return { subtotal: total.minus(tax_total), tax_total, total }
}

/** What is still owed: total − credited − paid, never below zero. */
export function invoiceBalance(invoice: { total: BigNumberInput; credited_total: BigNumberInput; paid_total: BigNumberInput }): Amount {
  const owed = new BigNumber(MathBN.sub(invoice.total, invoice.credited_total, invoice.paid_total).toString())
  return owed.isNegative() ? new BigNumber(0) : owed
}

/**
 * A decimal for a money column. The generated service types money columns as `number`, but Medusa
 * stores what it is given as a BigNumber, so passing one keeps the amount exact.
 */
export const exactAmount = (value: { toString(): string } | string): number => new MedusaBigNumber(value.toString()) as unknown as number
