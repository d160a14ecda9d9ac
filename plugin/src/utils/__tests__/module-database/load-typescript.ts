import { fileURLToPath } from "node:url"
import { register } from "ts-node"

// Medusa loads a module with require(), as after its CLI has registered ts-node; the module tests
// do the same, so the runner can load our TypeScript modules by path.
const hooked = globalThis as { moduleTestsLoadTypeScript?: boolean }
if (!hooked.moduleTestsLoadTypeScript) {
  hooked.moduleTestsLoadTypeScript = true
  register({ project: fileURLToPath(new URL("../../../../tsconfig.json", import.meta.url)), transpileOnly: true })
}
