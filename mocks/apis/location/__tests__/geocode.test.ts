import { describe, expect, test } from 'vitest';
import { geocode, normalize, reverseGeocode } from '../geocode.ts';
import { PLACES } from '../places.ts';

const matches = (address: string) => geocode(address).map((place) => [place.place_id, place.confidence]);

describe('geocode', () => {
  test.each([
    ['Ferry Building', [['plc_ferrybuilding', 1]]],
    ['  FERRY   building!! ', [['plc_ferrybuilding', 1]]],
    ['Ferry Plaza', [['plc_ferrybuilding', 1]]],
    ['painted ladies', [['plc_alamosquare', 1]]],
    ['1 Warriors Way', [['plc_chasecenter', 0.9]]],
    ['3601 lyon st, san francisco', [['plc_palaceoffinearts', 0.9]]],
    ['steiner st & hayes', [['plc_alamosquare', 0.9]]],
    [
      'tower',
      [
        ['plc_coittower', 0.7],
        ['plc_salesforcetower', 0.7],
      ],
    ],
    ['take me to oracle park', [['plc_oraclepark', 0.7]]],
    [
      'park',
      [
        ['plc_goldengatepark', 0.7],
        ['plc_oraclepark', 0.7],
      ],
    ],
    // "sfo" is an alias, and also inside "salesforce": containment is plain text, as the spec describes it.
    [
      'SFO',
      [
        ['plc_sfo', 1],
        ['plc_salesforcetower', 0.7],
      ],
    ],
    ['san francisco', [['plc_sfo', 0.9]]],
    ['Mission Dolores Park', [['plc_missiondolores', 0.7]]],
    ['Buckingham Palace', []],
  ])('%j → %j', (address, expected) => {
    expect(matches(address)).toEqual(expected);
  });

  test('at most 5 results: a sentence naming six places gives the first five by name', () => {
    const results = geocode('ferry building, union square, oracle park, coit tower, chase center and twin peaks');
    expect(results.map((r) => [r.name, r.confidence])).toEqual([
      ['Chase Center', 0.7],
      ['Coit Tower', 0.7],
      ['Ferry Building', 0.7],
      ['Oracle Park', 0.7],
      ['Twin Peaks', 0.7],
    ]);
  });

  test.each(['a b', 'S.F', '...ab'])('%j is too short to match anything once punctuation and spaces go', (address) => {
    expect(geocode(address)).toEqual([]);
  });

  test('answers carry no aliases', () => {
    expect(geocode('Ferry Building')[0]).toEqual({
      object: 'place',
      place_id: 'plc_ferrybuilding',
      name: 'Ferry Building',
      formatted_address: '1 Ferry Building, San Francisco, CA 94111',
      location: { lat: 37.7955, lng: -122.3937 },
      confidence: 1,
    });
  });

  test.each([
    ["Fisherman's", 'fishermans'],
    ['Steiner St & Hayes St', 'steiner st hayes st'],
    ['  Coit-Tower ', 'coit tower'],
  ])('normalize(%j) is %j', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });
});

describe('reverseGeocode', () => {
  test.each([
    [{ lat: 37.7955, lng: -122.3937 }, 'plc_ferrybuilding', 0],
    // The point of the spec's example, 43 m from the Ferry Building.
    [{ lat: 37.7958, lng: -122.3934 }, 'plc_ferrybuilding', 43],
    [{ lat: 37.779, lng: -122.389 }, 'plc_oraclepark', 52],
    [{ lat: 37.62, lng: -122.38 }, 'plc_sfo', 169],
  ])('%j is nearest %s, %i m away', (point, placeId, meters) => {
    expect(reverseGeocode(point)).toMatchObject([{ place_id: placeId, distance_meters: meters }]);
  });

  test('nothing beyond 25 km of every place', () => {
    expect(reverseGeocode({ lat: 34.0522, lng: -118.2437 })).toEqual([]);
    expect(reverseGeocode({ lat: -122.4, lng: 37.78 })).toEqual([]);
  });

  test('the gazetteer has the 12 places of the spec, with unique ids', () => {
    expect(new Set(PLACES.map((place) => place.place_id)).size).toBe(12);
  });
});
