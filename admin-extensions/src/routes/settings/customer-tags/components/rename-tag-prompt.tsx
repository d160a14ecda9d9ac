import { Button, Prompt, Text, toast } from "@medusajs/ui"
import { type FormEvent, useEffect, useRef, useState } from "react"
import { TagComboBox } from "../../../../components/tag-combo-box"
import { customerCount, MAX_TAG_LENGTH, sameTag, useTagChanges, useTagSuggestions } from "../../../../lib/customer-tags"

export type TagInUse = { value: string; count: number }

/**
 * Renames a tag on every customer carrying it. Typing (or picking) a tag in use merges the two:
 * customers with both keep one. "Merge" opens the same prompt, asking for the tag to merge into.
 */
export function RenameTagPrompt({ tag, merge, onClose }: { tag: TagInUse | null; merge: boolean; onClose: () => void }) {
  const { rename } = useTagChanges()
  const [to, setTo] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    setTo(merge || !tag ? "" : tag.value)
    setProblem(null)
  }, [tag, merge])
  const { offered } = useTagSuggestions(to, tag ? [tag.value] : [], !!tag)
  const target = to.trim().replace(/\s+/g, " ")
  const merging = !!tag && !!target && !sameTag(target, tag.value) && offered.some((value) => sameTag(value, target))

  const save = async (chosen: string) => {
    if (!tag) return
    const name = chosen.trim().replace(/\s+/g, " ")
    if (!name) return setProblem(merge ? "Pick the tag to merge into." : "Type the new name.")
    if (name.length > MAX_TAG_LENGTH) return setProblem(`A tag can be at most ${MAX_TAG_LENGTH} characters.`)
    if (name === tag.value) return setProblem(`The tag is called “${name}” already: type a new name.`)
    try {
      const result = await rename.mutateAsync({ from: tag.value, to: name })
      const changed = customerCount(result.customer_count)
      toast.success(
        result.merged ? `“${tag.value}” merged into “${result.tag.value}” (${changed})` : `“${tag.value}” renamed to “${result.tag.value}” (${changed})`
      )
      onClose()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The tag could not be renamed.")
    }
  }

  return (
    <Prompt open={!!tag} onOpenChange={(open) => !open && !rename.isPending && onClose()} variant="confirmation">
      <Prompt.Content
        onOpenAutoFocus={(event) => {
          event.preventDefault()
          input.current?.focus()
        }}
        data-testid="customer-tag-rename"
      >
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault()
            void save(to)
          }}
        >
          <Prompt.Header>
            <Prompt.Title>{merge ? `Merge “${tag?.value}” into another tag` : `Rename “${tag?.value}”`}</Prompt.Title>
            <Prompt.Description>
              {tag ? `${customerCount(tag.count)} ${tag.count === 1 ? "has" : "have"} this tag. ` : ""}
              {merge ? "Pick the tag they should have instead; customers with both keep one." : "Naming it after a tag in use merges the two."}
            </Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pb-4">
            <TagComboBox
              value={to}
              onChange={(next) => {
                setTo(next)
                setProblem(null)
              }}
              // A suggestion fills the box; Enter on what is typed saves it.
              onChoose={(chosen) => (chosen === to ? void save(chosen) : setTo(chosen))}
              exclude={tag ? [tag.value] : []}
              inputRef={input}
              label={merge ? "Merge into" : "New name"}
              placeholder={merge ? "Tag to merge into" : "New name"}
              testId="customer-tag-rename"
            />
            {merging && (
              <Text size="small" className="text-ui-fg-subtle" data-testid="customer-tag-rename-merge-note">
                “{target}” is in use: the two become one tag, and customers with both keep one.
              </Text>
            )}
            {problem && (
              <Text size="small" className="text-ui-fg-error" data-testid="customer-tag-rename-error">
                {problem}
              </Text>
            )}
          </div>
          <Prompt.Footer>
            <Button type="button" size="small" variant="secondary" onClick={onClose} disabled={rename.isPending}>
              Cancel
            </Button>
            <Button type="submit" size="small" isLoading={rename.isPending} data-testid="customer-tag-rename-save">
              {merging ? "Merge" : "Rename"}
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
