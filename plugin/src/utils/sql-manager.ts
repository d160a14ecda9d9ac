import type { Context } from "@medusajs/framework/types"

/**
 * The context's MikroORM manager, for the few queries the generated methods can't express
 * (atomic updates, aggregates, bulk inserts): the transaction's when there is one
 * (@InjectTransactionManager), else the plain one (@InjectManager).
 */
export type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

export const sqlManager = (context: Context): SqlManager => (context.transactionManager ?? context.manager) as unknown as SqlManager

/** Text to match literally inside a LIKE pattern: its %, _ and \ escaped (LIKE's default escape is \). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&")
