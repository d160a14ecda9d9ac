import { FREQUENCY_CHOICES, type RepeatChoice } from "@fieldservice/contract"

import { Field } from "~/components/field"

/**
 * "How often?" on the booking's time step: just once (the default), or repeat visits with how
 * they end. Plain radio buttons and inputs, so it works without JavaScript.
 */
export function RepeatFields({ chosen, errors }: { chosen: RepeatChoice | null | undefined; errors?: { until?: string; count?: string } }) {
  const ends = chosen?.until ? "until" : chosen?.count ? "count" : "never"
  return (
    <>
      <fieldset className="choices choices--stacked" data-testid="repeat-frequency">
        <legend>How often?</legend>
        <div className="choice">
          <input type="radio" id="frequency-once" name="frequency" value="once" defaultChecked={!chosen} />
          <label htmlFor="frequency-once">Just this once</label>
        </div>
        {FREQUENCY_CHOICES.map((choice) => (
          <div className="choice" key={choice.value}>
            <input type="radio" id={`frequency-${choice.value}`} name="frequency" value={choice.value} defaultChecked={chosen?.frequency === choice.value} />
            <label htmlFor={`frequency-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="choices choices--stacked" data-testid="repeat-ends">
        <legend>If it repeats, until when?</legend>
        <div className="choice">
          <input type="radio" id="ends-never" name="ends" value="never" defaultChecked={ends === "never"} />
          <label htmlFor="ends-never">No end date</label>
        </div>
        <div className="choice">
          <input type="radio" id="ends-until" name="ends" value="until" defaultChecked={ends === "until"} />
          <label htmlFor="ends-until">Until a date</label>
        </div>
        <Field name="until" type="date" label="Last visit on or before" defaultValue={chosen?.until ?? ""} error={errors?.until} />
        <div className="choice">
          <input type="radio" id="ends-count" name="ends" value="count" defaultChecked={ends === "count"} />
          <label htmlFor="ends-count">After a number of visits</label>
        </div>
        <Field name="count" type="number" min={2} inputMode="numeric" label="Number of visits" defaultValue={chosen?.count ?? ""} error={errors?.count} />
      </fieldset>
      <p className="muted">Repeat visits are paid on the day of each visit, and booked 8 weeks ahead.</p>
    </>
  )
}
