import type { z } from "zod"

/** The first problem with a value, in the schema's words; undefined when it passes. */
export function firstProblem(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

/** One message per field (the first found), keyed by the field's name; a field that passes is undefined. */
export function fieldProblems<Field extends string>(schema: z.ZodType, values: unknown): Partial<Record<Field, string>> {
  const result = schema.safeParse(values)
  const problems: Partial<Record<Field, string>> = {}
  if (result.success) return problems
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field | undefined
    if (field !== undefined && problems[field] === undefined) problems[field] = issue.message
  }
  return problems
}
