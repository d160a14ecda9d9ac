import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] items-start gap-x-4 px-6 py-3">
      <Text size="small" leading="compact" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small flex min-w-0 flex-col gap-y-0.5 break-words" data-testid={testId}>
        {children}
      </div>
    </div>
  )
}
