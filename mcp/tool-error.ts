/**
 * A tool input the server cannot act on. The SDK turns a thrown error into a tool result with `isError: true` and
 * the message as its text, so the model reads which field is at fault and why, and the server keeps running.
 */
export class ToolInputError extends Error {
  readonly field: string;

  constructor(field: string, detail: string) {
    super(`${field}: ${detail}`);
    this.name = 'ToolInputError';
    this.field = field;
  }
}
