// Issue #14's size rule: no source file over 400 lines (tests, migrations and wire fakes aside),
// so every file can be read in one sitting.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

export const MAX_LINES = 400
const SOURCES = ["plugin/src", "storefront/app", "admin-extensions/src", "scripts", "seeds/src"]
// plugin/src/admin is a link to admin-extensions/src, read there.
const LEFT_OUT = /^plugin\/src\/admin\/|(^|\/)(__tests__|migrations|node_modules|\.medusa|build)(\/|$)|\.test\.tsx?$/
const CODE = /\.(ts|tsx|mjs|cjs|js|cts)$/

/** The source files over the limit, with their line counts. */
export function oversizedFiles(root) {
  const found = []
  for (const folder of SOURCES) {
    for (const file of readdirSync(path.join(root, folder), { recursive: true })) {
      const relative = `${folder}/${String(file).split(path.sep).join("/")}`
      if (!CODE.test(relative) || LEFT_OUT.test(relative)) continue
      const lines = readFileSync(path.join(root, relative), "utf8").split("\n").length
      if (lines > MAX_LINES) found.push({ file: relative, lines })
    }
  }
  return found
}
