import type { components } from '../../generated/types/location.ts';

export type LatLng = components['schemas']['LatLng'];
export type RouteQuote = components['schemas']['RouteQuote'];
export type TravelMode = RouteQuote['mode'];

/*
 * The sandbox's documented route formula (POST /routes/quote), kept in one place so that quotes, driver ETAs and
 * rides always agree, and a reader can check every number by hand.
 */

/** The mean Earth radius the spec names. */
export const EARTH_RADIUS_METERS = 6_371_000;
/** Roads are rarely straight: a typical city detour factor. */
export const ROAD_FACTOR = 1.3;
/** Seconds per meter: 30 km/h driving, 5 km/h walking. */
export const SECONDS_PER_METER: Record<TravelMode, number> = { driving: 0.12, walking: 0.72 };
export const BASE_FARE_CENTS = 250;
export const FARE_CENTS_PER_METER = 0.15;
/** Quotes and rides are refused beyond this road distance. */
export const MAX_ROUTE_METERS = 100_000;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance by the haversine formula, in meters, unrounded. */
export function haversineMeters(from: LatLng, to: LatLng): number {
  const dLat = radians(to.lat - from.lat);
  const dLng = radians(to.lng - from.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated road distance: the straight line × the detour factor, to the nearest meter. */
export const roadMeters = (from: LatLng, to: LatLng) => Math.round(haversineMeters(from, to) * ROAD_FACTOR);

export const durationSeconds = (distanceMeters: number, mode: TravelMode) =>
  Math.round(distanceMeters * SECONDS_PER_METER[mode]);

export const fareCents = (distanceMeters: number) =>
  BASE_FARE_CENTS + Math.round(distanceMeters * FARE_CENTS_PER_METER);

export function quoteRoute(origin: LatLng, destination: LatLng, mode: TravelMode = 'driving'): RouteQuote {
  const distance = roadMeters(origin, destination);
  return {
    object: 'route_quote',
    mode,
    origin,
    destination,
    distance_meters: distance,
    duration_seconds: durationSeconds(distance, mode),
    fare_estimate: mode === 'driving' ? { amount: fareCents(distance), currency: 'usd' } : null,
  };
}
