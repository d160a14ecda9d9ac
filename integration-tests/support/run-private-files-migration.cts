// Run by private-files.test.ts with `medusa exec` (a .cts file: the integration-tests package is ESM,
// and exec loads scripts with require): the private-files migration script, as `db:migrate` runs it once.
import type { ExecArgs } from "@medusajs/framework/types"
import privateFiles from "@fieldservice/medusa-portal/migration-scripts/private-files"

export default async function runPrivateFilesMigration({ container }: ExecArgs) {
  await privateFiles({ container })
}
