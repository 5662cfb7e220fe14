// What @ton/core (and our contract wrappers) take from @ton/crypto, for the app's build (vite.config.ts points their
// `@ton/crypto` here): the same functions with a byte-level SHA-256 in place of the hex-string jsSHA one, which made
// parsing a BOC in the browser several times slower than it needs to be. Signing is @ton/crypto's own.
import { Buffer } from 'buffer';
import { sha256 } from './sha256';

export { sign, signVerify } from '@ton/crypto/dist/primitives/nacl';

/** @ton/crypto's sha256_sync: a string is hashed as its UTF-8 bytes. */
export function sha256_sync(source: Buffer | string): Buffer {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const digest = sha256(bytes);
  return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength);
}
