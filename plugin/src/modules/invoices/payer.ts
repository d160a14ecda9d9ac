/**
 * Who pays an invoice: its bill payer, else its customer (rows made before payers existed). The one
 * place this is decided, for portal access, statements, emails and charges.
 */
export const invoicePayerId = (invoice: { customer_id: string; payer_id?: string | null }): string => invoice.payer_id ?? invoice.customer_id

/** A module filter for the invoices a customer (or any of several) pays: their own, and those their bill payer setting sends them. */
export const paidByFilter = (payerId: string | string[]) => ({ $or: [{ payer_id: payerId }, { payer_id: null, customer_id: payerId }] })
