/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly VITE_NETWORK?: string;
  readonly VITE_DEVNET_URL?: string;
  readonly VITE_TON_ENDPOINT?: string;
  readonly VITE_TON_API_KEY?: string;
  readonly VITE_TON_MAX_RPS?: string;
  readonly VITE_POOL_ADDRESS?: string;
  readonly VITE_NATIVE_TICKER?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
