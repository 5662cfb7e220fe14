// Placeholder owned by the protocol engineer: LSt deployment, validator bots and history fast-forward go here.
import type { DevnetExtension } from '../extension';

export const protocolExtensions: DevnetExtension[] = [];
