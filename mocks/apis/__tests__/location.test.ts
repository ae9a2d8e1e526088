import { describe, expect, test } from 'vitest';
import { sandboxClient } from './sandbox-client.ts';
import { verifyWebhook } from '../../core/webhooks.ts';

const KEY = 'sk_test_location01';
const FERRY_BUILDING = { lat: 37.7955, lng: -122.3937 };
const ORACLE_PARK = { lat: 37.7786, lng: -122.3893 };
const LOS_ANGELES = { lat: 34.0522, lng: -118.2437 };

function client() {
  const { sandbox, call, advance: tick } = sandboxClient('location', KEY, '2026-11-26T18:00:00Z');
  const eventTypes = async () =>
    (await call('GET', '/events?limit=100')).body.data.map((e: { type: string }) => e.type) as string[];
  const rides = () => (sandbox.state(KEY, 'location').data as { rides: { id: string }[] }).rides;
  return { sandbox, call, eventTypes, rides, tick };
}

describe('location scenarios', () => {
  test('a trip: geocode both ends, quote, see drivers, request a ride, complete it, all as events', async () => {
    const { call, sandbox, tick } = client();
    const pickup = await call('GET', '/geocode?address=ferry%20building');
    expect(pickup.body.results).toEqual([
      {
        object: 'place',
        place_id: 'plc_ferrybuilding',
        name: 'Ferry Building',
        formatted_address: '1 Ferry Building, San Francisco, CA 94111',
        location: FERRY_BUILDING,
        confidence: 1,
      },
    ]);
    const dropoff = await call('GET', `/geocode?address=${encodeURIComponent('Take me to Oracle Park!')}`);
    expect(dropoff.body.results).toMatchObject([{ place_id: 'plc_oraclepark', confidence: 0.7 }]);
    const [origin, destination] = [pickup.body.results[0].location, dropoff.body.results[0].location];

    const quote = await call('POST', '/routes/quote', { origin, destination });
    expect(quote.body).toEqual({
      object: 'route_quote',
      mode: 'driving',
      origin,
      destination,
      distance_meters: 2494,
      duration_seconds: 299,
      fare_estimate: { amount: 624, currency: 'usd' },
    });

    const nearby = await call('GET', `/drivers/nearby?lat=${origin.lat}&lng=${origin.lng}`);
    expect(nearby.body.data).toMatchObject([
      { id: 'drv_8Wm3Rx6Pb', distance_meters: 152, eta_seconds: 24 },
      { id: 'drv_4Qk9Zt2Lm', distance_meters: 1624, eta_seconds: 253 },
      { id: 'drv_2Hn5Vc8Ty', distance_meters: 1708, eta_seconds: 266 },
    ]);

    const ride = await call('POST', '/rides', { origin, destination, rider_name: 'Lin' });
    expect(ride.status).toBe(201);
    expect(ride.body).toMatchObject({
      object: 'ride',
      id: 'ride_t1',
      status: 'driver_assigned',
      rider_name: 'Lin',
      driver: { id: 'drv_8Wm3Rx6Pb', name: 'Marcus Chen', vehicle: { plate: '9BXT507' } },
      pickup_eta_seconds: 24,
      quote: quote.body,
      completed_at: null,
      canceled_at: null,
    });
    expect(ride.body.driver).not.toHaveProperty('distance_meters');

    const events = await call('GET', '/events?limit=2');
    const [assigned, requested] = events.body.data;
    expect(requested).toMatchObject({
      type: 'ride.requested',
      data: { object: { id: 'ride_t1', status: 'requested', driver: null, pickup_eta_seconds: null } },
    });
    expect(assigned).toMatchObject({
      type: 'ride.driver_assigned',
      data: { object: { id: 'ride_t1', status: 'driver_assigned', driver: { id: 'drv_8Wm3Rx6Pb' } } },
    });

    tick(570);
    const completed = await call('POST', `/rides/${ride.body.id}/complete`);
    expect(completed.body).toMatchObject({
      status: 'completed',
      completed_at: '2026-11-26T18:09:30.000Z',
      updated_at: '2026-11-26T18:09:30.000Z',
    });
    expect((await call('GET', `/rides/${ride.body.id}`)).body).toEqual(completed.body);
    expect((await call('GET', '/events?type=ride.completed')).body.data).toHaveLength(1);

    const cancelLate = await call('POST', `/rides/${ride.body.id}/cancel`, { reason: 'Too late' });
    expect(cancelLate).toMatchObject({
      status: 409,
      body: { detail: "Ride 'ride_t1' is completed and can no longer be canceled." },
    });
    expect((await call('POST', `/rides/${ride.body.id}/complete`)).status).toBe(409);

    const state = sandbox.state(KEY, 'location');
    const delivery = state.deliveries[0]!;
    expect(delivery.type).toBe('ride.completed');
    expect(
      await verifyWebhook(state.webhookSecret, delivery.headers, delivery.body, new Date(delivery.created_at)),
    ).toEqual({ valid: true });
  });

  test('the seeded ride of the examples can be canceled with a reason, once', async () => {
    const { call, eventTypes } = client();
    const seeded = await call('GET', '/rides/ride_5Kx2Pq8Wz3Nm');
    expect(seeded.body).toMatchObject({
      status: 'driver_assigned',
      driver: { id: 'drv_8Wm3Rx6Pb' },
      pickup_eta_seconds: 24,
      quote: { distance_meters: 2494, duration_seconds: 299, fare_estimate: { amount: 624, currency: 'usd' } },
      created_at: '2026-11-25T14:00:00Z',
    });
    const canceled = await call('POST', '/rides/ride_5Kx2Pq8Wz3Nm/cancel', { reason: 'Plans changed' });
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'Plans changed',
      canceled_at: '2026-11-26T18:00:00.000Z',
      completed_at: null,
    });
    expect((await eventTypes())[0]).toBe('ride.canceled');
    expect((await call('POST', '/rides/ride_5Kx2Pq8Wz3Nm/cancel')).status).toBe(409);
    const complete = await call('POST', '/rides/ride_5Kx2Pq8Wz3Nm/complete');
    expect(complete).toMatchObject({
      status: 409,
      body: { detail: "Ride 'ride_5Kx2Pq8Wz3Nm' is canceled; only a ride in driver_assigned can be completed." },
    });
    expect((await call('GET', '/rides/ride_5Kx2Pq8Wz3Nx')).status).toBe(404);
  });

  test('a cancel without a body records no reason', async () => {
    const { call } = client();
    const ride = await call('POST', '/rides', { origin: FERRY_BUILDING, destination: ORACLE_PARK, rider_name: 'Kim' });
    const canceled = await call('POST', `/rides/${ride.body.id}/cancel`);
    expect(canceled.body).toMatchObject({ status: 'canceled', cancellation_reason: null });
  });

  test.each([
    [
      'an origin outside the service area',
      { origin: LOS_ANGELES, destination: { lat: 34.06, lng: -118.25 } },
      [{ pointer: '/body/origin', detail: expect.stringMatching(/^no driver is within 10 km/) }],
    ],
    [
      'a trip over 100 km',
      { origin: FERRY_BUILDING, destination: { lat: 38.5816, lng: -121.4944 } },
      [{ pointer: '/body/destination', detail: 'the route would be 152.8 km by road; the limit is 100 km' }],
    ],
    [
      'both at once',
      { origin: LOS_ANGELES, destination: FERRY_BUILDING },
      [
        { pointer: '/body/origin', detail: expect.any(String) },
        { pointer: '/body/destination', detail: expect.stringMatching(/^the route would be \d+(\.\d)? km/) },
      ],
    ],
    [
      'swapped coordinates',
      { origin: { lat: -122.3937, lng: 37.7955 }, destination: ORACLE_PARK },
      [{ pointer: '/body/origin/lat', detail: expect.any(String) }],
    ],
  ])('a ride with %s is a 422 naming the field, and books nothing', async (_case, trip, errors) => {
    const { call, eventTypes, rides } = client();
    const before = await eventTypes();
    const refused = await call('POST', '/rides', { ...trip, rider_name: 'Ada' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual(errors);
    expect(await eventTypes()).toEqual(before);
    expect(rides().map((r) => r.id)).toEqual(['ride_5Kx2Pq8Wz3Nm']);
  });

  test('quotes: walking has no fare, and routes over 100 km are refused at the destination', async () => {
    const { call } = client();
    const walking = await call('POST', '/routes/quote', {
      origin: FERRY_BUILDING,
      destination: ORACLE_PARK,
      mode: 'walking',
    });
    expect(walking.body).toMatchObject({ mode: 'walking', distance_meters: 2494, duration_seconds: 1796 });
    expect(walking.body.fare_estimate).toBeNull();
    const far = await call('POST', '/routes/quote', { origin: FERRY_BUILDING, destination: LOS_ANGELES });
    expect(far.status).toBe(422);
    expect(far.body.errors).toEqual([
      { pointer: '/body/destination', detail: 'the route would be 727 km by road; the limit is 100 km' },
    ]);
    expect(
      (await call('POST', '/routes/quote', { origin: FERRY_BUILDING, destination: ORACLE_PARK, mode: 'bike' })).status,
    ).toBe(422);
  });

  test('reverse geocoding names the nearest place, or nothing far from San Francisco', async () => {
    const { call } = client();
    const near = await call('GET', '/reverse-geocode?lat=37.7958&lng=-122.3934');
    expect(near.body.results).toMatchObject([{ place_id: 'plc_ferrybuilding', distance_meters: 43 }]);
    expect(near.body.results[0]).not.toHaveProperty('aliases');
    expect((await call('GET', `/reverse-geocode?lat=${LOS_ANGELES.lat}&lng=${LOS_ANGELES.lng}`)).body).toEqual({
      results: [],
    });
  });

  test('nearby drivers: the radius bounds the list, and pages continue after the last id', async () => {
    const { call } = client();
    const ids = (page: { body: { data: { id: string }[] } }) => page.body.data.map((d) => d.id);
    const close = await call('GET', '/drivers/nearby?lat=37.7955&lng=-122.3937&radius_meters=1000');
    expect(ids(close)).toEqual(['drv_8Wm3Rx6Pb']);
    const wide = await call('GET', '/drivers/nearby?lat=37.7955&lng=-122.3937&radius_meters=10000&limit=4');
    expect(wide.body.has_more).toBe(true);
    const rest = await call(
      'GET',
      `/drivers/nearby?lat=37.7955&lng=-122.3937&radius_meters=10000&limit=4&starting_after=${wide.body.data[3].id}`,
    );
    expect([...ids(wide), ...ids(rest)]).toEqual([
      'drv_8Wm3Rx6Pb',
      'drv_4Qk9Zt2Lm',
      'drv_2Hn5Vc8Ty',
      'drv_3Tx8Lz5Hv',
      'drv_6Jd1Ks4Qe',
      'drv_5Rc2Mw9Ud',
      'drv_9Fp7Gb3Nw',
    ]);
    expect((await call('GET', '/drivers/nearby?lat=34.05&lng=-118.24')).body.data).toEqual([]);
    expect((await call('GET', '/drivers/drv_8Wm3Rx6Pb')).body.name).toBe('Marcus Chen');
    expect((await call('GET', '/drivers/drv_0000000')).status).toBe(404);
  });

  test('a ride requested twice with the same Idempotency-Key is booked once', async () => {
    const { call, rides } = client();
    const trip = { origin: FERRY_BUILDING, destination: ORACLE_PARK, rider_name: 'Ada' };
    const headers = { 'idempotency-key': 'tap-1' };
    const first = await call('POST', '/rides', trip, headers);
    const second = await call('POST', '/rides', trip, headers);
    expect(second.body.id).toBe(first.body.id);
    expect(rides()).toHaveLength(2);
  });
});
