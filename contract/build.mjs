#!/usr/bin/env node
// Compiles the contract twice: CommonJS (with the types) for the plugin, which Node loads from
// .medusa/server, and ES modules for the portal's and the admin's Vite bundles.
import { spawnSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const tsc = path.resolve(here, "../node_modules/.bin/tsc")
const dist = path.join(here, "dist")

// No clean first: tsc rewrites every file, and a portal or admin build running meanwhile keeps its entry.
const builds = [
  { dir: "cjs", args: ["--module", "commonjs", "--moduleResolution", "node10"], type: "commonjs" },
  { dir: "esm", args: ["--module", "es2020", "--moduleResolution", "bundler", "--declaration", "false"], type: "module" },
]
for (const { dir, args, type } of builds) {
  const result = spawnSync(tsc, ["-p", path.join(here, "tsconfig.json"), "--outDir", path.join(dist, dir), ...args], { stdio: "inherit" })
  if (result.status !== 0) process.exit(result.status ?? 1)
  mkdirSync(path.join(dist, dir), { recursive: true })
  writeFileSync(path.join(dist, dir, "package.json"), JSON.stringify({ type }) + "\n")
}
