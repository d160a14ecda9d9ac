import { randomInt } from "node:crypto"

// Crockford's base32: no I, L, O or U, so a number read out over the phone is hard to get wrong.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const GROUPS = 3
const GROUP_LENGTH = 4

/** A new booking number like "BK-7F3K-Q9XM-2PWD": 12 random symbols, 60 bits, unguessable. */
export function generateBookingNumber(): string {
  const groups: string[] = []
  for (let g = 0; g < GROUPS; g++) {
    let group = ""
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)]
    groups.push(group)
  }
  return `BK-${groups.join("-")}`
}

/** What was typed, as booking-number symbols: case, spaces, dashes and the "BK" don't matter, and letters that look like digits are read as those digits. */
function typedSymbols(input: string): string {
  return input
    .toUpperCase()
    .replace(/^\s*BK/, "")
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
}

const onlySymbols = (symbols: string) => [...symbols].every((c) => ALPHABET.includes(c))
const grouped = (symbols: string) => `BK-${(symbols.match(new RegExp(`.{1,${GROUP_LENGTH}}`, "g")) ?? []).join("-")}`

/** The canonical form of what a customer typed (see typedSymbols). Null when it cannot be a booking number. */
export function normalizeBookingNumber(input: string): string | null {
  const symbols = typedSymbols(input)
  if (symbols.length !== GROUPS * GROUP_LENGTH || !onlySymbols(symbols)) return null
  return grouped(symbols)
}

/**
 * The start of a booking number as stored ("BK-7F3K-Q9"), from what staff typed ("7f3k q9",
 * "bk-7f3k"); null when it can't be the start of one.
 */
export function bookingNumberPrefix(input: string): string | null {
  const symbols = typedSymbols(input)
  if (!symbols.length || symbols.length > GROUPS * GROUP_LENGTH || !onlySymbols(symbols)) return null
  return grouped(symbols)
}
