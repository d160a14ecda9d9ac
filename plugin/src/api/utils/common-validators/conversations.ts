import { z } from "@medusajs/framework/zod"
import { CONVERSATION_SUBJECT_TYPES, type ConversationSubjectType, MESSAGE_MAX_LENGTH } from "@fieldservice/contract"

/** A message's text: 1 to 5000 characters once trimmed (a form's Windows line ends count once). */
export const messageBody = z
  .string({ error: "Write a message (body)" })
  .transform((value) => value.replace(/\r\n/g, "\n").trim())
  .refine((value) => value.length > 0, "Write a message: it can't be empty")
  .refine((value) => value.length <= MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters: shorten it, or send it in two`)

export const subjectType = z.enum(CONVERSATION_SUBJECT_TYPES as [ConversationSubjectType, ...ConversationSubjectType[]], {
  error: `subject_type must be one of ${CONVERSATION_SUBJECT_TYPES.join(", ")}`,
})

export const optionalId = (label: string) =>
  z.preprocess(
    (value) => (value === "" ? null : value),
    z
      .string({ error: `${label} must be an id` })
      .trim()
      .refine((value) => value.length > 0 && value.length <= 100, `${label} must be an id`)
      .nullish()
  )

export const requiredId = (label: string) =>
  z
    .string({ error: `${label} must be an id` })
    .trim()
    .refine((value) => value.length > 0 && value.length <= 100, `${label} must be an id`)

/** offset and limit of a list, as query text. */
export const page = (maxLimit: number, defaultLimit: number) => ({
  offset: z.coerce
    .number({ error: "offset must be a whole number" })
    .int("offset must be a whole number")
    .min(0, "offset can't be negative")
    .max(1_000_000)
    .default(0),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(maxLimit, `limit can be at most ${maxLimit}`)
    .default(defaultLimit),
})
