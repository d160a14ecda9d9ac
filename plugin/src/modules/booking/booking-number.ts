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

/**
 * The canonical form of what a customer typed: case, spaces and dashes don't matter, and
 * letters that look like digits are read as those digits. Null when it cannot be a booking number.
 */
export function normalizeBookingNumber(input: string): string | null {
  const symbols = input
    .toUpperCase()
    .replace(/^\s*BK/, "")
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
  if (symbols.length !== GROUPS * GROUP_LENGTH || [...symbols].some((c) => !ALPHABET.includes(c))) return null
  const groups = symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, "g")) ?? []
  return `BK-${groups.join("-")}`
}
