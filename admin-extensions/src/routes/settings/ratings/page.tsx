import { defineRouteConfig } from "@medusajs/admin-sdk"
import type { RatingSettings } from "@fieldservice/contract"
import { Button, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { useRatingSettings, useSaveRatingSettings } from "../../../lib/ratings"
import { SettingsCard } from "../components/card-header"
import { SettingsFormError } from "../customer-portal/components/portal-settings-card"

const THRESHOLDS = [
  ["0", "Never (no alerts)"],
  ["1", "1 star"],
  ["2", "2 stars or fewer"],
  ["3", "3 stars or fewer"],
  ["4", "4 stars or fewer"],
] as const

function RatingSettingsForm({ settings }: { settings: RatingSettings }) {
  const [threshold, setThreshold] = useState(String(settings.low_rating_threshold))
  const [reviewUrl, setReviewUrl] = useState(settings.public_review_url ?? "")
  const [message, setMessage] = useState<string | null>(null)
  const save = useSaveRatingSettings()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    save.mutate(
      { low_rating_threshold: Number(threshold), public_review_url: reviewUrl.trim() || null },
      { onSuccess: () => toast.success("Rating settings saved"), onError: (error) => setMessage(error.message) }
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="rating-settings-form">
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={message} testId="rating-settings-error" />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus">
              Alert the office when a visit is rated
            </Label>
            <Select value={threshold} onValueChange={setThreshold}>
              <Select.Trigger data-testid="rating-threshold">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {THRESHOLDS.map(([value, label]) => (
                  <Select.Item key={value} value={value}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="rating-review-url" size="small" weight="plus">
              Public review link (optional)
            </Label>
            <Input
              id="rating-review-url"
              type="url"
              placeholder="https://g.page/r/…/review"
              value={reviewUrl}
              onChange={(event) => setReviewUrl(event.target.value)}
              data-testid="rating-review-url"
            />
          </div>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          A low rating emails the office and opens a complaint. With a review link, customers who give 5 stars are invited to leave a public review there.
        </Text>
        <div className="flex justify-end">
          <Button type="submit" size="small" isLoading={save.isPending} data-testid="rating-settings-save">
            Save
          </Button>
        </div>
      </div>
    </form>
  )
}

/** Settings → Ratings: when a low rating alerts the office, and the public review link for 5-star customers. */
const RatingSettingsPage = () => (
  <SettingsCard
    title="Ratings"
    description="Customers are asked to rate each completed visit, 1 to 5 stars, and can change their rating for 14 days."
    testId="rating-settings-page"
    query={useRatingSettings()}
  >
    {(data) => <RatingSettingsForm key={JSON.stringify(data.settings)} settings={data.settings} />}
  </SettingsCard>
)

export const config = defineRouteConfig({ label: "Ratings" })

export default RatingSettingsPage
