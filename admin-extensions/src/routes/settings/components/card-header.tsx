import { Heading, Text } from "@medusajs/ui"
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
