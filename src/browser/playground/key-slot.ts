/**
 * Where the sandbox key goes in a catalogue operation's credential headers. A module of its own because the browser
 * needs it and the catalogue, which is built at build time from the specs, must not be bundled for the browser.
 */
export const KEY_SLOT = '{key}';
