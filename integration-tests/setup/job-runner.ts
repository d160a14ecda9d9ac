import path from "node:path"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { freePort } from "../../scripts/lib/database.mjs"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { startProcess } from "../../scripts/lib/processes.mjs"

type Output = (chunk: Buffer) => void

/**
 * The suite's job process (support/job-runner.cts): Medusa loaded once with `medusa exec` against
 * the test database and the same Stripe, Resend and portal settings as the app, serving job runs
 * at the returned URL until stopped.
 */
export async function startJobRunner(options: { root: string; env: Record<string, string>; output: Output }) {
  const port: number = await freePort()
  let printed = ""
  const proc = startProcess(path.join(options.root, "node_modules/.bin/medusa"), ["exec", "./integration-tests/support/job-runner.cts"], {
    cwd: options.root,
    env: { ...options.env, JOB_RUNNER_PORT: String(port), MEDUSA_ADMIN_DISABLED: "true" },
    output: (chunk: Buffer) => {
      printed += chunk.toString()
      options.output(chunk)
    },
  })
  const deadline = Date.now() + 180_000
  while (!printed.includes(`JOB_RUNNER_READY ${port}`)) {
    if (proc.child.exitCode !== null || Date.now() > deadline) throw new Error(`The job process did not start:\n${printed.slice(-4000)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => proc.stop() as Promise<void> }
}
