import { defineApi } from '../core/define-api.ts';
import { paginate } from '../core/pagination.ts';
import { ProblemError, problems } from '../core/problem.ts';
import type { FieldError } from '../core/validate.ts';
import type { components, operations } from '../generated/types/location.ts';
import { DRIVERS, driversByDistance, driverView } from './location/drivers.ts';
import { geocode, reverseGeocode } from './location/geocode.ts';
import { MAX_ROUTE_METERS, quoteRoute, type LatLng, type RouteQuote } from './location/geo.ts';

type Ride = components['schemas']['Ride'];

export interface LocationData {
  rides: Ride[];
}

/** Rides are offered only where a driver can reach the rider: the sandbox's service area. */
const MAX_PICKUP_METERS = 10_000;
const DEFAULT_RADIUS_METERS = 2_000;

function routeTooLong(quote: RouteQuote): FieldError | undefined {
  if (quote.distance_meters <= MAX_ROUTE_METERS) return undefined;
  const km = Math.round(quote.distance_meters / 100) / 10;
  return { pointer: '/body/destination', detail: `the route would be ${km} km by road; the limit is 100 km` };
}

/** One 422 listing every field at fault, so that a reader fixes both at once. */
function invalid(errors: FieldError[]): ProblemError {
  if (errors.length === 1) return problems.invalid(errors[0]!.pointer, errors[0]!.detail);
  return new ProblemError(422, 'The request body is not valid.', { errors });
}

function findRide(data: LocationData, id: string): Ride {
  const ride = data.rides.find((candidate) => candidate.id === id);
  if (!ride) throw new ProblemError(404, `No ride with id '${id}' was requested with this key.`);
  return ride;
}

function newRide(fields: Pick<Ride, 'id' | 'rider_name' | 'created_at'> & { origin: LatLng; destination: LatLng }) {
  const ride: Ride = {
    object: 'ride',
    status: 'requested',
    driver: null,
    pickup_eta_seconds: null,
    quote: quoteRoute(fields.origin, fields.destination, 'driving'),
    cancellation_reason: null,
    updated_at: fields.created_at,
    completed_at: null,
    canceled_at: null,
    ...fields,
  };
  return ride;
}

/** The ride of the spec's examples: Ada, from the Ferry Building to Oracle Park, with Marcus on the way. */
function exampleRide(): Ride {
  const ride = newRide({
    id: 'ride_5Kx2Pq8Wz3Nm',
    rider_name: 'Ada Lovelace',
    origin: { lat: 37.7955, lng: -122.3937 },
    destination: { lat: 37.7786, lng: -122.3893 },
    created_at: '2026-11-25T14:00:00Z',
  });
  const [nearest] = driversByDistance(ride.origin);
  return { ...ride, status: 'driver_assigned', driver: driverView(nearest!), pickup_eta_seconds: nearest!.eta_seconds };
}

export const location = defineApi<operations, LocationData>({
  seed: () => ({ rides: [exampleRide()] }),

  handlers: {
    geocode: ({ input }) => ({ status: 200, body: { results: geocode(input.query.address) } }),
    reverseGeocode: ({ input }) => ({
      status: 200,
      body: { results: reverseGeocode({ lat: input.query.lat, lng: input.query.lng }) },
    }),
    quoteRoute: ({ input }) => {
      // The validator checks the schema but does not fill in defaults.
      const quote = quoteRoute(input.body.origin, input.body.destination, input.body.mode ?? 'driving');
      const tooLong = routeTooLong(quote);
      if (tooLong) throw invalid([tooLong]);
      return { status: 200, body: quote };
    },

    listNearbyDrivers: ({ input }) => {
      const radius = input.query.radius_meters ?? DEFAULT_RADIUS_METERS;
      const nearby = driversByDistance({ lat: input.query.lat, lng: input.query.lng }).filter(
        (candidate) => candidate.distance_meters <= radius,
      );
      return { status: 200, body: paginate(nearby, input.query) };
    },
    getDriver: ({ input }) => {
      const found = DRIVERS.find((candidate) => candidate.id === input.path.driver_id);
      if (!found) {
        throw new ProblemError(
          404,
          `There is no driver with id '${input.path.driver_id}'. GET /drivers/nearby lists the drivers near a point.`,
        );
      }
      return { status: 200, body: found };
    },

    requestRide: async ({ data, input, id, now, emit }) => {
      const ride = newRide({ id: id('ride_'), ...input.body, created_at: now().toISOString() });
      const [nearest] = driversByDistance(ride.origin);
      const errors: FieldError[] = [];
      if (!nearest || nearest.distance_meters > MAX_PICKUP_METERS) {
        errors.push({
          pointer: '/body/origin',
          detail: 'no driver is within 10 km of this point; rides are available in San Francisco only',
        });
      }
      const tooLong = routeTooLong(ride.quote);
      if (tooLong) errors.push(tooLong);
      if (errors.length > 0 || !nearest) throw invalid(errors);

      data.rides.unshift(ride);
      // A copy: the ride changes below, and the event must show it as it was when requested.
      await emit('ride.requested', structuredClone(ride));
      Object.assign(ride, {
        status: 'driver_assigned',
        driver: driverView(nearest),
        pickup_eta_seconds: nearest.eta_seconds,
      });
      await emit('ride.driver_assigned', ride);
      return { status: 201, body: ride };
    },
    getRide: ({ data, input }) => ({ status: 200, body: findRide(data, input.path.ride_id) }),
    cancelRide: async ({ data, input, now, emit }) => {
      const ride = findRide(data, input.path.ride_id);
      if (ride.status !== 'requested' && ride.status !== 'driver_assigned')
        throw problems.conflict(`Ride '${ride.id}' is ${ride.status} and can no longer be canceled.`);
      const at = now().toISOString();
      Object.assign(ride, {
        status: 'canceled',
        cancellation_reason: input.body?.reason ?? null,
        canceled_at: at,
        updated_at: at,
      });
      await emit('ride.canceled', ride);
      return { status: 200, body: ride };
    },
    completeRide: async ({ data, input, now, emit }) => {
      const ride = findRide(data, input.path.ride_id);
      if (ride.status !== 'driver_assigned') {
        throw problems.conflict(
          `Ride '${ride.id}' is ${ride.status}; only a ride in driver_assigned can be completed.`,
        );
      }
      const at = now().toISOString();
      Object.assign(ride, { status: 'completed', completed_at: at, updated_at: at });
      await emit('ride.completed', ride);
      return { status: 200, body: ride };
    },
  },
});
