/** The demo business's services: what a small multi-trade home-services company in the UK sells. */
export type DemoService = {
  handle: string
  title: string
  description: string
  duration_minutes: number
  /** Postcode areas served (Bristol, Bath, Gloucester); empty for everywhere. */
  areas?: string[]
  /** The kinds of dependent a booking asks about (by plural label): pets for a grooming, HVAC units for a boiler. */
  dependents?: string[]
  /** Teams that can take the same arrival window. */
  capacity?: number
  /** Variants with their prices in pounds; the cheapest one is the "starting from" price. */
  options: { title: string; values: { value: string; price: number }[] }
}

export const DEMO_SERVICES: DemoService[] = [
  {
    handle: "regular-home-clean",
    capacity: 3,
    title: "Regular Home Clean",
    description:
      "A thorough weekly or fortnightly clean by the same vetted cleaner each visit: kitchen surfaces and appliances wiped down, bathrooms descaled, floors vacuumed and mopped, beds changed and bins emptied. Bring your own products or let us supply eco-friendly ones.",
    duration_minutes: 150,
    options: {
      title: "Home size",
      values: [
        { value: "1–2 bedrooms", price: 65 },
        { value: "3 bedrooms", price: 85 },
        { value: "4+ bedrooms", price: 110 },
      ],
    },
  },
  {
    handle: "end-of-tenancy-clean",
    capacity: 2,
    title: "End of Tenancy Clean",
    description:
      "A deposit-back deep clean to letting-agent checklists: inside the oven, fridge and cupboards, limescale removed from every tap and tile, skirting boards, doors and windowsills washed. If your agent flags anything within 72 hours we come back free of charge.",
    duration_minutes: 300,
    options: {
      title: "Home size",
      values: [
        { value: "Studio or 1 bedroom", price: 180 },
        { value: "2–3 bedrooms", price: 260 },
        { value: "4+ bedrooms", price: 340 },
      ],
    },
  },
  {
    handle: "carpet-upholstery-cleaning",
    title: "Carpet & Upholstery Cleaning",
    description:
      "Hot-water extraction that lifts deep dirt, pet hair and allergens from carpets, rugs and sofas. Stains pre-treated, fibres groomed, and dry to walk on in about four hours.",
    duration_minutes: 120,
    options: {
      title: "Rooms",
      values: [
        { value: "1 room", price: 60 },
        { value: "3 rooms", price: 150 },
        { value: "Whole house (up to 6 rooms)", price: 260 },
      ],
    },
  },
  {
    handle: "window-cleaning",
    title: "Window Cleaning",
    description:
      "Streak-free windows inside and out using purified water-fed poles, frames and sills included. Safe up to four storeys without ladders against your walls.",
    duration_minutes: 60,
    options: {
      title: "Property",
      values: [
        { value: "Flat or terrace", price: 25 },
        { value: "Semi-detached", price: 35 },
        { value: "Detached", price: 50 },
      ],
    },
  },
  {
    handle: "oven-cleaning",
    title: "Oven Deep Clean",
    description:
      "Racks, trays and glass removed and soaked in a heated dip tank while we strip carbon from the cavity and door. Non-caustic products, no fumes, ready to cook the same evening.",
    duration_minutes: 120,
    options: {
      title: "Oven",
      values: [
        { value: "Single oven", price: 70 },
        { value: "Double oven", price: 95 },
        { value: "Range cooker", price: 130 },
      ],
    },
  },
  {
    handle: "lawn-mowing",
    title: "Lawn Mowing & Edging",
    description:
      "Mowing, strimming and crisp edges on every visit, clippings taken away. Ask for a seasonal feed and weed treatment and we'll add it to your plan.",
    duration_minutes: 60,
    options: {
      title: "Lawn size",
      values: [
        { value: "Small (up to 50 m²)", price: 30 },
        { value: "Medium (50–150 m²)", price: 45 },
        { value: "Large (150 m²+)", price: 70 },
      ],
    },
  },
  {
    handle: "gutter-clearing",
    title: "Gutter Clearing",
    description:
      "Gutters and downpipes cleared by high-reach vacuum, with before-and-after photos from a camera on the pole so you can see the job is done. Minor joint leaks resealed on the spot.",
    duration_minutes: 90,
    options: {
      title: "Property",
      values: [
        { value: "Terrace or bungalow", price: 65 },
        { value: "Semi-detached", price: 80 },
        { value: "Detached", price: 110 },
      ],
    },
  },
  {
    handle: "boiler-service",
    dependents: ["HVAC units"],
    areas: ["BS", "BA", "GL"],
    title: "Boiler Service",
    description:
      "An annual Gas Safe registered service: flue and combustion checks, burner and heat exchanger cleaned, pressure and safety devices tested. You get a service record for your warranty and landlord certificate.",
    duration_minutes: 60,
    options: {
      title: "System",
      values: [
        { value: "Combi boiler", price: 85 },
        { value: "System or regular boiler", price: 95 },
      ],
    },
  },
  {
    handle: "air-conditioning-tune-up",
    dependents: ["HVAC units"],
    title: "Air Conditioning Tune-Up",
    description:
      "Filters cleaned, coils washed, refrigerant pressure and drainage checked on split and ducted systems, so your unit cools efficiently before summer. Includes a written condition report.",
    duration_minutes: 90,
    options: {
      title: "Units",
      values: [
        { value: "1 indoor unit", price: 90 },
        { value: "2–3 indoor units", price: 150 },
        { value: "Ducted system", price: 190 },
      ],
    },
  },
  {
    handle: "dog-grooming",
    dependents: ["Pets"],
    title: "Mobile Dog Grooming",
    description:
      "A full groom in our heated van outside your door: bath with hypoallergenic shampoo, blow-dry, breed-standard clip, nails, ears and a bandana. One dog at a time, no cages, no waiting rooms.",
    duration_minutes: 90,
    options: {
      title: "Dog size",
      values: [
        { value: "Small", price: 45 },
        { value: "Medium", price: 55 },
        { value: "Large", price: 70 },
      ],
    },
  },
  {
    handle: "maths-tutoring",
    areas: [],
    title: "Maths Tutoring (GCSE & A-level)",
    description:
      "One-to-one lessons at your kitchen table with a DBS-checked tutor who follows your child's exam board. A short progress note after every session.",
    duration_minutes: 60,
    options: {
      title: "Level",
      values: [
        { value: "GCSE", price: 40 },
        { value: "A-level", price: 48 },
      ],
    },
  },
]

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }))

/** When each service can be booked: cleaning runs Saturdays too, tutoring in the evenings. */
export function demoSchedule(service: DemoService) {
  const tutoring = service.handle === "maths-tutoring"
  return {
    service_areas: service.areas ?? ["BS", "BA"],
    capacity: service.capacity ?? 1,
    window_minutes: tutoring ? 60 : 120,
    working_hours: tutoring
      ? [...weekdays("16:00", "20:00"), { weekday: 6, start: "09:00", end: "13:00" }]
      : [...weekdays("08:00", "18:00"), ...(service.handle.includes("clean") ? [{ weekday: 6, start: "09:00", end: "14:00" }] : [])],
    lead_time_hours: 24,
    horizon_days: 42,
  }
}

/** The first sentence of the description: the line on the services list. */
export const summaryOf = (service: DemoService) => service.description.split(/(?<=\.)\s/)[0]
