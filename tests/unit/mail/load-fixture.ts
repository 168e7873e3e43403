import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMessage } from '../../../lib/mail/parse-message';
import type { Message, RawMessage } from '../../../lib/types';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A fixture file as the readers would hand it over. */
export function rawFixture(path: string, format: RawMessage['format'] = 'rfc822'): RawMessage {
  return { source: path, position: 'file', raw: readFileSync(FIXTURES + path), format };
}

/** Parse a fixture that must parse; fails the test with the reason otherwise. */
export async function parseFixture(path: string, format?: RawMessage['format']): Promise<Message> {
  return parseBytes(rawFixture(path, format).raw, format);
}

export async function parseBytes(
  raw: Buffer | string,
  format: RawMessage['format'] = 'rfc822',
): Promise<Message> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  const result = await parseMessage({ source: 'test', position: 'inline', raw: bytes, format });
  if (!result.ok) throw new Error(`expected a message, got: ${result.reason}`);
  return result.message;
}
