import type { components } from '../../generated/types/location.ts';
import { durationSeconds, haversineMeters, roadMeters, type LatLng } from './geo.ts';

export type Driver = components['schemas']['Driver'];
export type NearbyDriver = components['schemas']['NearbyDriver'];

const driver = (
  id: string,
  name: string,
  [color, make, model]: [string, string, string],
  plate: string,
  lat: number,
  lng: number,
  rating: number,
): Driver => ({ object: 'driver', id, name, vehicle: { make, model, color, plate }, location: { lat, lng }, rating });

/** The 8 drivers of the table in the spec's `GET /drivers/{driver_id}` description. They never move or get busy. */
export const DRIVERS: readonly Driver[] = [
  driver('drv_4Qk9Zt2Lm', 'Ana Lima', ['white', 'Toyota', 'Prius'], '8RVK214', 37.7873, -122.409, 4.92),
  driver('drv_8Wm3Rx6Pb', 'Marcus Chen', ['gray', 'Honda', 'Civic'], '9BXT507', 37.7946, -122.395, 4.85),
  driver('drv_2Hn5Vc8Ty', 'Priya Natarajan', ['blue', 'Tesla', 'Model 3'], '8MJD362', 37.7802, -122.392, 4.97),
  driver('drv_6Jd1Ks4Qe', 'Diego Ramirez', ['black', 'Toyota', 'Camry'], '7FLN928', 37.762, -122.424, 4.78),
  driver('drv_9Fp7Gb3Nw', 'Fatima Okafor', ['green', 'Hyundai', 'Ioniq 5'], '9KPS140', 37.771, -122.465, 4.9),
  driver('drv_3Tx8Lz5Hv', 'Sam Whitfield', ['silver', 'Ford', 'Escape'], '8ZQE653', 37.8005, -122.44, 4.81),
  driver('drv_5Rc2Mw9Ud', 'Lena Novak', ['red', 'Kia', 'Niro'], '9DHW771', 37.76, -122.435, 4.88),
  driver('drv_7Ya4Pe1Xs', 'Kenji Watanabe', ['white', 'Toyota', 'Sienna'], '8CTA395', 37.616, -122.386, 4.95),
];

/**
 * Every driver with their straight-line distance to a point and their ETA by the driving formula, nearest first;
 * equal distances go by id so that the order, and so the assigned driver, never depends on the table's order.
 */
export function driversByDistance(point: LatLng): NearbyDriver[] {
  return DRIVERS.map((candidate) => ({
    ...structuredClone(candidate),
    distance_meters: Math.round(haversineMeters(candidate.location, point)),
    eta_seconds: durationSeconds(roadMeters(candidate.location, point), 'driving'),
  })).sort((a, b) => a.distance_meters - b.distance_meters || (a.id < b.id ? -1 : 1));
}

/** The driver as a ride shows them, without the distance fields of a nearby search. */
export function driverView({ distance_meters: _d, eta_seconds: _e, ...rest }: NearbyDriver): Driver {
  return rest;
}
