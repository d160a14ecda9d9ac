import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/** The store credit module of @medusajs/loyalty-plugin, as far as referrals use it. */
export const STORE_CREDIT_MODULE = "store_credit"
type Account = { id: string; customer_id: string | null; currency_code: string; balance?: unknown }
type Transaction = { id: string }
type Movement = { account_id: string; amount: number; reference: string; reference_id: string; note?: string | null }
export type StoreCreditModule = {
  listStoreCreditAccounts(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<Account[]>
  createStoreCreditAccounts(data: { customer_id: string; currency_code: string }[]): Promise<Account[]>
  creditAccounts(data: Movement[]): Promise<Transaction[]>
  debitAccounts(data: Movement[]): Promise<Transaction[]>
  deleteTransactions(ids: string[]): Promise<void>
}

/** The customer's account in this currency (one per customer and currency), made if missing. */
export async function storeCreditAccount(container: MedusaContainer, customerId: string, currency: string): Promise<Account> {
  const storeCredit: StoreCreditModule = container.resolve(STORE_CREDIT_MODULE)
  const [existing] = await storeCredit.listStoreCreditAccounts({ customer_id: customerId, currency_code: currency })
  if (existing) return existing
  try {
    const [created] = await storeCredit.createStoreCreditAccounts([{ customer_id: customerId, currency_code: currency }])
    return created
  } catch (error) {
    // Made meanwhile by another request (unique per customer and currency).
    const [made] = await storeCredit.listStoreCreditAccounts({ customer_id: customerId, currency_code: currency })
    if (made) return made
    throw error
  }
}

export async function creditStoreCredit(
  container: MedusaContainer,
  input: { customer_id: string; currency_code: string; amount: number; reference_id: string; note: string }
) {
  const account = await storeCreditAccount(container, input.customer_id, input.currency_code)
  const storeCredit: StoreCreditModule = container.resolve(STORE_CREDIT_MODULE)
  const [transaction] = await storeCredit.creditAccounts([
    { account_id: account.id, amount: input.amount, reference: "referral", reference_id: input.reference_id, note: input.note },
  ])
  return { account_id: account.id, transaction_id: transaction.id }
}

/** Each of the customer's accounts with its balance (major units). */
export async function storeCreditBalances(container: MedusaContainer, customerId: string) {
  const storeCredit: StoreCreditModule = container.resolve(STORE_CREDIT_MODULE)
  const accounts = await storeCredit.listStoreCreditAccounts({ customer_id: customerId })
  return accounts.map((account) => ({
    id: account.id,
    currency_code: account.currency_code,
    balance: MathBN.convert((account.balance as number) ?? 0).toNumber(),
  }))
}
