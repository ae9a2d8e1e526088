import { describe, expect, test } from 'vitest';
import { DRIVERS, driversByDistance, driverView } from '../drivers.ts';

describe('the driver roster', () => {
  test('has the 8 drivers of the spec, with unique ids', () => {
    expect(new Set(DRIVERS.map((driver) => driver.id)).size).toBe(8);
  });

  test('near the Ferry Building: the distances and ETAs of the spec’s nearby example', () => {
    const nearest = driversByDistance({ lat: 37.7955, lng: -122.3937 }).slice(0, 3);
    expect(nearest.map((d) => [d.id, d.distance_meters, d.eta_seconds])).toEqual([
      ['drv_8Wm3Rx6Pb', 152, 24],
      ['drv_4Qk9Zt2Lm', 1624, 253],
      ['drv_2Hn5Vc8Ty', 1708, 266],
    ]);
    expect(nearest[0]).toEqual({
      object: 'driver',
      id: 'drv_8Wm3Rx6Pb',
      name: 'Marcus Chen',
      vehicle: { make: 'Honda', model: 'Civic', color: 'gray', plate: '9BXT507' },
      location: { lat: 37.7946, lng: -122.395 },
      rating: 4.85,
      distance_meters: 152,
      eta_seconds: 24,
    });
  });

  test.each([
    [{ lat: 37.6213, lng: -122.379 }, 'drv_7Ya4Pe1Xs'],
    [{ lat: 37.7694, lng: -122.4862 }, 'drv_9Fp7Gb3Nw'],
    [{ lat: 37.8029, lng: -122.4484 }, 'drv_3Tx8Lz5Hv'],
  ])('the nearest driver to %j is %s', (point, id) => {
    expect(driversByDistance(point)[0]!.id).toBe(id);
  });

  test('equal distances are ordered by id, not by the roster order', () => {
    // Halfway between Marcus (drv_8…, listed second) and Priya (drv_2…, listed third): both 811 m away.
    const [first, second] = driversByDistance({ lat: 37.7874, lng: -122.3935 });
    expect([first, second].map((d) => [d!.id, d!.distance_meters])).toEqual([
      ['drv_2Hn5Vc8Ty', 811],
      ['drv_8Wm3Rx6Pb', 811],
    ]);
  });

  test('a ride shows the driver without the search fields, and the roster is never changed', () => {
    const [nearest] = driversByDistance({ lat: 37.7955, lng: -122.3937 });
    const shown = driverView(nearest!);
    expect(shown).not.toHaveProperty('distance_meters');
    shown.location.lat = 0;
    expect(DRIVERS.find((d) => d.id === shown.id)!.location.lat).toBe(37.7946);
  });
});
