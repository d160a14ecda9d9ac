// A refused save's messages, placed beside the form's fields and in the form's words.

import type { FieldError } from "@fieldservice/contract"
import { ApiError } from "./sdk"

/** A value the form itself can't send (thrown by a drawer's toBody): shown beside `field`. */
export class FormFieldError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message)
  }
}

/** One message for one of the form's fields, or for the form as a whole (`field` null). */
export type FormMessage = { field: string | null; message: string }

/** "duration_minutes" → "Duration minutes", for a field the form doesn't label. */
const humanName = (name: string) => {
  const words = name.replace(/[_-]+/g, " ").trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Zod's default messages (and Medusa's), said in the form's words about the field `label`. */
function reword(message: string, label: string): string {
  const text = message.replace(/^Invalid request: /, "").trim()
  let match: RegExpMatchArray | null
  if (/^Invalid input: expected \w+, received (undefined|null)$/.test(text) || /^Field '.*' is required$/.test(text)) return `${label} is required.`
  if (/^Invalid input: expected (number|int|integer), received \w+$/.test(text)) return `${label} must be a number.`
  if (/^Invalid input: expected (boolean|string|array|object|date), received \w+$/.test(text)) return `${label} is not valid.`
  if ((match = text.match(/^Too small: expected string to have >=?(\d+) characters?$/)))
    return match[1] === "1" ? `${label} can’t be empty.` : `${label} must be at least ${match[1]} characters.`
  if ((match = text.match(/^Too big: expected string to have <=?(\d+) characters?$/))) return `${label} can be at most ${match[1]} characters.`
  if ((match = text.match(/^Too small: expected (?:number|int|bigint) to be >=?(-?[\d.]+)$/))) return `${label} must be at least ${match[1]}.`
  if ((match = text.match(/^Too big: expected (?:number|int|bigint) to be <=?(-?[\d.]+)$/))) return `${label} must be at most ${match[1]}.`
  if ((match = text.match(/^Too small: expected array to have >=?(\d+) items?$/))) return `Add at least ${match[1]} to ${label}.`
  if ((match = text.match(/^Too big: expected array to have <=?(\d+) items?$/))) return `${label} can have at most ${match[1]}.`
  if (/^Invalid email address$/i.test(text)) return `${label} must be an email address.`
  if (/^Invalid (URL|url)$/.test(text)) return `${label} must be a web address.`
  if (/^Invalid option/.test(text)) return `Choose one of the options for ${label}.`
  if (/^Invalid (input|string|number)\b/.test(text)) return `${label} is not valid.`
  return text
}

/**
 * Puts the field's label in place of its API name ("duration_minutes must be between 5 and 1440"
 * → "Duration (minutes) must be between 5 and 1440") and rewords zod's defaults; an entry of a
 * list ("postcode_areas.2") is named by its value, so staff see which one is wrong.
 */
export function formMessage(error: FieldError, label: string, body?: unknown): string {
  const [name, ...rest] = error.field.split(".")
  const names = [error.field, name].map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  // The API's own messages start with the field's name: "duration_minutes must be …".
  let message = reword(error.message, label)
  for (const part of names) message = message.replace(new RegExp(`^${part}\\b`), label)
  // Keep the label's capital at the start, and say which entry of a list is meant.
  message = message.charAt(0).toUpperCase() + message.slice(1)
  const index = rest.length && /^\d+$/.test(rest[0]) ? rest[0] : null
  const entry = index !== null ? valueAt(body, [name, index]) : undefined
  if (typeof entry === "string" && entry.trim()) message = `“${entry.trim()}”: ${message.charAt(0).toLowerCase()}${message.slice(1)}`
  return message.endsWith(".") || message.endsWith("…") ? message : `${message}.`
}

const valueAt = (body: unknown, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), body)

/**
 * The messages of a failed save, each for one of the form's fields where the API named one the
 * form has (by its full path, else its first part: "emails.1" → "emails"), else for the whole form.
 * `labels` are the form's labels by field name; `fieldFor` maps API names the form calls otherwise.
 */
export function formMessages(
  caught: unknown,
  labels: Record<string, string>,
  options: { body?: unknown; fieldFor?: Record<string, string>; fallback: string }
): FormMessage[] {
  if (caught instanceof FormFieldError && caught.field in labels) return [{ field: caught.field, message: caught.message }]
  const fields = caught instanceof ApiError ? caught.fields : []
  const messages: FormMessage[] = []
  for (const error of fields) {
    const [name, ...rest] = error.field.split(".")
    // Also the part after the first: `custom_fields.gate_code` is the form's `gate_code`.
    const candidates = [options.fieldFor?.[error.field], options.fieldFor?.[name], error.field, name, rest.join(".")]
    const field = candidates.find((candidate) => candidate && candidate in labels) ?? null
    const label = (field ? labels[field] : null) ?? humanName(name)
    const message = formMessage(error, label, options.body)
    // One message a field: the first the API gave.
    if (!messages.some((known) => known.field === field && (field !== null || known.message === message))) messages.push({ field, message })
  }
  if (messages.length) return messages
  const message = caught instanceof Error && caught.message ? caught.message.replace(/^Invalid request: /, "") : options.fallback
  return [{ field: null, message }]
}
