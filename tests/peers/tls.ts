import { generate } from 'selfsigned';

export interface Tls {
  cert: string;
  key: string;
}

/** A throwaway self-signed certificate for Etsy's hostnames, made fresh for each run. */
export async function makeThrowawayCertificate(): Promise<Tls> {
  const pems = await generate([{ name: 'commonName', value: 'www.etsy.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
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
