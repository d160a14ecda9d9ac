import type { ReactElement } from "react"

/** How renderEmail checks one data field: a link, a positive number, or optional text. */
export type FieldKind = "url" | "count" | "optional-string"

export type TemplateDefinition = {
  id: string
  subject: (businessName: string) => string
  fields: Record<string, FieldKind>
  element: (data: Record<string, unknown>, businessName: string) => ReactElement
}

/** Ties a component to its id, subject and data fields; `fields` must list every prop the template takes. */
export function defineTemplate<D extends object>(template: {
  id: string
  subject: (businessName: string) => string
  fields: { [K in keyof D]-?: FieldKind }
  Component: (props: D & { businessName: string }) => ReactElement
}): TemplateDefinition {
  const { Component, ...rest } = template
  return { ...rest, element: (data, businessName) => <Component {...(data as D)} businessName={businessName} /> }
}
