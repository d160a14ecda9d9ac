import { escapeLike } from "../../utils/sql-manager"

/**
 * How the directory reads what staff type. Numbers are compared on their digits, and each stored
 * phone number is kept in both national ("07700900123") and international ("447700900123") form,
 * so "+44 7700 900123", "07700 900123" and "7700900" all find the same customer.
 */

/** The business's country calling code: the refresh stores each number nationally and internationally with it. */
export const businessCallingCode = () => (process.env.BUSINESS_PHONE_COUNTRY_CODE ?? "44").replace(/\D/g, "") || "44"

/** A token made of digits and phone punctuation, with at least three digits. */
const looksLikePhone = (text: string) => /^\+?[\d\s().-]+$/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 3

/** "0044 7700…" and "+44 7700…" both become "447700…". */
const phoneDigits = (text: string) => text.replace(/\D/g, "").replace(/^00/, "")

/** Below this length a token has no trigram of its own and can't use the search index. */
export const MIN_INDEXED_TOKEN = 3

export type DirectorySearch = {
  /** LIKE patterns the trigram index answers; every one must match. */
  indexed: string[]
  /** Short tokens checked on the rows the index found. */
  short: string[]
  /** When every token is short: a prefix of the name order or the email instead. */
  prefix: string | null
}

export function parseDirectorySearch(q: string): DirectorySearch | null {
  const text = q.trim().toLowerCase().replace(/\s+/g, " ")
  if (!text) return null
  const tokens = looksLikePhone(text) ? [phoneDigits(text)] : text.split(" ").map((token) => (looksLikePhone(token) ? phoneDigits(token) : token))
  const indexed = tokens.filter((token) => token.length >= MIN_INDEXED_TOKEN)
  const short = tokens.filter((token) => token.length < MIN_INDEXED_TOKEN && token.length > 0)
  if (!indexed.length) return { indexed: [], short: [], prefix: `${escapeLike(text)}%` }
  return { indexed: indexed.map((token) => `%${escapeLike(token)}%`), short, prefix: null }
}
