/**
 * The keys duplicate customers are found by, written once as SQL so the indexes made by
 * migration-scripts/crm-duplicate-indexes.ts and the queries that walk them match exactly. Keys
 * compare byte by byte (COLLATE "C"), whatever the database's locale, so code can merge two
 * index walks in the same order PostgreSQL reads them.
 */

/** An email, compared without case (the customer module keeps emails as typed). */
export const emailKey = (column: string) => `(lower(${column}) COLLATE "C")`

/** Contact methods store emails already lower-cased (contact-details.ts). */
export const normalizedEmailKey = (column: string) => `(${column} COLLATE "C")`

/**
 * A phone number's last 10 digits, so "+44 7700 900123" and "07700 900123" (or "+1 415 555 0100"
 * and "(415) 555-0100") match; shorter numbers are compared whole. Contact methods already store
 * digits only (contact-details.ts).
 */
export const phoneKey = (column: string, digitsOnly = false) =>
  digitsOnly ? `(right(${column}, 10) COLLATE "C")` : `(right(regexp_replace(${column}, '[^0-9]', '', 'g'), 10) COLLATE "C")`

/** At least 7 digits: anything shorter is not a phone number (normalizePhone's rule). */
export const phoneLongEnough = (column: string, digitsOnly = false) =>
  digitsOnly ? `length(${column}) >= 7` : `length(regexp_replace(${column}, '[^0-9]', '', 'g')) >= 7`

/**
 * An address as postal code + first line, without case, spaces or punctuation:
 * "BS6 7QT" + "14, Larch Avenue" → "BS67QT 14 larch avenue".
 */
export const addressKey = (alias: string) =>
  `((upper(regexp_replace(${alias}.postal_code, '[^[:alnum:]]', '', 'g')) || ' ' || btrim(regexp_replace(lower(${alias}.address_1), '[^[:alnum:]]+', ' ', 'g'))) COLLATE "C")`

/** Both parts present (a key of just a postcode or just a street would match strangers). */
export const addressKeyComplete = (alias: string) => `(${alias}.postal_code ~ '[[:alnum:]]' AND ${alias}.address_1 ~ '[[:alnum:]]')`

/** pg_trgm similarity at or above this counts as a similar name ("Jo Smith" / "Joanne Smith" ≈ 0.57). */
export const NAME_SIMILARITY = 0.5

/** PostgreSQL's "C" order: UTF-8 bytes. */
export const compareKeys = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"))
