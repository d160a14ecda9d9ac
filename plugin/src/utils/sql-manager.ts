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

/** Knex's connection or one of its transactions (ContainerRegistrationKeys.PG_CONNECTION), as far as we use it. */
export type KnexLike = { raw: (sql: string, bindings: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/** The same `execute` over Knex, for writes that span several modules' tables in one transaction (the CSV import). */
export const knexSqlManager = (knex: KnexLike): SqlManager => ({
  execute: async (sql, params = []) => {
    try {
      return (await knex.raw(sql, params)).rows
    } catch (error) {
      // Knex puts the whole statement before PostgreSQL's message ("INSERT INTO … - duplicate key
      // value …"); only the message is for people (statements given here never contain " - ").
      if (error instanceof Error && error.message.startsWith(sql.trim().split(/\s/)[0])) {
        error.message = error.message.slice(error.message.indexOf(" - ") + 3)
      }
      throw error
    }
  },
})
