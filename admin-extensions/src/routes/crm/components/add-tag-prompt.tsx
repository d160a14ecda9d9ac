import { Badge, Button, Prompt, Text } from "@medusajs/ui"
import { type FormEvent, useEffect, useRef, useState } from "react"
import { TagComboBox } from "../../../components/tag-combo-box"
import { directoryName } from "../../../lib/directory"
import { MAX_TAGS, MAX_TAG_LENGTH, sameTag } from "../../../lib/customer-tags"
import type { AdminCustomerDirectoryItem as DirectoryCustomer } from "@fieldservice/contract"

/**
 * Adds one tag to a customer: a tag in use (suggested as staff type; the arrows and Enter pick
 * one) or a new one. The box has the focus as soon as the prompt opens.
 */
export function AddTagPrompt({
  customer,
  onClose,
  onAdd,
}: {
  customer: DirectoryCustomer | null
  onClose: () => void
  onAdd: (customer: DirectoryCustomer, tag: string) => Promise<void>
}) {
  const [tag, setTag] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    setTag("")
    setProblem(null)
  }, [customer?.id])

  const save = async (chosen: string) => {
    if (!customer) return
    const value = chosen.trim().replace(/\s+/g, " ")
    if (!value) return setProblem("Type a tag or pick one in use.")
    if (value.length > MAX_TAG_LENGTH) return setProblem(`A tag can be at most ${MAX_TAG_LENGTH} characters.`)
    if (customer.tags.some((existing) => sameTag(existing, value))) return setProblem(`${directoryName(customer)} already has the tag “${value}”.`)
    if (customer.tags.length >= MAX_TAGS) return setProblem(`A customer can have at most ${MAX_TAGS} tags.`)
    setSaving(true)
    try {
      await onAdd(customer, value)
    } catch {
      // The toast says what went wrong; the prompt stays open to try again.
    } finally {
      setSaving(false)
    }
  }

  return (
    <Prompt open={!!customer} onOpenChange={(open) => !open && !saving && onClose()}>
      <Prompt.Content
        onOpenAutoFocus={(event) => {
          event.preventDefault()
          input.current?.focus()
        }}
        data-testid="crm-directory-add-tag"
      >
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault()
            void save(tag)
          }}
        >
          <Prompt.Header>
            <Prompt.Title>Add a tag{customer ? ` to ${directoryName(customer)}` : ""}</Prompt.Title>
            <Prompt.Description>Pick a tag in use or type a new one, e.g. VIP or Residential.</Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pb-4">
            {customer && customer.tags.length > 0 && (
              <div className="flex flex-wrap items-center gap-1 pt-1">
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Has:
                </Text>
                {customer.tags.map((existing) => (
                  <Badge key={existing} size="2xsmall">
                    {existing}
                  </Badge>
                ))}
              </div>
            )}
            <TagComboBox
              value={tag}
              onChange={(next) => {
                setTag(next)
                setProblem(null)
              }}
              onChoose={(chosen) => void save(chosen)}
              exclude={customer?.tags ?? []}
              inputRef={input}
              label="Tag"
              placeholder="Tag"
              testId="crm-directory-add-tag"
            />
            {problem && (
              <Text size="small" className="text-ui-fg-error" data-testid="crm-directory-add-tag-error">
                {problem}
              </Text>
            )}
          </div>
          <Prompt.Footer>
            <Button type="button" size="small" variant="secondary" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" size="small" isLoading={saving} data-testid="crm-directory-add-tag-save">
              Add tag
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
