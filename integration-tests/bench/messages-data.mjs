// The messages bench's data, made set-based in SQL: customers `cus_msgbench…`, four conversations
// each (a general one and three about bookings), twenty messages a conversation, and as many of
// Medusa's own feed notifications as messages, for the same customers over the same two years.

const WORDS = ["boiler", "gutter", "lawn", "carpet", "window", "oven", "patio", "hedge", "filter", "leak", "invoice", "key", "gate", "parking"]

/** Makes the data and returns how many customers it made and a word to search for. */
export async function generateMessages(db, { conversations, messagesPer, staffUserId }) {
  const customers = Math.ceil(conversations / 4)
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]`
  // Indexes are dropped for the load and built again after it, as a restore would (same end state).
  const indexes = (
    await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('conversation', 'conversation_message', 'notification') AND indexname NOT LIKE '%_pkey'`
    )
  ).rows
  await db.query("BEGIN")
  for (const { indexname } of indexes) await db.query(`DROP INDEX "${indexname}"`)
  await db.query(
    `INSERT INTO customer (id, first_name, last_name, email, has_account, created_at, updated_at)
     SELECT 'cus_msgbench' || lpad(g::text, 7, '0'), 'Bench', 'Writer ' || g, 'msgbench' || g || '@example.com', true,
            now() - interval '3 years', now()
       FROM generate_series(1, $1::int) g`,
    [customers]
  )
  // A third unassigned, a third the bench's staff member's, a third someone else's; one in ten unread by staff.
  await db.query(
    `INSERT INTO conversation (id, customer_id, subject_type, subject_id, title, assigned_user_id, last_message_at, last_message_preview,
                               customer_unread_count, staff_unread_count, created_at, updated_at)
     SELECT 'conv_mb' || lpad(g::text, 8, '0'), 'cus_msgbench' || lpad((1 + (g - 1) / 4)::text, 7, '0'),
            CASE WHEN g % 4 = 1 THEN 'general' ELSE 'booking' END,
            CASE WHEN g % 4 = 1 THEN NULL ELSE 'bkg_mb' || lpad(g::text, 8, '0') END,
            CASE WHEN g % 4 = 1 THEN 'General' ELSE 'Booking BK-' || (100000 + g) || ' · Regular Home Clean' END,
            CASE g % 3 WHEN 0 THEN NULL WHEN 1 THEN $2 ELSE 'user_someoneelse' END,
            t.at, 'About the ' || (${words})[1 + g % ${WORDS.length}] || ', see you then',
            CASE WHEN g % 7 = 0 THEN 1 ELSE 0 END, CASE WHEN g % 10 = 0 THEN 2 ELSE 0 END, t.at - interval '30 days', t.at
       FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL (SELECT now() - interval '2 years' + (g::float / $1::int) * interval '2 years' AS at) t`,
    [conversations, staffUserId]
  )
  // Messages in order, a day apart, ending at the conversation's last message; customer and staff in turn.
  await db.query(
    `INSERT INTO conversation_message (id, conversation_id, author_kind, author_id, author_name, body, created_at, updated_at)
     SELECT 'cmsg_mb' || lpad(c::text, 8, '0') || lpad(m::text, 3, '0'), 'conv_mb' || lpad(c::text, 8, '0'),
            CASE WHEN m % 2 = 1 THEN 'customer' ELSE 'staff' END,
            CASE WHEN m % 2 = 1 THEN 'cus_msgbench' || lpad((1 + (c - 1) / 4)::text, 7, '0') ELSE $3 END,
            CASE WHEN m % 2 = 1 THEN 'Bench Writer ' || (1 + (c - 1) / 4) ELSE 'Office' END,
            'Message ' || m || ' about the ' || (${words})[1 + (c * 31 + m) % ${WORDS.length}] || ' at number ' || c || ', thanks',
            t.at, t.at
       FROM generate_series(1, $1::int) c
       CROSS JOIN generate_series(1, $2::int) m
       CROSS JOIN LATERAL (SELECT now() - interval '2 years' + (c::float / $1::int) * interval '2 years' - ($2::int - m) * interval '1 day' AS at) t`,
    [conversations, messagesPer, staffUserId]
  )
  // Medusa's feed notifications, one for each message, to the same customers at the same times.
  await db.query(
    `INSERT INTO notification ("id", "to", channel, template, data, trigger_type, resource_id, resource_type, receiver_id, created_at, updated_at)
     SELECT 'noti_mb' || substr(m.id, 8), c.customer_id, 'feed', 'message-received',
            jsonb_build_object('title', 'New message', 'message', left(m.body, 60), 'url', '/messages/' || c.id),
            'conversation.message_posted', c.id, 'conversation', c.customer_id, m.created_at, m.created_at
       FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id
      WHERE m.id LIKE 'cmsg_mb%'`
  )
  for (const { indexdef } of indexes) await db.query(indexdef)
  await db.query("COMMIT")
  for (const table of ["customer", "conversation", "conversation_message", "notification"]) await db.query(`VACUUM ANALYZE ${table}`)
  return { customers, sampleWord: WORDS[3] }
}
