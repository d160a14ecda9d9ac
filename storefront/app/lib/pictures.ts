/** The `accept` attribute of the file inputs. */
import { PICTURE_TYPES } from "@fieldservice/contract"

export const PICTURE_ACCEPT = PICTURE_TYPES.join(",")

export const PICTURE_HINT = "A JPEG, PNG or WebP picture of up to 5 MB."

/** "EI" for "Eddie Info", "E" for "eddie@example.com". */
export function initials(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1)
  return letters.map((word) => word.charAt(0).toUpperCase()).join("") || "?"
}
