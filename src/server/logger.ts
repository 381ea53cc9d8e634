// Structured logs that never hold a visitor's words, an address or a user agent: Havre logs no request,
// and these paths are censored in case an error object carries them.
import pino, { type DestinationStream, type Logger } from 'pino';

const redact = [
  'req.headers',
  'req.remoteAddress',
  'req.ip',
  '*.text',
  '*.body',
  '*.password',
  '*.token',
  'err.config',
  // Database errors carry the statement and its parameters (hashes, ciphertext, ids): never log them.
  'err.query',
  'err.params',
  'err.parameters',
  'err.detail',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redact, censor: '[redacted]' }, base: null }, destination);
}
