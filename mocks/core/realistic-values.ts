import type { SchemaObject } from './openapi.ts';

/*
 * Realistic values for generated fields, from the field's name, format and pattern: an `email` looks like an email,
 * a `currency` is an ISO 4217 code, a `created` integer is a unix time. A small table rather than @faker-js/faker,
 * whose English locale would add about 150 kB gzip to the browser's sandbox chunk (decision 0010). Every value comes
 * from a seed, so the same sandbox key sees the same data after a reload. The sampler validates what these return
 * against the field's schema and falls back to its plain values when a hint does not fit.
 */

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Tim', 'Hedy'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Lee', 'Lamarr'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Labs', 'Stark Industries', 'Wayne Enterprises'];
const CITIES = ['London', 'Berlin', 'Lisbon', 'Toronto', 'Nairobi', 'Singapore', 'San Francisco', 'Melbourne'];
const STREETS = ['12 Market Street', '221B Baker Street', '5 Harbour Road', '48 Elm Avenue', '9 Station Square'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'PT', 'KE', 'SG', 'AU', 'JP'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'AUD', 'CHF'];
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'pt-PT', 'ja-JP'];
const TIME_ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'Asia/Singapore', 'Australia/Sydney'];
const WORDS = ['order', 'invoice', 'welcome', 'shipping', 'renewal', 'receipt', 'report', 'update', 'reminder'];
const SENTENCES = [
  'Thanks for your order, it ships tomorrow.',
  'Your invoice for March is ready.',
  'Meeting moved to 3 pm.',
  'Welcome aboard! Reply to this message if you need help.',
  'The deploy finished without errors.',
];
const ALPHANUMERIC = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
const AMOUNTS = [500, 1200, 1999, 2500, 4999, 12000];
/** 2025-01-01 and 2026-06-30: generated times fall in this window, in seconds. */
const TIME_FROM = 1_735_689_600;
const TIME_SPAN = 47_260_800;

/** A 32-bit seed from any parts (FNV-1a): `seedOf(sandboxKey)`, `seedOf(parent, 'email')`. */
export function seedOf(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const character of parts.join('\u0000')) {
    hash ^= character.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The n-th number (0 ≤ x < 1) of a seeded sequence (mulberry32), so one seed gives several independent picks. */
function random(seed: number, n = 0): number {
  let t = (seed + Math.imul(n + 1, 0x6d2b79f5)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

const pick = <T>(list: readonly T[], seed: number, n = 0): T => list[Math.floor(random(seed, n) * list.length)]!;

/** `customerEmail`, `Customer-Email` and `customer_email` all read `customer_email`. */
function words(name: string | undefined): string {
  return (name ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

function uuid(seed: number): string {
  const hex = Array.from({ length: 32 }, (_, i) => Math.floor(random(seed, i) * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(random(seed, 40) * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Unix seconds in the generated window. */
export function unixTime(seed: number): number {
  return TIME_FROM + Math.floor(random(seed, 7) * TIME_SPAN);
}

const isoTime = (seed: number) => new Date(unixTime(seed) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function person(seed: number) {
  const first = pick(FIRST, seed, 1);
  const last = pick(LAST, seed, 2);
  return { first, last, email: `${first}.${last}@example.com`.toLowerCase() };
}

/** Lowercase when the schema says so: its pattern takes lowercase only, its examples or its description are lowercase. */
function inCase(value: string, schema: SchemaObject): string {
  const lower = value.toLowerCase();
  if (typeof schema.pattern === 'string') {
    try {
      const pattern = new RegExp(schema.pattern, 'u');
      if (!pattern.test(value) && pattern.test(lower)) return lower;
      return value;
    } catch {
      return value;
    }
  }
  const examples = [schema.example, ...(Array.isArray(schema.examples) ? schema.examples : [])].filter(
    (example): example is string => typeof example === 'string' && /[a-z]/i.test(example),
  );
  if (examples.length > 0) return examples.every((example) => example === example.toLowerCase()) ? lower : value;
  return typeof schema.description === 'string' && /\blower-?case\b/i.test(schema.description) ? lower : value;
}

const TIME_NAME =
  /(^|_)(created|updated|modified|deleted|expires?|expired|started|ended|completed|sent|timestamp|time|date)(_|$)|_(at|on)$/;
/** Durations and counts that share a time word (`expires_in`, `time_seconds`) are not points in time. */
const DURATION = /_(in|seconds|secs|minutes|hours|days|duration|count|limit|format|zone)$/;
const isTime = (field: string) => TIME_NAME.test(field) && !DURATION.test(field);

/** A realistic string for a field, or undefined when neither its format nor its name says what it holds. */
export function hintedString(
  name: string | undefined,
  schema: SchemaObject,
  seed: number,
  /** The seed of the object holding the field: its name, email and username belong to one person. */
  holder = seed,
): string | undefined {
  const field = words(name);
  switch (schema.format) {
    case 'email':
      return person(holder).email;
    case 'uuid':
      return uuid(seed);
    case 'date-time':
      return isoTime(seed);
    case 'date':
      return isoTime(seed).slice(0, 10);
    case 'time':
      return isoTime(seed).slice(11);
    case 'uri':
    case 'url':
    case 'https':
      return /avatar|image|icon|photo|logo|picture/.test(field)
        ? `https://example.com/images/${pick(WORDS, seed)}.png`
        : `https://example.com/${pick(WORDS, seed)}s/${Math.floor(random(seed, 3) * 9000 + 1000)}`;
    case 'ipv4':
      return `192.0.2.${Math.floor(random(seed, 4) * 254) + 1}`;
    case 'phone-number':
      return phone(seed);
    case undefined:
      break;
    default:
      // Another format (`byte`, `binary`, `int64` text): the name may still say what it is, but not a date or URL.
      if (!['int32', 'int64', 'double', 'float', 'password'].includes(schema.format)) return undefined;
  }
  // Most fields match no rule: remember those, since a large document samples the same names thousands of times.
  if (UNHINTED_TEXT.has(field)) return undefined;
  const value = textByName(field, schema, seed, holder);
  if (value === undefined) UNHINTED_TEXT.add(field);
  return value;
}

const UNHINTED_TEXT = new Set<string>();
const UNHINTED_NUMBER = new Set<string>();

function textByName(field: string, schema: SchemaObject, seed: number, holder: number): string | undefined {
  const someone = person(holder);
  if (/(^|_)e_?mail(_address)?$|^email/.test(field)) return someone.email;
  if (/(^|_)uuid$|(^|_)guid$/.test(field)) return uuid(seed);
  if (/(^|_)(first|given)_?name$/.test(field)) return someone.first;
  if (/(^|_)(last|family|sur)_?name$/.test(field)) return someone.last;
  if (/(^|_)(user_?name|login|handle|screen_name|nickname)$/.test(field))
    return `${someone.first}.${someone.last}`.toLowerCase();
  if (/(^|_)(company|organi[sz]ation|business)(_name)?$/.test(field)) return pick(COMPANIES, seed);
  if (/(^|_)(full_?name|display_?name|real_name|contact_name|customer_name|billing_name)$|^name$/.test(field))
    return `${someone.first} ${someone.last}`;
  if (/(^|_)(phone|phone_number|mobile|telephone|msisdn)$/.test(field)) return phone(seed);
  if (/(^|_)currency(_code)?$/.test(field)) return inCase(pick(CURRENCIES, seed), schema);
  if (/(^|_)country(_code)?$/.test(field)) return inCase(pick(COUNTRIES, seed), schema);
  if (/(^|_)(city|town|locality)$/.test(field)) return pick(CITIES, seed);
  if (/(^|_)(street|line_?1|address_line_?1|address1)$/.test(field)) return pick(STREETS, seed);
  if (/(^|_)(postal_code|post_code|postcode|zip|zip_code)$/.test(field))
    return String(Math.floor(random(seed, 5) * 90000) + 10000);
  if (/(^|_)(locale|language)$/.test(field)) return inCase(pick(LOCALES, seed), schema);
  if (/(^|_)(time_?zone|tz)$/.test(field)) return pick(TIME_ZONES, seed);
  if (/(^|_)(avatar|image|icon|photo|logo|picture)(_url)?$/.test(field))
    return `https://example.com/images/${pick(WORDS, seed)}.png`;
  if (/(^|_)(url|uri|website|homepage|link|href)$/.test(field))
    return `https://example.com/${pick(WORDS, seed)}s/${Math.floor(random(seed, 3) * 9000 + 1000)}`;
  if (/(^|_)(birthday|birth_?date|date_of_birth|dob)$/.test(field))
    return `19${60 + Math.floor(random(seed, 16) * 40)}-0${1 + Math.floor(random(seed, 17) * 9)}-1${Math.floor(random(seed, 18) * 9)}`;
  // Ids without a pattern of their own: opaque text, different for every object.
  if (/(^|_)ids?$/.test(field))
    return Array.from(
      { length: 16 },
      (_, i) => ALPHANUMERIC[Math.floor(random(seed, 20 + i) * ALPHANUMERIC.length)],
    ).join('');
  if (/(^|_)(ip|ip_address)$/.test(field)) return `192.0.2.${Math.floor(random(seed, 4) * 254) + 1}`;
  if (/(^|_)colou?r$/.test(field))
    return `#${Math.floor(random(seed, 6) * 0xffffff)
      .toString(16)
      .padStart(6, '0')}`;
  // Slack-style message timestamps: unix seconds with microseconds, as text.
  if (/(^|_)ts$/.test(field))
    return `${unixTime(seed)}.${String(Math.floor(random(seed, 8) * 999999)).padStart(6, '0')}`;
  if (isTime(field)) return isoTime(seed);
  if (/(^|_)(description|bio|note|notes|text|body|message|content|comment|summary)$/.test(field))
    return pick(SENTENCES, seed);
  if (/(^|_)(title|subject|label)$/.test(field)) {
    const word = pick(WORDS, seed);
    return `${word[0]!.toUpperCase()}${word.slice(1)} ${Math.floor(random(seed, 9) * 90) + 10}`;
  }
  return undefined;
}

/** An E.164 number in the range North America sets aside for fiction (+1 555 010 0000–9999). */
function phone(seed: number): string {
  return `+1555010${String(Math.floor(random(seed, 10) * 10000)).padStart(4, '0')}`;
}

/** A realistic number for a field, or undefined when its name says nothing. */
export function hintedNumber(
  name: string | undefined,
  schema: SchemaObject,
  seed: number,
  integer: boolean,
): number | undefined {
  const field = words(name);
  const cacheKey = `${integer}:${field}`;
  if (UNHINTED_NUMBER.has(cacheKey)) return undefined;
  const value = numberByName(field, schema, seed, integer);
  if (value === undefined) UNHINTED_NUMBER.add(cacheKey);
  return value;
}

function numberByName(field: string, schema: SchemaObject, seed: number, integer: boolean): number | undefined {
  if (/(^|_)(amount|price|total|subtotal|balance|cost|fee|tax|discount|unit_amount|amount_\w+)$/.test(field)) {
    const cents = pick(AMOUNTS, seed);
    return integer ? cents : cents / 100;
  }
  if (isTime(field)) {
    const seconds = unixTime(seed);
    // Milliseconds where the name or the description says so (`created_ms`, "in milliseconds").
    const millis = /_ms$|millis/.test(field) || /millisecond/i.test(String(schema.description ?? ''));
    return millis ? seconds * 1000 : seconds;
  }
  if (/(^|_)(quantity|qty|count|seats|units)$/.test(field)) return Math.floor(random(seed, 11) * 5) + 1;
  if (/(^|_)(lat|latitude)$/.test(field) && !integer) return Math.round((random(seed, 12) * 120 - 60) * 1e5) / 1e5;
  if (/(^|_)(lng|lon|long|longitude)$/.test(field) && !integer)
    return Math.round((random(seed, 13) * 340 - 170) * 1e5) / 1e5;
  if (/(^|_)age$/.test(field)) return Math.floor(random(seed, 14) * 50) + 18;
  if (/(^|_)year$/.test(field)) return 2025 + Math.floor(random(seed, 15) * 2);
  return undefined;
}
