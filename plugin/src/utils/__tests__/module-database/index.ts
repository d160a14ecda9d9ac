/// <reference types="vite/client" />
import path from "node:path"
import type { MigrationObject } from "@medusajs/framework/mikro-orm/core"
import { MikroORM } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import type { ModuleJoinerConfig } from "@medusajs/framework/types"
import { createPgConnection, CustomDBMigrator } from "@medusajs/framework/utils"
import CustomerModule, { discoveryPath as customerModulePath } from "@medusajs/medusa/customer"
import { MigrationsExecutionPlanner } from "@medusajs/medusa/link-modules"
import type { Knex } from "knex"
import { inject } from "vitest"
import profileLink from "../../../links/customer-profile"
import CustomerProfileModule from "../../../modules/customer-profile"
import { PROFILE_LINK_TABLE } from "../../../db/tables"

/*
 * A real database for a module's tests, without booting the app: Medusa's moduleIntegrationTestRunner
 * loads the one module under test, and the hooks here give it the tables its SQL reads (other
 * modules' migrations, the link table), each made the way `medusa db:migrate` makes it.
 */

/** Medusa's customer module migrations (customer, customer_address): the runner's pathToMigrations. */
export const CUSTOMER_MODULE_MIGRATIONS = path.join(path.dirname(customerModulePath), "migrations")

/**
 * A database of its own for one test file, on the run's server (global-setup.ts). The runner reads
 * the server from DB_* variables, so they are set here, before it starts.
 */
export function moduleTestDatabase(name: string): { dbName: string; clientUrl: string } {
  const url = new URL(inject("moduleDatabaseUrl"))
  process.env.DB_HOST = url.hostname
  process.env.DB_PORT = url.port || "5432"
  process.env.DB_USERNAME = decodeURIComponent(url.username)
  process.env.DB_PASSWORD = decodeURIComponent(url.password)
  const dbName = `${decodeURIComponent(url.pathname.slice(1))}_${name}`
  url.pathname = `/${dbName}`
  return { dbName, clientUrl: url.toString() }
}

type MigrationClass = MigrationObject["class"]

// Vite loads the plugin's migrations (TypeScript) and the migrator is given their classes.
const PLUGIN_MIGRATIONS = import.meta.glob<Record<string, MigrationClass>>("../../../modules/*/migrations/Migration*.ts", { eager: true })

/** Runs the migrations of these plugin modules (folder names under src/modules), in order. */
export async function migratePluginModules(clientUrl: string, modules: string[]) {
  const migrationsList = modules.flatMap((module) => {
    const files = Object.keys(PLUGIN_MIGRATIONS).filter((file) => file.includes(`/modules/${module}/migrations/`))
    if (!files.length) throw new Error(`No migrations for module ${module}`)
    return files.sort().flatMap((file) => Object.entries(PLUGIN_MIGRATIONS[file]).map(([name, migration]) => ({ name, class: migration })))
  })
  const orm = await MikroORM.init({
    clientUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    migrations: { migrationsList, snapshot: false, silent: true },
    extensions: [CustomDBMigrator],
  })
  try {
    await orm.getMigrator().up()
  } finally {
    await orm.close(true)
  }
}

// Importing src/links/customer-profile.ts registered the link for the next app Medusa loads. The
// runner's app holds only the module under test, which could not resolve it: take it back, to
// give to the link planner below.
const PLUGIN_LINKS = MedusaModule.getCustomLinks().splice(0)

/**
 * The customer ↔ customer profile link's table, made as `db:migrate` makes it: Medusa's link
 * planner, given the link's definition from src/links/customer-profile.ts. The planner names the
 * table itself; the name our SQL uses must be that one.
 */
export async function createProfileLinkTable(clientUrl: string) {
  // Module() gives each service's prototype the description links are resolved against.
  const joinerConfigs = [CustomerModule, CustomerProfileModule].map((module) =>
    (module.service.prototype as unknown as { __joinerConfig: () => ModuleJoinerConfig }).__joinerConfig()
  )
  const definitions = PLUGIN_LINKS.map((link) => (typeof link === "function" ? link(joinerConfigs) : link))
  const planner = new MigrationsExecutionPlanner(
    definitions.filter((definition) => definition.serviceName === profileLink.serviceName),
    { database: { clientUrl } }
  )
  const plan = await planner.createPlan()
  const tables = plan.filter((step) => step.action === "create").map((step) => step.tableName)
  if (tables.join() !== PROFILE_LINK_TABLE) throw new Error(`Medusa made link table ${tables.join()}, not ${PROFILE_LINK_TABLE}`)
  await planner.executePlan(plan)
}

/** Knex on the test database, for migration scripts and for writing the records a test starts from. */
export async function withKnex<T>(clientUrl: string, fn: (knex: Knex) => Promise<T>): Promise<T> {
  const knex = createPgConnection({ clientUrl }) as Knex
  try {
    return await fn(knex)
  } finally {
    await knex.destroy()
  }
}
