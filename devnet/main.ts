// `npm run devnet`: the devnet on DEVNET_PORT (default 8081) with state in DEVNET_STATE_DIR (default .devnet/).
// `--reset` starts from genesis. Ctrl-C (or SIGTERM) saves the state and exits. Other env: DEVNET_HOST,
// DEVNET_FAULT_429 / DEVNET_FAULT_500 / DEVNET_LATENCY_MS, DEVNET_BLOCK_DELAY_MS, DEVNET_LOG_REQUESTS=1,
// DEVNET_EXTRA_API_PORTS (comma-separated ports serving the same API, e.g. a second RPC endpoint for fail-over),
// and the protocol's settings (devnet/protocol/settings.ts: DEVNET_ROUND_SECONDS, DEVNET_INSTANT_WITHDRAWAL_FEE, …).
import { resolve } from 'node:path';
import { faultsFromEnv } from './faults';
import { consoleLogger } from './logger';
import { protocolExtensions } from './protocol/index';
import { protocolSettingsFromEnv } from './protocol/settings';
import { startDevnet, type RunningDevnet } from './server';

const logger = consoleLogger();
const port = Number(process.env.DEVNET_PORT ?? 8081);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.error(`DEVNET_PORT must be a port number (got ${process.env.DEVNET_PORT})`);
  process.exit(2);
}
const extraApiPorts = (process.env.DEVNET_EXTRA_API_PORTS ?? '')
  .split(',')
  .map((value) => value.trim())
  .filter(Boolean)
  .map(Number);
if (extraApiPorts.some((extra) => !Number.isInteger(extra) || extra < 0 || extra > 65535)) {
  logger.error(`DEVNET_EXTRA_API_PORTS must be comma-separated port numbers (got ${process.env.DEVNET_EXTRA_API_PORTS})`);
  process.exit(2);
}
// The protocol's settings (DEVNET_ROUND_SECONDS, DEVNET_INSTANT_WITHDRAWAL_FEE, …): a bad value stops here, named,
// before any port is bound or state is touched.
try {
  protocolSettingsFromEnv(process.env);
} catch (error) {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const stateDir = resolve(process.env.DEVNET_STATE_DIR || '.devnet');
const reset = process.argv.includes('--reset');

let devnet: RunningDevnet;
try {
  devnet = await startDevnet({
    port,
    extraApiPorts,
    host: process.env.DEVNET_HOST || '127.0.0.1',
    stateDir,
    reset,
    extensions: protocolExtensions,
    logger,
    faults: faultsFromEnv(process.env),
    blockDelayMs: Number(process.env.DEVNET_BLOCK_DELAY_MS ?? 0),
    logRequests: process.env.DEVNET_LOG_REQUESTS === '1',
    // Never serve a chain the emulator may have corrupted: exit, leaving the last good state.json to restart from.
    onFatal: (message) => {
      logger.error(`stopping: ${message}`);
      process.exitCode = 70;
      setTimeout(() => process.exit(70), 200); // let the failing request get its reply
    },
  });
} catch (error) {
  const code = (error as { code?: string }).code;
  logger.error(
    code === 'EADDRINUSE'
      ? `port ${(error as { port?: number }).port ?? port} is in use (another devnet?): stop it or set DEVNET_PORT / DEVNET_EXTRA_API_PORTS`
      : `startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}
logger.info(
  `${devnet.chain.fresh ? 'fresh chain' : 'restored chain'} from ${stateDir}, ready in ${devnet.startupMs} ms`,
);
logger.info(`toncenter API: ${devnet.url}/jsonRPC   config: ${devnet.url}/devnet/config`);
for (const extra of devnet.extraPorts) logger.info(`toncenter API also on port ${extra}: ${devnet.url.replace(/:\d+$/, `:${extra}`)}/jsonRPC`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: saving state and stopping`);
  try {
    await devnet.close();
    process.exit(0);
  } catch (error) {
    logger.error(`shutdown failed: ${String(error)}`);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
