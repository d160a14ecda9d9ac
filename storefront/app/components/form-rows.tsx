// Forms with "Add another …" and "Remove" row buttons (Edit info, contacts): every button posts the
// form, and only `intent=save` saves, so they work without JavaScript.
import type { ShouldRevalidateFunction } from "@remix-run/react"

/** Marks a row the error message names, and points it at that message. */
export function invalidProps(invalid: boolean) {
  return invalid ? { "aria-invalid": true as const, "aria-describedby": "form-error" } : {}
}

/**
 * Pressing Enter in a field "clicks" the form's first submit button. Without this one that would be
 * a Remove button further down, so Enter saves, as on every other form.
 */
export function SaveOnEnter() {
  return <button type="submit" name="intent" value="save" className="default-submit" tabIndex={-1} aria-hidden="true" />
}

/** Adding or removing a row changes nothing on the backend, so there is nothing to reload. */
export const rowButtonsShouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent")
  if (typeof intent === "string" && /^(add|remove)-/.test(intent)) return false
  return defaultShouldRevalidate
}
