import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator"
import { countryName } from "./countries"

/** Postcode areas that exist in the UK, Channel Islands and Isle of Man (the letters before the first digit). */
const UK_AREAS = new Set(
  (
    "AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY " +
    "HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO " +
    "PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
  ).split(" ")
)
const UK_STYLE = new Set(["GB", "GG", "JE", "IM"])

/**
 * A postcode as the business writes it: upper case, and for UK-style codes one space before the
 * last three characters ("bs67qt" → "BS6 7QT"); elsewhere spaces are collapsed.
 */
export function normalizePostcode(countryCode: string, postcode: string): string {
  const code = postcode.trim().toUpperCase()
  if (!UK_STYLE.has(countryCode.toUpperCase())) return code.replace(/\s+/g, " ")
  const compact = code.replace(/\s+/g, "")
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact
}

/**
 * Why a postcode can't be right for its country, in words a customer or office worker acts on; null
 * when it looks right (or when no format is known for the country). An empty one is the field's own
 * "required" check.
 */
export function postcodeProblem(countryCode: string, postcode: string): string | null {
  const country = countryCode.toUpperCase()
  const code = normalizePostcode(country, postcode)
  if (!code || !postcodeValidatorExistsForCountry(country)) return null
  const area = code.match(/^[A-Z]+/)?.[0] ?? ""
  const known = postcodeValidator(code, country) && (!UK_STYLE.has(country) || UK_AREAS.has(area))
  if (known) return null
  const name = countryName(country)
  const the = /^(United |Netherlands|Czech Republic|Philippines)/.test(name) ? "the " : ""
  return `${postcode.trim().toUpperCase()} isn’t a postcode in ${the}${name}. Check it and try again.`
}

type PostcodeParts = { postal_code?: string | null; country_code?: string | null }
type IssueContext = { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void }

/** A zod refinement for an address object: the postcode's problem, on postal_code, in these words. */
export function checkPostcode(address: PostcodeParts, ctx: IssueContext) {
  if (!address.postal_code || !address.country_code) return
  const problem = postcodeProblem(address.country_code, address.postal_code)
  if (problem) ctx.addIssue({ code: "custom", path: ["postal_code"], message: problem })
}

/** A zod transform for an address object: its postcode written as the business writes it. */
export function withNormalPostcode<Address extends PostcodeParts>(address: Address): Address {
  return address.postal_code && address.country_code ? { ...address, postal_code: normalizePostcode(address.country_code, address.postal_code) } : address
}
