import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Runs a scheduled job's work while holding a PostgreSQL advisory lock named after it, so two
 * runs never overlap, even from different processes (the server's own schedule and a
 * `medusa exec` run, or two instances): the second waits for the first, then sees what it left.
 * The lock lives in a transaction of its own and goes with it, even if the process is killed.
 */
export async function withJobLock<T>(container: MedusaContainer, job: string, work: () => Promise<T>): Promise<T> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  return knex.transaction(async (trx) => {
    await trx.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`job:${job}`])
    return work()
  })
}
