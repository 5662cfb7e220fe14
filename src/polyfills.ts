// @ton/core and @ton/ton use Node's Buffer. This module is imported first in main.tsx so it exists before them.
import { Buffer } from 'buffer';

globalThis.Buffer ??= Buffer;
