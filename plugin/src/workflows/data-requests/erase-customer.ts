import type { IFileModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../modules/data-requests"
import { ERASURE_TABLE } from "../../modules/data-requests/bulk-tables"
import { insertNew, newEntityId } from "../../utils/bulk-insert"
import { createStripeClient } from "../../providers/stripe/service"
import { STRIPE_PROVIDER_ID, stripeProviderConfig } from "../../utils/saved-cards"
import { type KnexLike, knexSqlManager } from "../../utils/sql-manager"
import type { ActivityActor } from "../customer-profile/activity"
import { profileLockKey } from "../customer-profile/ensure-customer-profile"
import { type ErasureTargets, findErasureTargets, type Run } from "./erasure-records"
import { eraseRecords, type ErasureSummary } from "./erasure-writes"

export const CUSTOMER_DATA_ERASED = "customer.personal_data_erased"
/** The error code when Stripe can't delete the customer's saved cards: nothing was erased. */
export const STRIPE_ERASURE_FAILED = "stripe_unavailable"

export type EraseCustomerInput = {
  customer_id: string
  /** The staff member erasing (name and email go into the one history line left). */
  actor: ActivityActor
}

type Knex = KnexLike & { transaction: <T>(work: (trx: KnexLike) => Promise<T>) => Promise<T> }
type Holder = ErasureTargets["account_holders"][number]

const STRIPE_MISSING = /no such customer|resource_missing/i

/**
 * The Stripe customers (Medusa's payment account holders, with the saved cards): deleted in Stripe
 * through its SDK, and their rows in the erasure's transaction. Called last before the
 * transaction commits: if Stripe refuses, everything is rolled back and nothing is erased (Medusa's
 * payment module deletes the row before calling Stripe, so it could leave a Stripe customer behind
 * with no record of it). A Stripe customer already gone counts as deleted. Without Stripe
 * configured the rows go, and staff are told which Stripe customers to delete in Stripe's dashboard.
 */
async function deleteAccountHolders(container: MedusaContainer, run: Run, holders: Holder[]) {
  const warnings: string[] = []
  const provider = stripeProviderConfig(container)
  const options = provider?.options as { apiKey?: string; apiBaseUrl?: string } | undefined
  const stripe = options?.apiKey ? createStripeClient({ apiKey: options.apiKey, apiBaseUrl: options.apiBaseUrl }) : null
  for (const holder of holders) {
    if (holder.provider_id === STRIPE_PROVIDER_ID && holder.external_id) {
      if (stripe) {
        try {
          await stripe.customers.del(holder.external_id)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          if (!STRIPE_MISSING.test(message)) {
            throw new MedusaError(
              MedusaError.Types.UNEXPECTED_STATE,
              `Stripe could not delete the customer's saved cards (${message}). Nothing was erased; try again in a few minutes.`,
              STRIPE_ERASURE_FAILED
            )
          }
        }
      } else {
        warnings.push(`Card payments are not set up here, so delete Stripe customer ${holder.external_id} in the Stripe Dashboard yourself.`)
      }
    }
    await run(`DELETE FROM account_holder WHERE id = ?`, [holder.id])
  }
  return { deleted: holders.length, warnings }
}

/**
 * Everything in one database transaction (every module of the plugin and Medusa's own share the
 * database), with Stripe's deletion last before it commits: the erasure happens completely or
 * not at all. Files are deleted after the commit (see deleteErasedFilesStep).
 */
const eraseCustomerDataStep = createStep("erase-customer-personal-data", async (input: EraseCustomerInput, { container }) => {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const erasureId = newEntityId("derase")
  const outcome = await knex.transaction(async (trx) => {
    const run: Run = async (statement, params = []) => {
      const result = (await trx.raw(statement, params)) as unknown as { rows?: Record<string, unknown>[]; rowCount?: number | null }
      return { rows: result.rows ?? [], count: result.rowCount ?? 0 }
    }
    const sql = knexSqlManager(trx)
    const targets = await findErasureTargets(run, input.customer_id)
    const summary: ErasureSummary = await eraseRecords(run, sql, targets, { erasure_id: erasureId, actor: input.actor })
    summary.files = targets.file_keys.length
    const stripe = await deleteAccountHolders(container, run, targets.account_holders)
    summary.saved_card_accounts = stripe.deleted
    await insertNew(sql, ERASURE_TABLE, [
      {
        id: erasureId,
        customer_id: input.customer_id,
        actor: input.actor.email ?? null,
        actor_id: input.actor.id ?? null,
        summary,
        pending_file_keys: targets.file_keys,
      },
    ])
    return { file_keys: targets.file_keys, summary, warnings: stripe.warnings }
  })
  return new StepResponse({ erasure_id: erasureId, ...outcome })
})

/**
 * The person's files (picture, dependents' photos, booking attachments, earlier exports), once the
 * records pointing at them are gone. Deleting files can't be undone, so it comes after the commit;
 * keys a storage error left behind stay on the erasure record for the upkeep job to retry.
 */
export const deleteErasedFilesStep = createStep("delete-erased-files", async (input: { erasure_id: string; file_keys: string[] }, { container }) => {
  const requests: DataRequestsModuleService = container.resolve(DATA_REQUESTS_MODULE)
  const pending = await deleteFilesNow(container, input.file_keys)
  await requests.setPendingFiles(input.erasure_id, pending)
  return new StepResponse({ deleted: input.file_keys.length - pending.length, pending: pending.length })
})

/** Deletes the files one by one; returns the keys that could not be deleted. */
export async function deleteFilesNow(container: MedusaContainer, keys: string[]): Promise<string[]> {
  const files: IFileModuleService = container.resolve(Modules.FILE)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const pending: string[] = []
  for (const key of keys) {
    try {
      await files.deleteFiles(key)
    } catch (error) {
      logger.warn(`Could not delete file ${key} of an erased customer; it will be retried: ${error instanceof Error ? error.message : error}`)
      pending.push(key)
    }
  }
  return pending
}

/**
 * Staff → customer page → "Erase personal data" (GDPR article 17). The customer record, bookings
 * and orders are kept with their ids, numbers, amounts, dates and statuses; names, emails, phone
 * numbers, addresses, notes and free text are removed or replaced, logins and files deleted, and
 * the Stripe customer deleted. The customer's history keeps one line: the erasure and who did it.
 */
export const eraseCustomerWorkflow = createWorkflow("erase-customer-personal-data", (input: EraseCustomerInput) => {
  // The profile lock: edits to this customer wait until the erasure is over.
  const key = transform({ input }, ({ input }) => profileLockKey(input.customer_id))
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const erased = eraseCustomerDataStep(input)
  const files = deleteErasedFilesStep(transform({ erased }, ({ erased }) => ({ erasure_id: erased.erasure_id, file_keys: erased.file_keys })))
  emitEventStep({
    eventName: CUSTOMER_DATA_ERASED,
    data: transform({ input, erased }, ({ input, erased }) => ({ id: input.customer_id, erasure_id: erased.erasure_id, actor_id: input.actor.id ?? null })),
  })
  releaseLockStep({ key })
  return new WorkflowResponse(
    transform({ erased, files }, ({ erased, files }) => ({
      id: erased.erasure_id,
      summary: erased.summary,
      files_deleted: files.deleted,
      files_pending: files.pending,
      warnings: erased.warnings,
    }))
  )
})
