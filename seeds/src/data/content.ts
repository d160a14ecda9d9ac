export const DEMO_FAQS = [
  {
    category: "Bookings",
    order: 1,
    question: "How far ahead can I book?",
    answer: "You can book any free time window up to eight weeks ahead. Popular Saturday slots go first, so book early for weekends.",
  },
  {
    category: "Bookings",
    order: 2,
    question: "Can I reschedule or cancel a booking?",
    // {{…}} are filled in from Settings → Customer portal, so the rules are written in one place.
    answer: [
      "Yes, from **My bookings** in the portal: you can cancel {{cancellation_cutoff}} and reschedule {{reschedule_cutoff}}.",
      "{{cancellation_policy}}",
      "After that, please {{office_contact}}.",
    ].join("\n\n"),
  },
  {
    category: "Bookings",
    order: 3,
    question: "Do I need to be home during the visit?",
    answer: [
      "No. Many customers leave a key in a lockbox or with a neighbour. Add access instructions to your booking and your fieldworker will follow them.",
      "**Tip:** put the key safe's code in the booking's instructions rather than in an email: only the team visiting you sees it.",
    ].join("\n\n"),
  },
  {
    category: "Payments",
    order: 1,
    question: "When am I charged?",
    answer:
      "When you book with a saved card, the visit's price is reserved on the card when you book and taken after the visit. If you choose to pay on the day, nothing is taken online.",
  },
  {
    category: "Payments",
    order: 2,
    question: "Is my card stored safely?",
    answer:
      "Card details are held by our payment provider, Stripe, and never touch our servers. You can remove a saved card at any time from the Payments page.",
  },
  {
    category: "Our team",
    order: 1,
    question: "Are your staff vetted and insured?",
    answer: "Every fieldworker is DBS-checked, trained in-house and covered by our £5 million public liability insurance.",
  },
  {
    category: "Our team",
    order: 2,
    question: "What if I'm not happy with the job?",
    answer: "Tell us within 48 hours ({{office_contact}}) and we'll send someone back to put it right at no cost.",
  },
]

export const DEMO_TERMS = [
  {
    slug: "terms-of-service",
    title: "Terms of service",
    version: "2.1",
    publishedAt: "2026-01-15T09:00:00.000Z",
    body: [
      "These terms apply to every service booked with Brightside Home Services, whether through the customer portal, by phone or by email.",
      "A booking is confirmed when you receive a booking number. We will arrive within the time window shown on your booking. If we are running late we will tell you as soon as we know.",
      "You agree to give our fieldworkers safe access to the property and to tell us about pets, hazards or parking restrictions in the booking instructions.",
      "Prices shown are starting prices. If the job turns out to be materially larger than described, your fieldworker will agree any extra cost with you before starting the extra work.",
    ].join("\n\n"),
  },
  {
    slug: "cancellation-policy",
    title: "Cancellation and rescheduling policy",
    version: "1.3",
    publishedAt: "2026-03-01T09:00:00.000Z",
    body: [
      "You can cancel a booking {{cancellation_cutoff}} and reschedule it {{reschedule_cutoff}}, in the portal or by phone.",
      "{{cancellation_policy}}",
      "If we need to cancel, we will offer you the next available time window or a full refund.",
    ].join("\n\n"),
  },
  {
    slug: "gift-voucher-terms",
    title: "Gift voucher terms",
    version: "1.0",
    publishedAt: "2026-12-01T09:00:00.000Z",
    body: [
      "A gift voucher is emailed to the person it is for on the day you choose, with its code and a printable copy. They don't need an account to receive it.",
      "A voucher for an amount can be spent on any of our services, over several bookings, until nothing is left. A voucher for services pays for those services whenever they are booked, even if our prices have gone up since.",
      "Vouchers are valid for 12 months from the day they are sent. They can't be exchanged for cash. If a booking paid with a voucher is cancelled, the voucher is given back.",
      "Lost the email? Contact us ({{office_contact}}) and we will send it again.",
    ].join("\n\n"),
  },
  {
    slug: "privacy-notice",
    title: "Privacy notice",
    version: "1.0",
    publishedAt: "2025-11-01T09:00:00.000Z",
    body: [
      "We keep the details you give us (name, contact details, addresses and booking history) to provide our services and to contact you about your bookings.",
      "Marketing emails are only sent if you opt in, and every email has an unsubscribe link. You can ask for a copy of your data or for it to be deleted by contacting us.",
    ].join("\n\n"),
  },
]
