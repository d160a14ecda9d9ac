import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/min"
import { DEFAULT_COUNTRY } from "./countries"

/**
 * A phone number in one format wherever staff read it, however it was typed: numbers of the
 * business's country nationally ("07700 900888", also when typed "+44 7700 900888"), others
 * internationally ("+1 415 555 0100"). Text that is no phone number is shown as typed.
 */
export function formatPhone(raw: string | null | undefined, country: string = DEFAULT_COUNTRY): string {
  const typed = (raw ?? "").trim()
  if (!typed) return ""
  const home = country.toUpperCase() as CountryCode
  const parsed = parsePhoneNumberFromString(typed.replace(/^00/, "+"), home)
  if (!parsed?.isPossible()) return typed
  // By calling code, not country: +44 also dials Guernsey, Jersey and the Isle of Man (07911…), written the UK way.
  const domestic = parsed.countryCallingCode === getCountryCallingCode(home)
  return domestic ? parsed.formatNational() : parsed.formatInternational()
}
