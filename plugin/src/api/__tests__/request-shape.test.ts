import { readdirSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { PLUGIN_ROUTES, requestShapeProblem } from "../guards/request-shape"

describe("requestShapeProblem", () => {
  it("passes ordinary bodies, unicode and emoji included", () => {
    expect(requestShapeProblem({ name: "Zoë 😀", tags: ["a", "b"], address: { city: "Bristol" }, n: 1, ok: true, none: null })).toBeNull()
    expect(requestShapeProblem(undefined)).toBeNull()
    expect(requestShapeProblem("plain text")).toBeNull()
  })

  it("finds a null character in a value, a key, a list or the path, however deep", () => {
    expect(requestShapeProblem({ name: "a\u0000b" })).toMatch(/null character/)
    expect(requestShapeProblem({ ["x\u0000"]: 1 })).toMatch(/null character/)
    expect(requestShapeProblem({ a: [{ b: ["ok", "\u0000"] }] })).toMatch(/null character/)
    expect(requestShapeProblem("/store/customers/me/bookings/\u0000")).toMatch(/null character/)
  })

  it("refuses nesting deeper than the limit without overflowing the stack", () => {
    let deep: unknown = "bottom"
    for (let level = 0; level < 100_000; level++) deep = level % 2 ? [deep] : { a: deep }
    expect(requestShapeProblem(deep)).toMatch(/nested more than 20 levels/)
    let fine: unknown = "bottom"
    for (let level = 0; level < 19; level++) fine = { a: fine }
    expect(requestShapeProblem(fine)).toBeNull()
  })
})

describe("PLUGIN_ROUTES", () => {
  it("covers the plugin's areas and leaves Medusa core's routes alone", () => {
    for (const path of [
      "/store/customers/me/profile",
      "/store/customers/me/bookings/bkg_1/attachments",
      "/store/portal/sign-up",
      "/admin/crm/imports",
      "/admin/customers/cus_1/profile",
      "/admin/products/prod_1/service",
      "/admin/schedule",
    ]) {
      // Express runs a prefix middleware only when the match ends where a path segment does.
      const match = PLUGIN_ROUTES.exec(path)
      expect(match, path).not.toBeNull()
      expect(["", "/"], path).toContain(path.slice(match![0].length, match![0].length + 1))
    }
    for (const path of [
      "/store/customers/me",
      "/store/customers/me/addresses",
      "/store/carts",
      "/admin/customers/cus_1",
      "/admin/customers/cus_1/addresses",
      "/admin/products/prod_1",
      "/admin/uploads",
    ]) {
      expect(PLUGIN_ROUTES.test(path), path).toBe(false)
    }
  })
})

describe("prototype keys", () => {
  it("refuses a __proto__ field anywhere, as JSON.parse leaves it", () => {
    expect(requestShapeProblem(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toMatch(/__proto__/)
    expect(requestShapeProblem({ constructor: "a field some forms may have" })).toBeNull()
  })

  it("covers every store and admin route file the plugin has, so a new route can't miss the guard", () => {
    const api = join(__dirname, "..")
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name))
        else if (entry.name === "route.ts") files.push(join(dir, entry.name))
      }
    }
    walk(join(api, "store"))
    walk(join(api, "admin"))
    const paths = files.map(
      (file) =>
        `/${relative(api, file)
          .replace(/\/route\.ts$/, "")
          .replace(/\[[^\]]+\]/g, "id_1")}`
    )
    expect(paths.length).toBeGreaterThan(50)
    expect(paths.filter((path) => !PLUGIN_ROUTES.test(path))).toEqual([])
  })
})
