import type { components } from '../../generated/types/location.ts';

export type Place = components['schemas']['Place'];

/** A place in the sandbox's gazetteer, with the other names people call it by (never shown in answers). */
export interface KnownPlace extends Place {
  aliases: string[];
}

const place = (
  place_id: string,
  name: string,
  formatted_address: string,
  lat: number,
  lng: number,
  aliases: string[] = [],
): KnownPlace => ({ object: 'place', place_id, name, formatted_address, location: { lat, lng }, aliases });

/** The 12 places of the table in the spec's `GET /geocode` description, in its order. */
export const PLACES: readonly KnownPlace[] = [
  place('plc_ferrybuilding', 'Ferry Building', '1 Ferry Building, San Francisco, CA 94111', 37.7955, -122.3937, [
    'Ferry Plaza',
  ]),
  place('plc_unionsquare', 'Union Square', '333 Post St, San Francisco, CA 94108', 37.788, -122.4075),
  place('plc_goldengatepark', 'Golden Gate Park', 'Golden Gate Park, San Francisco, CA 94122', 37.7694, -122.4862),
  place('plc_oraclepark', 'Oracle Park', '24 Willie Mays Plaza, San Francisco, CA 94107', 37.7786, -122.3893, [
    'Giants ballpark',
  ]),
  place(
    'plc_sfo',
    'San Francisco International Airport',
    'San Francisco International Airport, San Francisco, CA 94128',
    37.6213,
    -122.379,
    ['SFO', 'SF airport'],
  ),
  place('plc_missiondolores', 'Mission Dolores', '3321 16th St, San Francisco, CA 94114', 37.7644, -122.4269),
  place('plc_coittower', 'Coit Tower', '1 Telegraph Hill Blvd, San Francisco, CA 94133', 37.8024, -122.4058, [
    'Telegraph Hill',
  ]),
  place('plc_chasecenter', 'Chase Center', '1 Warriors Way, San Francisco, CA 94158', 37.768, -122.3877, [
    'Warriors arena',
  ]),
  place('plc_salesforcetower', 'Salesforce Tower', '415 Mission St, San Francisco, CA 94105', 37.7897, -122.3972, [
    'Transbay Tower',
  ]),
  place('plc_palaceoffinearts', 'Palace of Fine Arts', '3601 Lyon St, San Francisco, CA 94123', 37.8029, -122.4484),
  place('plc_alamosquare', 'Alamo Square', 'Steiner St & Hayes St, San Francisco, CA 94117', 37.7764, -122.4346, [
    'Painted Ladies',
  ]),
  place('plc_twinpeaks', 'Twin Peaks', '501 Twin Peaks Blvd, San Francisco, CA 94114', 37.7544, -122.4477),
];

/** What the API shows of a place: the gazetteer's aliases are only for matching. */
export function placeView({ aliases: _aliases, ...place }: KnownPlace): Place {
  return place;
}
