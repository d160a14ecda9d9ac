import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  validateAndTransformBody as medusaValidateAndTransformBody,
} from "@medusajs/framework/http"
import type { FieldError } from "@fieldservice/contract"
import { MedusaError } from "@medusajs/framework/utils"

type Schema = Parameters<typeof medusaValidateAndTransformBody>[0]
type Issue = { path: PropertyKey[]; message: string }
type Parsable = { strict?: () => Parsable; safeParseAsync: (body: unknown) => Promise<{ success: boolean; error?: { issues: Issue[] } }> }

/**
 * Medusa's body validation, whose 400 also says which fields are wrong (`field`, the first, and
 * `fields`, each with the validator's own message), so a form can show each message beside its
 * field. The `message` stays Medusa's, for callers that read only that.
 */
export function validateAndTransformBody(zodSchema: Schema) {
  const validate = medusaValidateAndTransformBody(zodSchema)
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    await validate(req, res, (error?: unknown) => {
      if (!error) return next()
      if (!MedusaError.isMedusaError(error) || (error as MedusaError).type !== MedusaError.Types.INVALID_DATA) return next(error)
      fieldErrors(zodSchema, req).then(
        (fields) => {
          if (!fields.length) return next(error)
          res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: (error as MedusaError).message, field: fields[0].field, fields })
        },
        () => next(error)
      )
    })
  }
}

/** The failing fields, as dotted paths ("emails.1"), once each, in the order the validator found them. */
async function fieldErrors(zodSchema: Schema, req: MedusaRequest): Promise<FieldError[]> {
  const resolved = (typeof zodSchema === "function" ? zodSchema(req.additionalDataValidator) : zodSchema) as unknown as Parsable
  // As Medusa validates: strictly, so an unknown field is named too.
  const schema = typeof resolved.strict === "function" ? resolved.strict() : resolved
  const result = await schema.safeParseAsync(req.body)
  const fields = new Map<string, string>()
  for (const issue of result.error?.issues ?? []) {
    const unknownKeys = (issue as Issue & { keys?: string[] }).keys
    const paths = unknownKeys?.length ? unknownKeys.map((key) => [...issue.path, key]) : [issue.path]
    for (const path of paths) {
      const field = path.map(String).join(".")
      if (field && !fields.has(field)) fields.set(field, issue.message)
    }
  }
  return [...fields].map(([field, message]) => ({ field, message }))
}
