/** Devnet only: POST /devnet/faucet tops an address up with test coins. */
export async function requestTestCoins(
  devnetUrl: string,
  address: string,
  amountNano: bigint,
): Promise<void> {
  const response = await fetch(`${devnetUrl}/devnet/faucet`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, amount: amountNano.toString() }),
  });
  if (!response.ok) {
    const detail = await response.text().catch(() => '');
    throw new Error(`Faucet answered ${response.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`);
  }
}
