// Headers of every devnet request that changes state or signs (faucet, dev wallet): the devnet refuses those
// routes without them. A custom header makes the browser send a CORS preflight first, which the devnet answers
// only for the app's origins (devnet/access.ts holds the server side; devnet/README.md "Access").
export const DEVNET_MUTATION_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'x-devnet-request': '1',
};
