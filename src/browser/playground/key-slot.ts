/**
 * The sandbox key values that build code and browser code must agree on. A module of its own because the browser
 * needs them and the catalogue and reference pages, built at build time from the specs, must not be bundled for it.
 */

/** Where the sandbox key goes in a catalogue operation's credential headers. */
export const KEY_SLOT = '{key}';

/** The key every example, Try it box and playground request starts with; each key has its own sandbox state. */
export const READER_KEY = 'sk_test_engine_room_reader';
