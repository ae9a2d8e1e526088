import { describe, expect, test } from 'vitest';
import { durationSeconds, fareCents, haversineMeters, quoteRoute, roadMeters, type LatLng } from '../geo.ts';
import { PLACES } from '../places.ts';

const at = (placeId: string): LatLng => PLACES.find((place) => place.place_id === placeId)!.location;

describe('the documented route formula', () => {
  test('Ferry Building → Oracle Park: 1,919 m straight, 2,494 m by road, 299 s by car, $6.24 (the spec’s example)', () => {
    const [from, to] = [at('plc_ferrybuilding'), at('plc_oraclepark')];
    expect(Math.round(haversineMeters(from, to))).toBe(1919);
    expect(quoteRoute(from, to)).toEqual({
      object: 'route_quote',
      mode: 'driving',
      origin: from,
      destination: to,
      distance_meters: 2494,
      duration_seconds: 299,
      fare_estimate: { amount: 624, currency: 'usd' },
    });
    expect(quoteRoute(from, to, 'walking')).toMatchObject({
      distance_meters: 2494,
      duration_seconds: 1796,
      fare_estimate: null,
    });
  });

  // Each row: road meters, then the driving and walking seconds and the fare in cents, all from the spec's steps
  // (computed independently, outside this code).
  test.each([
    ['plc_ferrybuilding', 'plc_ferrybuilding', 0, 0, 0, 250],
    ['plc_ferrybuilding', 'plc_oraclepark', 2494, 299, 1796, 624],
    ['plc_oraclepark', 'plc_ferrybuilding', 2494, 299, 1796, 624],
    ['plc_unionsquare', 'plc_twinpeaks', 6685, 802, 4813, 1253],
    ['plc_ferrybuilding', 'plc_sfo', 25237, 3028, 18171, 4036],
  ])('%s → %s: %i m, %i s driving, %i s walking, %i cents', (from, to, meters, driving, walking, fare) => {
    expect(roadMeters(at(from), at(to))).toBe(meters);
    expect(durationSeconds(meters, 'driving')).toBe(driving);
    expect(durationSeconds(meters, 'walking')).toBe(walking);
    expect(fareCents(meters)).toBe(fare);
  });

  test.each([
    // One degree of latitude on a 6,371 km sphere is 111,195 m.
    [{ lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111195],
    [{ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 }, 111195],
    [{ lat: 90, lng: 0 }, { lat: -90, lng: 0 }, 20015087],
  ])('haversine %j → %j is %i m', (from, to, meters) => {
    expect(Math.round(haversineMeters(from, to))).toBe(meters);
  });
});
