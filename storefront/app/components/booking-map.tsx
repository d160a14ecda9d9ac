import { useEffect, useRef, useState } from "react"
import type { Map as LeafletMap } from "leaflet"

export type MapTiles = { url: string; attribution: string }

type MapPoint = { latitude: number; longitude: number; precision: "address" | "postcode_area"; zoom: number; label: string | null }

/** How long the first map tile may take before the map gives way to the address alone. */
const TILE_TIMEOUT_MS = 8000

/**
 * The booking's location on an OpenStreetMap map, as an enhancement: without JavaScript, or when
 * Leaflet or the tiles can't load (offline, blocked), nothing but a short note shows and the address
 * above it is what counts. An approximate position (the postcode's area) is a circle, never a pin.
 */
export function BookingMap({ point, tiles, address }: { point: MapPoint | null; tiles: MapTiles | null; address: string | null }) {
  const canvas = useRef<HTMLDivElement>(null)
  // "static" is what the server renders and what stays without JavaScript.
  const [state, setState] = useState<"static" | "loading" | "ready" | "unavailable">("static")
  // Set once in the browser, so the canvas is shown (and has a size) before Leaflet draws into it.
  const [started, setStarted] = useState(false)
  const key = point && tiles ? `${point.latitude},${point.longitude},${point.zoom},${point.precision},${tiles.url}` : null

  useEffect(() => {
    if (!key) return
    setStarted(true)
    setState("loading")
  }, [key])

  useEffect(() => {
    if (!started || !point || !tiles || !canvas.current) return
    let stopped = false
    let map: LeafletMap | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const fail = () => {
      if (stopped) return
      stopped = true
      clearTimeout(timer)
      map?.remove()
      map = undefined
      setState("unavailable")
    }
    import("leaflet")
      .then((module) => {
        const L = (module as unknown as { default?: typeof module }).default ?? module
        if (stopped || !canvas.current) return
        const centre: [number, number] = [point.latitude, point.longitude]
        map = L.map(canvas.current, { center: centre, zoom: point.zoom, scrollWheelZoom: false })
        let loaded = false
        const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 })
        layer.on("tileload", () => {
          if (loaded || stopped) return
          loaded = true
          clearTimeout(timer)
          setState("ready")
        })
        // Until one tile has arrived, an error means the tiles can't be reached at all.
        layer.on("tileerror", () => {
          if (!loaded) fail()
        })
        layer.addTo(map)
        if (point.precision === "address") {
          L.circleMarker(centre, { radius: 9, color: "#1f4e79", fillOpacity: 0.8 }).addTo(map)
        } else {
          L.circle(centre, { radius: 4000, color: "#1f4e79", fillOpacity: 0.12 }).addTo(map)
        }
        timer = setTimeout(() => {
          if (!loaded) fail()
        }, TILE_TIMEOUT_MS)
      })
      .catch(fail)
    return () => {
      stopped = true
      clearTimeout(timer)
      map?.remove()
    }
  }, [started, key]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!point || !tiles) return null
  const shown = state === "loading" || state === "ready"
  return (
    <figure className="booking-map" data-testid="booking-map" data-state={state}>
      <div ref={canvas} className="booking-map__canvas" hidden={!shown} role="img" aria-label={address ? `Map around ${address}` : "Map of the visit's area"} />
      {state === "ready" && point.precision === "postcode_area" && point.label ? (
        <figcaption className="muted">{`The circle shows the ${point.label}, not your exact address.`}</figcaption>
      ) : null}
      {state === "unavailable" ? (
        <figcaption className="muted" data-testid="booking-map-unavailable">
          The map couldn’t load. The address above is where we’ll come.
        </figcaption>
      ) : null}
    </figure>
  )
}
