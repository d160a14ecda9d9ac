import type { MapTiles } from "~/components/booking-map"

const OSM_TILES: MapTiles = {
  url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}

/** OpenStreetMap's tiles unless PORTAL_MAP_TILES_URL names another server ("none": no map at all). */
export function mapTiles(): MapTiles | null {
  const url = process.env.PORTAL_MAP_TILES_URL?.trim()
  if (!url) return OSM_TILES
  if (url === "none") return null
  return { url, attribution: process.env.PORTAL_MAP_ATTRIBUTION?.trim() || OSM_TILES.attribution }
}
