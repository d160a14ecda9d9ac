import { Form, Link } from "@remix-run/react"

/** One message as the conversation page shows it (shaped by its loader). */
export type ThreadMessage = {
  id: string
  mine: boolean
  author: string
  body: string
  deleted: boolean
  when: string
  files: { id: string; url: string; filename: string; image: boolean; size: string }[]
}

function MessageFiles({ files }: { files: ThreadMessage["files"] }) {
  if (!files.length) return null
  return (
    <ul className="attachment-list message__files">
      {files.map((file) => (
        <li key={file.id} className="attachment" data-testid="message-file">
          <a href={file.url} target="_blank" rel="noreferrer" className="attachment__link">
            {file.image ? (
              <img src={file.url} alt="" className="attachment__thumbnail" loading="lazy" />
            ) : (
              <span className="attachment__icon" aria-hidden="true">
                PDF
              </span>
            )}
            <span className="attachment__name">{file.filename}</span>
          </a>
          <span className="muted">{file.size}</span>
        </li>
      ))}
    </ul>
  )
}

/** "Delete" opens this under the message (a page of its own without JavaScript): the customer confirms first. */
function DeleteConfirmation({ message, back }: { message: ThreadMessage; back: string }) {
  return (
    <div className="notice-box message__confirm" role="group" aria-label="Delete this message?" data-testid="message-delete-confirm">
      <p>Delete this message? It stays in the conversation as “Message deleted”, for you and for us.</p>
      <Form method="post" className="message__confirm-actions">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="message_id" value={message.id} />
        <button type="submit" className="button button--danger" data-testid="message-delete-yes">
          Delete message
        </button>
        <Link to={back} preventScrollReset>
          Keep it
        </Link>
      </Form>
    </div>
  )
}

/** The conversation, oldest first: the customer's own messages on the right, the office's on the left. */
export function MessageThread({ messages, confirming, path }: { messages: ThreadMessage[]; confirming: string | null; path: string }) {
  return (
    <ol className="thread" data-testid="message-thread" aria-live="polite">
      {messages.map((message, index) => (
        <li
          key={message.id}
          id={index === messages.length - 1 ? "latest" : undefined}
          className={`message${message.mine ? " message--mine" : ""}${message.deleted ? " message--deleted" : ""}`}
          data-testid="message"
        >
          <p className="message__meta">
            <strong>{message.mine ? "You" : message.author}</strong> <span className="muted">{message.when}</span>
          </p>
          {message.deleted ? (
            <p className="message__body muted" data-testid="message-deleted">
              Message deleted
            </p>
          ) : (
            <>
              <p className="message__body" data-testid="message-body">
                {message.body}
              </p>
              <MessageFiles files={message.files} />
              {message.mine && confirming !== message.id ? (
                <Link
                  to={`${path}?${new URLSearchParams({ delete: message.id })}`}
                  className="message__delete"
                  preventScrollReset
                  data-testid="message-delete"
                  aria-label={`Delete your message of ${message.when}`}
                >
                  Delete
                </Link>
              ) : null}
              {message.mine && confirming === message.id ? <DeleteConfirmation message={message} back={path} /> : null}
            </>
          )}
        </li>
      ))}
    </ol>
  )
}
