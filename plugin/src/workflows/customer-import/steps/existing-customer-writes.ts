import type { MedusaContainer } from "@medusajs/framework/types"
import type { ImportRow } from "../../../utils/customer-import-rows"

/*
 * The writes of one import batch for customers that already exist (staff chose "update
 * existing"), one step per kind of record; new customers are written by importNewCustomersStep.
 * Each step either does all its writes or, when one fails, undoes the ones it did before
 * failing, so the workflow's compensation (which undoes the steps that finished) leaves
 * nothing of the batch behind.
 */

/** A row for a customer that is new (no customer_id yet) or already exists. */
export type BatchRow = { row: ImportRow; customer_id?: string }
/** A row for a customer that already exists: what these steps write. */
export type ExistingRow = { row: ImportRow; customer_id: string }

/** Runs `work`, which registers how to undo each write as it makes it; on failure undoes them (newest first) and rethrows. */
export async function undoable<T, U>(
  container: MedusaContainer,
  work: (remember: (record: U) => void) => Promise<T>,
  undo: (container: MedusaContainer, records: U[]) => Promise<void>
): Promise<{ output: T; records: U[] }> {
  const records: U[] = []
  try {
    const output = await work((record) => records.push(record))
    return { output, records }
  } catch (error) {
    await undo(container, records).catch(() => undefined)
    throw error
  }
}

/** Runs `fn` on the items, `concurrency` at a time (for writes the modules only take one at a time). */
export async function eachLimited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += concurrency) {
    await Promise.all(items.slice(i, i + concurrency).map(fn))
  }
}

export const PARALLEL_WRITES = 8
