import { generate } from 'selfsigned';

export interface Tls {
  cert: string;
  key: string;
}

/** A throwaway self-signed certificate for Etsy's hostnames, made fresh for each run. */
export async function makeThrowawayCertificate(): Promise<Tls> {
  const pems = await generate([{ name: 'commonName', value: 'www.etsy.com' }], {
    keySize: 2048,
    days: 1,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'www.etsy.com' },
          { type: 2, value: 'api.etsy.com' },
          { type: 2, value: 'openapi.etsy.com' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
