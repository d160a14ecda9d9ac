import { Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type EditableCardProps = {
  title: string
  testId: string
  editing: boolean
  onToggle: () => void
  isLoading: boolean
  error: Error | null
  children: ReactNode
}

/** A customer-page card with a "Change" button that opens its form in place, and its loading and error lines. */
export function EditableCard({ title, testId, editing, onToggle, isLoading, error, children }: EditableCardProps) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <Button size="small" variant="secondary" onClick={onToggle} data-testid={`${testId.replace(/^customer-/, "")}-edit`}>
          {editing ? "Close" : "Change"}
        </Button>
      </div>
      {isLoading && <Text className="text-ui-fg-subtle px-6 py-4">Loading…</Text>}
      {error && <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>}
      {children}
    </Container>
  )
}
