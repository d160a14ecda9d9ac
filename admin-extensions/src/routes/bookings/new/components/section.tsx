import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One part of the "New booking" form, as a Medusa admin section. */
export function Section({ title, hint, testId, children }: { title: string; hint?: string; testId: string; children: ReactNode }) {
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid={testId}>
      <div className="flex flex-col gap-y-1">
        <Heading level="h2">{title}</Heading>
        {hint && (
          <Text size="small" className="text-ui-fg-subtle">
            {hint}
          </Text>
        )}
      </div>
      {children}
    </Container>
  )
}
