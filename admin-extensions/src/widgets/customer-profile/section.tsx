import { Label, Switch, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One titled part of the profile widget, e.g. "Billing". */
export function ProfileSection({
  title,
  description,
  action,
  children,
  testId,
}: {
  title: string
  description?: string
  action?: ReactNode
  children: ReactNode
  testId?: string
}) {
  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" data-testid={testId}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus" leading="compact" asChild>
            <h3>{title}</h3>
          </Text>
          {description && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {description}
            </Text>
          )}
        </div>
        {action}
      </div>
      {children}
    </section>
  )
}

/** A label on the left, its value or control on the right. */
export function ProfileRow({ label, htmlFor, hint, children }: { label: string; htmlFor?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="grid grid-cols-2 items-start gap-x-4">
      <div className="flex flex-col gap-y-0.5 pt-1">
        <Text size="small" leading="compact" className="text-ui-fg-subtle" asChild>
          {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
        </Text>
        {hint && (
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
            {hint}
          </Text>
        )}
      </div>
      <div className="flex min-w-0 flex-col gap-y-1">{children}</div>
    </div>
  )
}

/** Why the last save (or the value typed) was refused, under the control. */
export function InlineError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null
  return (
    <Text size="small" leading="compact" className="text-ui-fg-error" role="alert" data-testid={testId}>
      {message}
    </Text>
  )
}

/** A setting with a Switch on the right that saves when toggled. */
export function SwitchRow({
  id,
  label,
  hint,
  checked,
  onCheckedChange,
  disabled,
  error,
  testId,
}: {
  id: string
  label: string
  hint?: ReactNode
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  disabled?: boolean
  error?: string | null
  testId: string
}) {
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col gap-y-0.5">
          <Label htmlFor={id} size="small" weight="plus">
            {label}
          </Label>
          {hint && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {hint}
            </Text>
          )}
        </div>
        <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} disabled={disabled} data-testid={testId} />
      </div>
      <InlineError message={error} testId={`${testId}-error`} />
    </div>
  )
}
