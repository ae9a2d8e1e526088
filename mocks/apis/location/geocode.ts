import { haversineMeters, type LatLng } from './geo.ts';
import { PLACES, placeView, type KnownPlace, type Place } from './places.ts';

export const MAX_GEOCODE_RESULTS = 5;
/** Beyond this, the nearest known place would be a misleading label. */
export const MAX_REVERSE_GEOCODE_METERS = 25_000;
/** Shorter text would match nearly every place by containment. */
const MIN_MATCH_LENGTH = 3;

export const CONFIDENCE = { exact: 1, addressPrefix: 0.9, contains: 0.7 } as const;

/**
 * Compare text the way people type it: case, punctuation and extra spaces do not count. Apostrophes vanish
 * ("Fisherman's" is "fishermans"); other punctuation separates words ("Steiner St & Hayes St").
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How well `text` (already normalized) names a place, or undefined when it does not. */
function confidenceFor(place: KnownPlace, text: string): number | undefined {
  const names = [place.name, ...place.aliases].map(normalize);
  if (names.includes(text)) return CONFIDENCE.exact;
  if (normalize(place.formatted_address).startsWith(text)) return CONFIDENCE.addressPrefix;
  if (names.some((name) => name.includes(text) || text.includes(name))) return CONFIDENCE.contains;
  return undefined;
}

/** The places matching an address or place name: best confidence first, then by name, at most 5. */
export function geocode(address: string): (Place & { confidence: number })[] {
  const text = normalize(address);
  if (text.length < MIN_MATCH_LENGTH) return [];
  return PLACES.flatMap((place) => {
    const confidence = confidenceFor(place, text);
    return confidence === undefined ? [] : [{ ...placeView(place), confidence }];
  })
    .sort((a, b) => b.confidence - a.confidence || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_GEOCODE_RESULTS);
}

/** The known place nearest a point, with its straight-line distance, or nothing beyond 25 km. */
export function reverseGeocode(point: LatLng): (Place & { distance_meters: number })[] {
  const [nearest] = PLACES.map((place) => ({
    ...placeView(place),
    distance_meters: Math.round(haversineMeters(point, place.location)),
  })).sort((a, b) => a.distance_meters - b.distance_meters || (a.place_id < b.place_id ? -1 : 1));
  return nearest && nearest.distance_meters <= MAX_REVERSE_GEOCODE_METERS ? [nearest] : [];
}
