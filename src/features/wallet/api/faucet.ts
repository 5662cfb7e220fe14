import { DEVNET_MUTATION_HEADERS } from '../../../ton/devnet-request';
/** Devnet only: POST /devnet/faucet tops an address up with test coins. */
export async function requestTestCoins(
  devnetUrl: string,
  address: string,
  amountNano: bigint,
): Promise<void> {
  const response = await fetch(`${devnetUrl}/devnet/faucet`, {
    method: 'POST',
    headers: { ...DEVNET_MUTATION_HEADERS },
    body: JSON.stringify({ address, amount: amountNano.toString() }),
  });
  if (!response.ok) {
    const detail = await response.text().catch(() => '');
    throw new Error(`Faucet answered ${response.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`);
  }
}
