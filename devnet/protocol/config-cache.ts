// The blockchain config, parsed once and kept in memory. Reading `blockchain.config` deserializes the whole
// ~150 KB BOC every time (about 0.2 s here), which would dominate a round switch; we write it twice per round.
import { beginCell, Cell, Dictionary } from '@ton/core';
import type { Blockchain } from '@ton/sandbox';

type ConfigDictionary = Dictionary<number, Cell>;

const caches = new WeakMap<Blockchain, ConfigCache>();

export class ConfigCache {
  private installed: string;

  private constructor(
    private readonly blockchain: Blockchain,
    private params: ConfigDictionary,
  ) {
    this.installed = blockchain.configBase64;
  }

  /** The cache of `blockchain`, reloaded when someone else replaced the config (e.g. a snapshot restore). */
  static of(blockchain: Blockchain): ConfigCache {
    let cache = caches.get(blockchain);
    if (!cache) caches.set(blockchain, (cache = new ConfigCache(blockchain, parse(blockchain))));
    if (blockchain.configBase64 !== cache.installed) {
      cache.params = parse(blockchain);
      cache.installed = blockchain.configBase64;
    }
    return cache;
  }

  get(id: number): Cell | undefined {
    return this.params.get(id);
  }

  /** Replaces (or, with null, removes) params and installs the new config in the chain. */
  set(changes: Record<number, Cell | null>): void {
    for (const [key, cell] of Object.entries(changes)) {
      const id = Number(key);
      if (cell) this.params.set(id, cell);
      else this.params.delete(id);
    }
    this.blockchain.setConfig(beginCell().storeDictDirect(this.params).endCell());
    this.installed = this.blockchain.configBase64;
  }

  /** Hash of config 34 as the pool and controllers compute it (cell hash), as a uint256. */
  validatorSetHash(): bigint {
    const cell = this.get(34);
    return cell ? BigInt('0x' + cell.hash().toString('hex')) : 0n;
  }
}

function parse(blockchain: Blockchain): ConfigDictionary {
  return Dictionary.loadDirect(Dictionary.Keys.Int(32), Dictionary.Values.Cell(), blockchain.config);
}
