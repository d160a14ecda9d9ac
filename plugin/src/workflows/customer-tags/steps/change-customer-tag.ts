import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type KnexLike, knexSqlManager } from "../../../utils/sql-manager"
import { changeTag, type TagChange } from "../tag-changes"

type Knex = KnexLike & { transaction: <T>(work: (trx: KnexLike) => Promise<T>) => Promise<T> }

export const changeCustomerTagStepId = "change-customer-tag"

/**
 * One transaction across the profile, directory and activity tables: all customers change or
 * none do. The workflow has no later step, so there is nothing to undo.
 */
export const changeCustomerTagStep = createStep(changeCustomerTagStepId, async (input: TagChange, { container }) => {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const result = await knex.transaction((trx) => changeTag(knexSqlManager(trx), input))
  return new StepResponse(result)
})
