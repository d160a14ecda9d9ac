import { beforeEach, describe, expect, it, vi } from "vitest"

// The workflow itself is exercised over HTTP (integration-tests/http/complaints.test.ts); here only
// what the low-rating subscriber asks of it, and that it asks once per rating.
// A plain spy: a vi.fn answering a rejected promise is reported as an unhandled rejection.
type Run = (args: { input: Record<string, unknown> }) => Promise<{ result: { id: string } }>
const calls: { input: Record<string, unknown> }[] = []
let runImpl: Run = async () => ({ result: { id: "cmp_new" } })
vi.mock("../open-complaint", () => ({
  openComplaintWorkflow: () => ({
    run: (args: { input: Record<string, unknown> }) => {
      calls.push(args)
      return runImpl(args)
    },
  }),
}))

const { lowRatingDescription, openComplaintFromRating } = await import("../from-low-rating")

type Row = { id: string; rating_id: string }

function containerWith(rows: Row[]) {
  const complaints = {
    listComplaints: vi.fn(async (filters: { rating_id: string }) => rows.filter((row) => row.rating_id === filters.rating_id)),
  }
  return { resolve: () => complaints } as never
}

const EVENT = { rating_id: "rat_1", booking_id: "bkg_1", customer_id: "cus_1", stars: 2, comment: "  Missed the back windows. " }

beforeEach(() => {
  calls.length = 0
  runImpl = async () => ({ result: { id: "cmp_new" } })
})

describe("a low rating opening a complaint", () => {
  it("opens one with the rating, its visit and the comment, as a rating's complaint about the quality of work", async () => {
    expect(await openComplaintFromRating(containerWith([]), EVENT)).toBe("cmp_new")
    expect(calls).toHaveLength(1)
    expect(calls[0].input).toEqual({
      customer_id: "cus_1",
      booking_id: "bkg_1",
      rating_id: "rat_1",
      source: "rating",
      category: "quality_of_work",
      description: "Rated 2 stars: Missed the back windows.",
      actor: { type: "system", name: "Low rating" },
    })
  })

  it("opens nothing when the rating already has its complaint (the event delivered again)", async () => {
    expect(await openComplaintFromRating(containerWith([{ id: "cmp_old", rating_id: "rat_1" }]), EVENT)).toBe("cmp_old")
    expect(calls).toHaveLength(0)
  })

  it("answers the complaint a racing delivery opened when its own is refused by the unique index", async () => {
    const rows: Row[] = []
    runImpl = async () => {
      rows.push({ id: "cmp_raced", rating_id: "rat_1" })
      throw new Error("duplicate key value violates unique constraint")
    }
    expect(await openComplaintFromRating(containerWith(rows), EVENT)).toBe("cmp_raced")
  })

  it("still fails when the complaint could not be opened for another reason", async () => {
    runImpl = async () => {
      throw new Error("Customer cus_1 was not found")
    }
    await expect(openComplaintFromRating(containerWith([]), EVENT)).rejects.toThrow("was not found")
  })

  it("describes a rating without a comment in words, and keeps a long one within the limit", () => {
    expect(lowRatingDescription({ stars: 1, comment: null })).toBe("Rated the visit 1 star, with no comment.")
    expect(lowRatingDescription({ stars: 2, comment: "x".repeat(6000) })).toHaveLength(5000)
  })
})
