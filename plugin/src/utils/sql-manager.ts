import type { Context } from "@medusajs/framework/types"

/** The context's MikroORM manager, for the few queries the generated methods can't express (atomic updates, aggregates). */
export type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

export const sqlManager = (context: Context): SqlManager => context.manager as unknown as SqlManager
