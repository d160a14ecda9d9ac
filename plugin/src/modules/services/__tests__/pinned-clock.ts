/**
 * The "now" values the time rules are checked at (shared by the services and booking tests): the
 * moments a wall-clock-dependent rule is most likely to go wrong in the business's time zone.
 */
export const BUSINESS_ZONE = "Europe/London"

export const PINNED_NOWS: { label: string; now: Date }[] = [
  { label: "Monday 08:00 (winter)", now: new Date("2026-11-23T08:00:00Z") },
  { label: "Monday 08:00 (summer time)", now: new Date("2026-06-01T07:00:00Z") },
  { label: "Saturday 23:30 (winter)", now: new Date("2026-11-28T23:30:00Z") },
  { label: "Saturday 23:30 (summer time)", now: new Date("2026-06-06T22:30:00Z") },
  { label: "Saturday 21:50, when the reported run failed", now: new Date("2026-12-05T21:50:00Z") },
  { label: "31 December 23:59", now: new Date("2026-12-31T23:59:00Z") },
  { label: "28 February 23:59", now: new Date("2026-02-28T23:59:00Z") },
  { label: "29 February 23:59 (leap year)", now: new Date("2028-02-29T23:59:00Z") },
  { label: "31 August 23:59 (summer time)", now: new Date("2026-08-31T22:59:00Z") },
  { label: "30 April 23:59 (summer time)", now: new Date("2026-04-30T22:59:00Z") },
  // 29 March 2026: at 01:00 GMT the clocks go forward to 02:00 BST.
  { label: "clocks go forward: 00:30 GMT", now: new Date("2026-03-29T00:30:00Z") },
  { label: "clocks go forward: 00:59 GMT", now: new Date("2026-03-29T00:59:00Z") },
  { label: "clocks go forward: 02:00 BST", now: new Date("2026-03-29T01:00:00Z") },
  { label: "clocks go forward: 02:30 BST", now: new Date("2026-03-29T01:30:00Z") },
  { label: "the evening before the clocks go forward: 23:30 GMT", now: new Date("2026-03-28T23:30:00Z") },
  // 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00–02:00 happens twice.
  { label: "clocks go back: 00:30 BST", now: new Date("2026-10-24T23:30:00Z") },
  { label: "clocks go back: first 01:30 (BST)", now: new Date("2026-10-25T00:30:00Z") },
  { label: "clocks go back: second 01:30 (GMT)", now: new Date("2026-10-25T01:30:00Z") },
  { label: "clocks go back: 02:30 GMT", now: new Date("2026-10-25T02:30:00Z") },
  { label: "the evening before the clocks go back: 23:30 BST", now: new Date("2026-10-24T22:30:00Z") },
]

/** Zones with other rules (southern summer time, no summer time, half-hour offsets) for the properties. */
export const OTHER_ZONES = ["America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]

/** The pinned nows, and the same wall-clock moments' neighbourhoods in other zones' clock changes. */
export const DST_NIGHTS_ELSEWHERE: { zone: string; now: Date }[] = [
  // New York: forward at 02:00 on 8 March 2026, back at 02:00 on 1 November 2026.
  { zone: "America/New_York", now: new Date("2026-03-08T06:30:00Z") },
  { zone: "America/New_York", now: new Date("2026-11-01T05:30:00Z") },
  // Sydney: back at 03:00 on 5 April 2026, forward at 02:00 on 4 October 2026.
  { zone: "Australia/Sydney", now: new Date("2026-04-04T15:30:00Z") },
  { zone: "Australia/Sydney", now: new Date("2026-10-03T15:30:00Z") },
]
