import { Form } from "@remix-run/react"

import { FormAlert } from "~/components/field"

type Answer = { intent: "decline" | "request-changes"; name: "reason" | "message"; title: string; label: string; button: string; testId: string }

const ANSWERS: Answer[] = [
  {
    intent: "request-changes",
    name: "message",
    title: "Ask for changes",
    label: "What would you like changed?",
    button: "Send to the office",
    testId: "quote-request-changes",
  },
  { intent: "decline", name: "reason", title: "Decline", label: "Why are you declining? It helps us.", button: "Decline the quote", testId: "quote-decline" },
]

/** "Ask for changes" and "Decline", each a small form of its own that opens on a click (no JavaScript needed). */
export function QuoteAnswers({ actionData, submitting }: { actionData?: { error?: string; field?: string }; submitting: boolean }) {
  return (
    <>
      {ANSWERS.map((answer) => {
        const error = actionData?.field === answer.name ? actionData.error : undefined
        return (
          <details key={answer.intent} className="quote-answer" open={error ? true : undefined}>
            <summary data-testid={`${answer.testId}-open`}>{answer.title}</summary>
            <Form method="post" className="form">
              <FormAlert message={error} />
              <label htmlFor={answer.name}>{answer.label}</label>
              <textarea id={answer.name} name={answer.name} rows={4} maxLength={2000} required data-testid={`${answer.testId}-text`} />
              <button type="submit" name="intent" value={answer.intent} className="button button--secondary" disabled={submitting} data-testid={answer.testId}>
                {answer.button}
              </button>
            </Form>
          </details>
        )
      })}
    </>
  )
}
