import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { describe, expect, it } from "vitest"
import { validateAndTransformBody } from "../validate-body"

const Service = z.object({
  duration_minutes: z.number().refine((minutes) => minutes >= 5 && minutes <= 1440, "duration_minutes must be between 5 and 1440"),
  service_areas: z
    .array(z.string().refine((area) => /^[A-Z]{1,2}\d?$/.test(area), "each area must be a postcode area or district such as BS or BS6"))
    .optional(),
})

/** Runs the middleware as Medusa would and returns what it answered, or that it passed the request on. */
async function run(body: unknown) {
  const req = { body } as MedusaRequest & { validatedBody?: unknown }
  let answer: { status: number; body: unknown } | null = null
  const res = {
    status(code: number) {
      answer = { status: code, body: null }
      return this
    },
    json(payload: unknown) {
      answer = { status: answer?.status ?? 200, body: payload }
      return this
    },
  } as unknown as MedusaResponse
  const passed = await new Promise<unknown>((resolve) => {
    void validateAndTransformBody(Service)(req, res, (error?: unknown) => resolve(error ?? "next"))
    // An answer written by the middleware itself ends the request without calling next.
    setTimeout(() => resolve(null), 200)
  })
  return { passed, answer: answer as { status: number; body: Record<string, unknown> } | null, validated: req.validatedBody }
}

describe("body validation that names the fields", () => {
  it("passes a good body on, validated", async () => {
    const { passed, validated } = await run({ duration_minutes: 60 })
    expect(passed).toBe("next")
    expect(validated).toEqual({ duration_minutes: 60 })
  })

  it("answers 400 with each wrong field, its path and the validator's message", async () => {
    const { answer } = await run({ duration_minutes: 2, service_areas: ["BS", "Bath"] })
    expect(answer?.status).toBe(400)
    expect(answer?.body).toMatchObject({
      type: "invalid_data",
      message: expect.stringMatching(/^Invalid request: /),
      field: "duration_minutes",
      fields: [
        { field: "duration_minutes", message: "duration_minutes must be between 5 and 1440" },
        { field: "service_areas.1", message: "each area must be a postcode area or district such as BS or BS6" },
      ],
    })
  })

  it("names a field the route doesn't take", async () => {
    const { answer } = await run({ duration_minutes: 60, colour: "red" })
    expect(answer?.body).toMatchObject({ field: "colour" })
  })
})
