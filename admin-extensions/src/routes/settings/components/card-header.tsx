import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The title and the line under it at the top of a settings card. */
export function CardHeader({ title, description }: { title: string; description: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Heading level="h2">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
  )
}

/**
 * A settings page that loads its settings first: its card with the title, "Loading settings…" or why
 * they could not be loaded, then the form made from them (keyed by them, so a save starts it afresh).
 */
export function SettingsCard<T>({
  title,
  description,
  testId,
  query,
  children,
}: {
  title: string
  description: ReactNode
  testId: string
  query: { data?: T; isLoading: boolean; error: Error | null }
  children: (data: T) => ReactNode
}) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <CardHeader title={title} description={description} />
      {query.isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading settings…
        </Text>
      )}
      {query.error && (
        <Text className="text-ui-fg-error px-6 py-4" size="small">
          The settings could not be loaded: {query.error.message}
        </Text>
      )}
      {query.data && children(query.data)}
    </Container>
  )
}
